package io.argus.tabular.knn;

import static io.argus.tabular.TabularFixtures.affine;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.goldenInSample;
import static io.argus.tabular.TabularFixtures.goldenNovelty;
import static io.argus.tabular.TabularFixtures.goldenTest;
import static io.argus.tabular.TabularFixtures.goldenTrain;
import static io.argus.tabular.TabularFixtures.maxAbsDiff;
import static io.argus.tabular.TabularFixtures.maxRelDiff;
import static io.argus.tabular.TabularFixtures.permutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.knn.KnnParams.Aggregate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KnnDistanceTest {

    /** Distances are float32 in Argus and float64 in scikit-learn. */
    private static final double REL_TOL = 1e-4;
    /** Where the reference distance is 0 (duplicates), a float32 distance must be 0 too, up to this. */
    private static final double ABS_TOL_AT_ZERO = 1e-6;

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] knn(Table t, int k, Aggregate a) {
        return new KnnDistance(new KnnParams(k, a)).fitScore(t, ctx).trainingScores().toArray();
    }

    static Stream<Arguments> goldenCases() {
        return TabularFixtures.GOLDEN_SETS.stream().flatMap(name -> Stream.of(5, 20).flatMap(k ->
                Stream.of(Arguments.of(name, k, Aggregate.LARGEST), Arguments.of(name, k, Aggregate.MEAN))));
    }

    private static String column(int k, Aggregate a) {
        return "knn" + k + "_" + a.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        System.out.printf("knn golden %s: max abs %.3g, max rel %.3g%n", what, maxAbsDiff(actual, expected),
                maxRelDiff(actual, expected));
        for (int i = 0; i < expected.length; i++) {
            double tol = expected[i] == 0 ? ABS_TOL_AT_ZERO : REL_TOL * Math.abs(expected[i]);
            assertThat(actual[i]).as("%s row %d", what, i).isCloseTo(expected[i], within(tol));
        }
    }

    // ---- golden values vs scikit-learn 1.2.1 / PyOD's KNN (fixtures from make_golden.py)

    @ParameterizedTest(name = "{0}, k={1}, {2}")
    @MethodSource("goldenCases")
    void inSampleDistancesMatchScikitLearnKneighbors(String name, int k, Aggregate a) {
        assertClose(knn(goldenTrain(name), k, a), goldenInSample(name, column(k, a)), name + " " + column(k, a) + " in-sample");
    }

    @ParameterizedTest(name = "{0}, k={1}, {2}")
    @MethodSource("goldenCases")
    void noveltyDistancesMatchScikitLearnKneighborsOfNewPoints(String name, int k, Aggregate a) {
        Model<Table> m = new KnnDistance(new KnnParams(k, a)).fit(goldenTrain(name), ctx);
        assertClose(m.score(goldenTest(name), ctx).toArray(), goldenNovelty(name, column(k, a)), name + " " + column(k, a) + " novelty");
    }

    @Test
    void oneDimensionalHandValue() {
        // Rows 0, 1, 3, 7: in-sample 2-NN distances are {1,3}, {1,2}, {2,3}, {4,6}.
        Table t = Table.of(new float[][] {{0}, {1}, {3}, {7}});
        assertThat(knn(t, 2, Aggregate.LARGEST)).containsExactly(3, 2, 3, 6);
        assertThat(knn(t, 2, Aggregate.MEAN)).containsExactly(2, 1.5, 2.5, 5);
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(150, 3, 11);
        int[] p = permutation(t.rows(), 5);
        for (Aggregate a : Aggregate.values()) {
            double[] base = knn(t, 7, a);
            double[] permuted = knn(t.select(p), 7, a);
            for (int i = 0; i < p.length; i++) {
                assertThat(permuted[i]).as("%s row %d (was %d)", a, i, p[i]).isCloseTo(base[p[i]], within(1e-9 * base[p[i]]));
            }
        }
    }

    @ParameterizedTest(name = "x -> {0} x")
    @CsvSource({"2.5", "0.01", "1000"})
    void distancesScaleWithTheData(float c) {
        Table t = gaussian(120, 4, 17);
        for (Aggregate a : Aggregate.values()) {
            double[] base = knn(t, 10, a);
            double[] scaled = knn(affine(t, c, 0), 10, a);
            for (int i = 0; i < base.length; i++) {
                base[i] *= c;
            }
            assertThat(maxRelDiff(scaled, base)).as("%s", a).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void translationLeavesDistancesUnchanged() {
        Table t = gaussian(120, 4, 19);
        double[] base = knn(t, 10, Aggregate.LARGEST);
        double[] moved = knn(affine(t, 1, 5), 10, Aggregate.LARGEST);
        assertThat(maxRelDiff(moved, base)).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void sameDataGivesSameScoresOnOneAndTwoThreads() {
        Table t = gaussian(700, 3, 29); // above the k-d tree threshold, so both searches are exercised
        try (Context one = Context.builder().threads(1).build()) {
            double[] a = new KnnDistance(KnnParams.DEFAULTS).fitScore(t, one).trainingScores().toArray();
            assertThat(knn(t, KnnParams.K_DEFAULT, Aggregate.LARGEST)).containsExactly(a);
        }
    }

    // ---- bad input

    @Test
    void kLargerThanRowsMinusOneIsRejectedNamingTheRange() {
        Table t = gaussian(6, 2, 1);
        assertThatThrownBy(() -> new KnnDistance(new KnnParams(6, Aggregate.LARGEST)).fit(t, ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter k = 6 is too large for 6 training rows; allowed: [1, 5]");
        assertThatThrownBy(() -> knn(t, 7, Aggregate.MEAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter k = 7 is too large for 6 training rows; allowed: [1, 5]");
    }

    @Test
    void scoringNoRowsGivesNoScores() {
        Model<Table> m = new KnnDistance(KnnParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void emptyTrainingDataIsRejected() {
        Table empty = Table.of(0, 2, new float[0], null, null, null);
        assertThatThrownBy(() -> knn(empty, 1, Aggregate.LARGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("neighbour methods need at least 2 training rows, got 0");
    }

    @Test
    void oneTrainingRowMessageDoesNotClaimKOneIsAllowed() {
        Table one = Table.of(new float[][] {{1, 2}});
        assertThatThrownBy(() -> knn(one, 1, Aggregate.LARGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("neighbour methods need at least 2 training rows, got 1");
    }

    @Test
    void kZeroIsOutOfRange() {
        assertThatThrownBy(() -> new KnnParams(0, Aggregate.LARGEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter k = 0 is out of range; allowed: [1, 100000]");
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new KnnDistance(KnnParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 5, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 5");
    }

    @Test
    void infiniteInputIsRejectedByTableNamingRowAndColumn() {
        float[] v = {1, 2, 3, Float.POSITIVE_INFINITY};
        assertThatThrownBy(() -> Table.of(2, 2, v, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("non-finite value Infinity at row 1, column 1");
    }
}
