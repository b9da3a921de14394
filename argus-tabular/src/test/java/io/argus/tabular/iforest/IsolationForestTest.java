package io.argus.tabular.iforest;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.permutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.TabularFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Isolation Forest draws its randomness differently from scikit-learn, so scores cannot be compared
 * value for value: the golden tests are the paper's c(n) and properties of the score instead.
 */
class IsolationForestTest {

    private static final double EULER_GAMMA = 0.5772156649;

    private static double[] scores(Table t, IsolationForestParams p, long seed, int threads) {
        try (Context ctx = Context.builder().seed(seed).threads(threads).build()) {
            return new IsolationForest(p).fit(t, ctx).score(t, ctx).toArray();
        }
    }

    private static double[] scores(Table t, long seed) {
        return scores(t, IsolationForestParams.DEFAULTS, seed, 2);
    }

    /** A 2-D standard Gaussian (n = 500) with row 0 replaced by a far outlier at (8, 8) and row 1 by the centre. */
    private static Table gaussianWithOutlier() {
        Table g = gaussian(500, 2, 101);
        float[] v = g.values().clone();
        v[0] = 8f;
        v[1] = 8f;
        v[2] = 0f;
        v[3] = 0f;
        return Table.of(500, 2, v, null, null, null);
    }

    // ---- golden: the paper's c(n)

    @Test
    void averagePathLengthIsThePapersC() {
        assertThat(IsolationForest.averagePathLength(0)).isEqualTo(0.0);
        assertThat(IsolationForest.averagePathLength(1)).isEqualTo(0.0);
        assertThat(IsolationForest.averagePathLength(2)).isEqualTo(1.0);
        // c(n) = 2 H(n-1) - 2(n-1)/n with H(i) ~ ln(i) + Euler's constant (Liu et al. 2008, eq. 1)
        assertThat(IsolationForest.averagePathLength(3)).isCloseTo(2 * (Math.log(2) + EULER_GAMMA) - 4.0 / 3, within(1e-9));
        assertThat(IsolationForest.averagePathLength(256)).isCloseTo(2 * (Math.log(255) + EULER_GAMMA) - 2.0 * 255 / 256, within(1e-9));
        assertThat(IsolationForest.averagePathLength(256)).isCloseTo(10.244770920116851, within(1e-9));
        assertThat(IsolationForest.averagePathLength(1_000_000)).isCloseTo(2 * (Math.log(999_999) + EULER_GAMMA) - 2.0 * 999_999 / 1_000_000, within(1e-9));
    }

    // ---- golden properties of the score

    @Test
    void farOutlierScoresAboveZeroPointSevenAndTheCentreBelowOneHalf() {
        double[] s = scores(gaussianWithOutlier(), 0);
        assertThat(s[0]).as("outlier at (8, 8)").isGreaterThan(0.7);
        assertThat(s[1]).as("centre (0, 0)").isLessThan(0.5);
    }

    @Test
    void scoresLieInZeroOne() {
        double[] s = scores(gaussianWithOutlier(), 3);
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isGreaterThan(0.0).isLessThanOrEqualTo(1.0));
    }

    @Test
    void sameSeedGivesIdenticalScores() {
        Table t = gaussian(400, 3, 7);
        assertThat(scores(t, 5)).containsExactly(scores(t, 5));
    }

    @Test
    void threadCountDoesNotChangeScores() {
        Table t = gaussian(5000, 3, 7); // more than one scoring block of 4096 rows
        IsolationForestParams p = IsolationForestParams.DEFAULTS;
        assertThat(scores(t, p, 9, 2)).containsExactly(scores(t, p, 9, 1));
    }

    @Test
    void differentSeedsGiveDifferentScores() {
        Table t = gaussian(400, 3, 7);
        assertThat(scores(t, 1)).isNotEqualTo(scores(t, 2));
    }

    @Test
    void maxSamplesAboveRowCountUsesAllRows() {
        Table t = gaussian(100, 2, 13);
        try (Context ctx = Context.builder().seed(4).threads(1).build()) {
            Model<Table> m = new IsolationForest(new IsolationForestParams(50, 1000)).fit(t, ctx);
            assertThat(m.state().get("normaliser").doubles()).containsExactly(IsolationForest.averagePathLength(100));
        }
        // psi = min(maxSamples, n): asking for exactly n or for more builds the same forest
        assertThat(scores(t, new IsolationForestParams(50, 1000), 4, 1)).containsExactly(scores(t, new IsolationForestParams(50, 100), 4, 1));
    }

    @Test
    void allRowsEqualGiveAFiniteConstantScore() {
        float[] v = new float[300 * 3];
        Arrays.fill(v, 2.5f);
        Table t = Table.of(300, 3, v, null, null, null);
        double[] s = scores(t, 0);
        // no split is possible: every tree is one leaf holding psi points, path c(psi), score 2^-1
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isFinite().isCloseTo(0.5, within(1e-12)));
    }

    @Test
    void permutingRowsKeepsTheScoreDistributionClose() {
        // The sub-samples are drawn by index, so a permutation changes the forest: only the ranking of
        // a clear outlier and the mean score are stable.
        Table t = gaussianWithOutlier();
        int[] p = permutation(t.rows(), 3);
        double[] base = scores(t, 0);
        double[] permuted = scores(t.select(p), 0);
        int where = 0;
        while (p[where] != 0) {
            where++;
        }
        assertThat(permuted[where]).isEqualTo(Arrays.stream(permuted).max().orElseThrow());
        assertThat(Arrays.stream(permuted).average().orElseThrow()).isCloseTo(Arrays.stream(base).average().orElseThrow(), within(0.01));
    }

    // ---- quality floor on real data (ADBench: fit and score all rows, 100 trees of 256)

    /**
     * Reference IForest AUROC, scikit-learn 1.2.1, 100 trees, copied from /work/shared/docs/BENCHMARKS.md
     * ("Tables (point outliers)" reference table). The full benchmark's bar is 0.02 on the 3-seed mean;
     * scikit-learn's own seed-to-seed spread is about 0.015, so a unit test over only seeds 0, 1, 2 uses 0.03.
     * (29_Pima sits about 0.024 above the reference with a seed spread under 0.002; scikit-learn 1.2.1
     * itself gives 0.671 over seeds 0..9, so the gap looks systematic and is worth a look in the benchmark.)
     */
    @ParameterizedTest(name = "{0}: reference {1}")
    @CsvSource({
        "4_breastw, 0.988",
        "6_cardio, 0.926",
        "14_glass, 0.788",
        "15_Hepatitis, 0.733",
        "18_Ionosphere, 0.842",
        "21_Lymphography, 0.999",
        "29_Pima, 0.664",
        "38_thyroid, 0.978",
        "42_WBC, 0.995",
        "43_WDBC, 0.987",
        "45_wine, 0.795",
    })
    void meanAurocOverThreeSeedsMatchesReference(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        Table x = t.withoutLabels();
        int[] y = t.labels().orElseThrow();
        double sum = 0;
        double[] each = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            each[seed] = auroc(scores(x, seed), y);
            sum += each[seed];
        }
        double mean = sum / 3;
        System.out.printf("iforest %s AUROC mean %.4f %s (reference %.3f)%n", name, mean, Arrays.toString(each), reference);
        assertThat(mean).as("IForest mean AUROC over seeds 0,1,2 on %s", name).isCloseTo(reference, within(0.03));
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new IsolationForestParams(0, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter trees = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> new IsolationForestParams(100, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter maxSamples = 1 is out of range; allowed: [2, 1073741824]");
    }

    @Test
    void oneTrainingRowIsRejected() {
        try (Context ctx = Context.builder().threads(1).build()) {
            assertThatThrownBy(() -> new IsolationForest(IsolationForestParams.DEFAULTS).fit(Table.of(new float[][] {{1, 2}}), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("isolation forest needs at least 2 training rows, got 1");
        }
    }

    @Test
    void emptyTrainingDataIsRejectedAndEmptyScoringGivesNoScores() {
        try (Context ctx = Context.builder().threads(1).build()) {
            Table empty = Table.of(0, 2, new float[0], null, null, null);
            IsolationForest f = new IsolationForest(new IsolationForestParams(10, 64));
            assertThatThrownBy(() -> f.fit(empty, ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("isolation forest needs at least 2 training rows, got 0");
            assertThat(f.fit(gaussian(50, 2, 1), ctx).score(empty, ctx).size()).isZero();
        }
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        try (Context ctx = Context.builder().threads(1).build()) {
            Model<Table> m = new IsolationForest(new IsolationForestParams(10, 64)).fit(gaussian(100, 4, 1), ctx);
            assertThatThrownBy(() -> m.score(gaussian(3, 1, 2), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shape mismatch: the model was fitted on 4 columns, the data has 1");
        }
    }
}
