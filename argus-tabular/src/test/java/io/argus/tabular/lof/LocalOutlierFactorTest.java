package io.argus.tabular.lof;

import static io.argus.tabular.TabularFixtures.affine;
import static io.argus.tabular.TabularFixtures.auroc;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LocalOutlierFactorTest {

    /** Distances are float32 in Argus and float64 in scikit-learn; 1e-4 relative covers the difference. */
    private static final double REL_TOL = 1e-4;

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] lof(Table t, int k) {
        return new LocalOutlierFactor(new LofParams(k)).fitScore(t, ctx).trainingScores().toArray();
    }

    static Stream<Arguments> goldenCases() {
        return TabularFixtures.GOLDEN_SETS.stream().flatMap(name -> Stream.of(Arguments.of(name, 5), Arguments.of(name, 20)));
    }

    // ---- golden values vs scikit-learn 1.2.1 (fixtures from src/test/resources/golden/make_golden.py)

    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("goldenCases")
    void inSampleLofMatchesScikitLearn(String name, int k) {
        double[] actual = lof(goldenTrain(name), k);
        double[] expected = goldenInSample(name, "lof" + k); // = -negative_outlier_factor_
        System.out.printf("lof golden %s k=%d in-sample: max abs %.3g, max rel %.3g%n", name, k,
                maxAbsDiff(actual, expected), maxRelDiff(actual, expected));
        assertThat(maxRelDiff(actual, expected)).as("max relative difference to scikit-learn").isLessThanOrEqualTo(REL_TOL);
    }

    @ParameterizedTest(name = "{0}, k={1}")
    @MethodSource("goldenCases")
    void noveltyLofMatchesScikitLearnScoreSamples(String name, int k) {
        Model<Table> model = new LocalOutlierFactor(new LofParams(k)).fit(goldenTrain(name), ctx);
        double[] actual = model.score(goldenTest(name), ctx).toArray();
        double[] expected = goldenNovelty(name, "lof" + k); // = -score_samples (novelty=True)
        System.out.printf("lof golden %s k=%d novelty: max abs %.3g, max rel %.3g%n", name, k,
                maxAbsDiff(actual, expected), maxRelDiff(actual, expected));
        assertThat(maxRelDiff(actual, expected)).as("max relative difference to scikit-learn").isLessThanOrEqualTo(REL_TOL);
    }

    @Test
    void fitThenScoreAgreesWithFitScoreOnlyForNewPoints() {
        // In-sample scores exclude each row from its own neighbourhood; scoring the same rows as new
        // points does not, so a duplicate-free row scores lower (denser) in novelty mode.
        Table t = gaussian(80, 2, 3);
        double[] inSample = lof(t, 10);
        double[] asNew = new LocalOutlierFactor(new LofParams(10)).fit(t, ctx).score(t, ctx).toArray();
        assertThat(asNew).isNotEqualTo(inSample);
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(150, 3, 11);
        int[] p = permutation(t.rows(), 5);
        double[] base = lof(t, 10);
        double[] permuted = lof(t.select(p), 10);
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).as("row %d (was %d)", i, p[i]).isCloseTo(base[p[i]], within(1e-9 * base[p[i]]));
        }
    }

    @ParameterizedTest(name = "x -> {0} x + {1}")
    @CsvSource({"1, 10", "2.5, 0", "0.01, -3", "7.5, 4"})
    void translationAndUniformScalingLeaveLofUnchanged(float a, float b) {
        Table t = gaussian(120, 4, 17);
        double[] base = lof(t, 15);
        double[] moved = lof(affine(t, a, b), 15);
        assertThat(maxRelDiff(moved, base)).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void clusterInteriorScoresAboutOneAndAFarPointScoresHigh() {
        Table t = gaussian(200, 2, 23);
        float[] v = t.values().clone();
        v[0] = 25f;
        v[1] = -25f;
        double[] s = lof(Table.of(200, 2, v, null, null, null), 20);
        assertThat(s[0]).isGreaterThan(5);
        double median = java.util.Arrays.stream(s).sorted().toArray()[100];
        assertThat(median).isCloseTo(1.0, within(0.1));
    }

    @Test
    void sameDataGivesSameScoresOnOneAndTwoThreads() {
        Table t = gaussian(300, 3, 29);
        try (Context one = Context.builder().threads(1).build()) {
            double[] a = new LocalOutlierFactor(new LofParams(20)).fitScore(t, one).trainingScores().toArray();
            assertThat(lof(t, 20)).containsExactly(a);
        }
    }

    // ---- quality floor on real data (ADBench, fit and score all rows, k = 20)

    /**
     * Reference LOF AUROC, scikit-learn 1.2.1, k = 20, copied from /work/shared/docs/BENCHMARKS.md
     * ("Tables (point outliers)" reference table). LOF is deterministic, so the bar is 0.01. It is not
     * 0: on integer-valued sets such as 42_WBC most rows have several neighbours tied at the k-distance
     * (178 of 223 rows for k = 20), and Argus cuts ties by index where scikit-learn's cut is arbitrary, so
     * the neighbourhoods, and the AUROC, differ slightly (0.827 here vs 0.832).
     */
    @ParameterizedTest(name = "{0}: reference {1}")
    @CsvSource({
        "4_breastw, 0.389",
        "6_cardio, 0.547",
        "14_glass, 0.811",
        "15_Hepatitis, 0.589",
        "18_Ionosphere, 0.861",
        "20_letter, 0.899",
        "21_Lymphography, 0.978",
        "29_Pima, 0.542",
        "38_thyroid, 0.807",
        "42_WBC, 0.832",
        "43_WDBC, 0.999",
        "45_wine, 0.998",
    })
    void aurocOnAdbenchMatchesReference(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        double auc = auroc(lof(t.withoutLabels(), LofParams.K_DEFAULT), t.labels().orElseThrow());
        System.out.printf("lof %s AUROC %.4f (reference %.3f)%n", name, auc, reference);
        assertThat(auc).as("LOF AUROC on %s", name).isCloseTo(reference, within(0.01));
    }

    // ---- bad input

    @Test
    void kLargerThanRowsMinusOneIsRejectedNamingTheRange() {
        Table t = gaussian(10, 2, 1);
        assertThatThrownBy(() -> lof(t, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter k = 10 is too large for 10 training rows; allowed: [1, 9]");
        assertThat(lof(t, 9)).hasSize(10);
    }

    @Test
    void scoringNoRowsGivesNoScores() {
        Model<Table> m = new LocalOutlierFactor(new LofParams(5)).fit(gaussian(30, 3, 1), ctx);
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void duplicatesOnlyGiveAFiniteLofOfOne() {
        // every reachability distance is 0, so lrd = 1 / 1e-10 for all rows (scikit-learn's epsilon)
        float[] v = new float[40 * 2];
        java.util.Arrays.fill(v, 3f);
        double[] s = lof(Table.of(40, 2, v, null, null, null), 10);
        assertThat(s).containsOnly(1.0);
    }

    @Test
    void kZeroIsOutOfRange() {
        assertThatThrownBy(() -> new LofParams(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter k = 0 is out of range; allowed: [1, 100000]");
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new LocalOutlierFactor(new LofParams(5)).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }

    @Test
    void nanInputIsRejectedByTableNamingRowAndColumn() {
        float[] v = {1, 2, 3, 4, Float.NaN, 6};
        assertThatThrownBy(() -> Table.of(3, 2, v, null, null, "x.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("x.csv: non-finite value NaN at row 2, column 0");
    }
}
