package io.argus.tabular.cof;

import static io.argus.tabular.TabularFixtures.affine;
import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.maxAbsDiff;
import static io.argus.tabular.TabularFixtures.maxRelDiff;
import static io.argus.tabular.TabularFixtures.permutation;
import static io.argus.tabular.TabularFixtures.readColumns;
import static io.argus.tabular.TabularFixtures.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.tabular.TabularFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * COF against values computed with numpy straight from the paper's definitions
 * ({@code src/test/resources/golden/cof_make_golden.py}); scikit-learn has no COF and PyOD is not
 * installed here (and orders the path differently, see {@link #pathFollowsTheSetNotTheDistanceToP}).
 */
class ConnectivityOutlierFactorTest {

    private static final double TOL = 1e-9;

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] cof(Table t, int k) {
        return new ConnectivityOutlierFactor(new CofParams(k)).fitScore(t, ctx).trainingScores().toArray();
    }

    // ---- golden: the paper's definitions, computed with numpy

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"3", "5", "10"})
    void inSampleCofReproducesTheHandComputedValues(int k) {
        double[] actual = cof(readTable("/golden/cof_train.csv"), k);
        double[] expected = readColumns("/golden/cof_expected.csv").get("cof" + k);
        System.out.printf("cof golden k=%d in-sample: max abs %.3g%n", k, maxAbsDiff(actual, expected));
        assertThat(maxAbsDiff(actual, expected)).isLessThanOrEqualTo(TOL);
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"3", "5", "10"})
    void noveltyCofReproducesTheHandComputedValues(int k) {
        Model<Table> m = new ConnectivityOutlierFactor(new CofParams(k)).fit(readTable("/golden/cof_train.csv"), ctx);
        double[] actual = m.score(readTable("/golden/cof_test.csv"), ctx).toArray();
        double[] expected = readColumns("/golden/cof_novelty.csv").get("cof" + k);
        System.out.printf("cof golden k=%d novelty: max abs %.3g%n", k, maxAbsDiff(actual, expected));
        assertThat(maxAbsDiff(actual, expected)).isLessThanOrEqualTo(TOL);
    }

    /**
     * p = (0, 0) with neighbours a = (1, 0), c = (0, 1.5), b = (1.9, 0). By distance to p the order is a,
     * c, b; the set-based nearest path takes b second, because b is 0.9 from a. Costs 1, 0.9, 1.5 with
     * weights 2(r − i) / (r(r − 1)) = 1/2, 1/3, 1/6 for r = 4: ac-dist = 0.5 + 0.3 + 0.25 = 1.05 (PyOD's
     * order would give 0.5 + 0.5 + 0.15 = 1.15).
     */
    @Test
    void pathFollowsTheSetNotTheDistanceToP() {
        float[] p = {0, 0};
        float[] train = {1, 0, 0, 1.5f, 1.9f, 0};
        double ac = ConnectivityOutlierFactor.averageChainingDistance(p, 0, train, new int[] {0, 1, 2}, 2, new double[3], new boolean[3]);
        assertThat(ac).isCloseTo(1.05, within(1e-6)); // 1.9f and 1.5f are not exact in binary
    }

    @Test
    void evenlySpacedLineScoresOneInside() {
        // Every interior point of an evenly spaced line has the same chain (costs all equal to the spacing),
        // so its COF is exactly 1 when its neighbours are interior points too.
        float[][] rows = new float[21][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {i * 0.5f, i * 0.25f};
        }
        double[] s = cof(Table.of(rows), 2);
        for (int i = 3; i <= 17; i++) {
            assertThat(s[i]).as("row %d", i).isCloseTo(1.0, within(1e-12));
        }
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(150, 3, 11);
        int[] p = permutation(t.rows(), 5);
        double[] base = cof(t, 10);
        double[] permuted = cof(t.select(p), 10);
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).as("row %d (was %d)", i, p[i]).isCloseTo(base[p[i]], within(1e-12 * base[p[i]]));
        }
    }

    @ParameterizedTest(name = "x -> {0} x + {1}")
    @CsvSource({"1, 10", "2.5, 0", "0.01, -3", "7.5, 4"})
    void translationAndUniformScalingLeaveCofUnchanged(float a, float b) {
        Table t = gaussian(120, 4, 17);
        assertThat(maxRelDiff(cof(affine(t, a, b), 15), cof(t, 15))).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void sameDataGivesSameScoresOnOneAndThreeThreads() {
        Table t = gaussian(700, 3, 29); // several blocks of 256 rows
        try (Context one = Context.builder().threads(1).build(); Context three = Context.builder().threads(3).build()) {
            ConnectivityOutlierFactor c = new ConnectivityOutlierFactor(CofParams.DEFAULTS);
            assertThat(c.fitScore(t, three).trainingScores().toArray()).containsExactly(c.fitScore(t, one).trainingScores().toArray());
        }
    }

    @Test
    void farPointScoresHighAndTheClusterAboutOne() {
        Table t = gaussian(200, 2, 23);
        float[] v = t.values().clone();
        v[0] = 25f;
        v[1] = -25f;
        double[] s = cof(Table.of(200, 2, v, null, null, null), 20);
        assertThat(s[0]).isGreaterThan(5);
        assertThat(Arrays.stream(s).sorted().toArray()[100]).isCloseTo(1.0, within(0.1));
    }

    @Test
    void duplicatesOnlyGiveOneAndAPointBesideThemAFiniteLargeScore() {
        float[] v = new float[41 * 2];
        Arrays.fill(v, 3f);
        v[80] = 4f; // row 40 at (4, 3): its 10 neighbours are copies whose own ac-dist is 0
        double[] s = cof(Table.of(41, 2, v, null, null, null), 10);
        assertThat(Arrays.copyOf(s, 40)).containsOnly(1.0);
        // ac-dist(row 40) = (2 * 10 / (11 * 10)) * 1 = 2/11, over the 1e-10 that stands in for 0
        assertThat(s[40]).isFinite().isCloseTo(2.0 / 11 / ConnectivityOutlierFactor.EPSILON, within(1e-3));
    }

    // ---- model file round trip

    @Test
    void modelFileRoundTripScoresIdentically(@TempDir Path dir) {
        CofProvider provider = new CofProvider();
        CofParams p = new CofParams(7);
        Table train = gaussian(200, 3, 31);
        Table query = gaussian(40, 3, 32);
        Model<Table> model = provider.detector(p).fit(train, ctx);
        SavedModel<Table> saved = new SavedModel<>(provider, p, model, Calibration.fit(cof(train, 7)),
                new Threshold(1.5, "fixed", Double.NaN), new Provenance("0", "", train.rows(), train.cols(), "test", 1, "2026-01-01T00:00:00Z"));
        Path file = dir.resolve("cof.safetensors");
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(p);
        assertThat(back.model().score(query, ctx).toArray()).containsExactly(model.score(query, ctx).toArray());
        assertThat(back.calibration().knots()).containsExactly(saved.calibration().knots());
    }

    // ---- quality smoke test on real data (ADBench, fit and score all rows, k = 20)

    /**
     * References from {@code golden/cof_adbench_reference.py} (numpy): the paper's COF, which Argus must
     * reproduce (0.001: the AUROC is exact, but an index cut of ties at the k-distance could in principle
     * pick other neighbours than numpy's stable sort), and PyOD 1.1's COF formula, which orders the path
     * by distance to p and so differs by up to 0.022 (29_Pima); 0.03 for that one. For scale, LOF on the
     * same files (scikit-learn 1.2.1, BENCHMARKS.md): 0.547, 0.811, 0.861, 0.542, 0.943, 0.998.
     */
    @ParameterizedTest(name = "{0}: paper {1}, PyOD formula {2}")
    @CsvSource({
        "6_cardio, 0.5562, 0.5666",
        "14_glass, 0.8491, 0.8553",
        "18_Ionosphere, 0.8581, 0.8588",
        "29_Pima, 0.5405, 0.5186",
        "40_vowels, 0.9569, 0.9600",
        "45_wine, 0.9832, 0.9790",
    })
    void aurocOnAdbenchMatchesThePapersFormula(String name, double paper, double pyod) {
        Table t = TabularFixtures.adbench(name);
        double auc = auroc(cof(t.withoutLabels(), CofParams.K_DEFAULT), t.labels().orElseThrow());
        System.out.printf("cof %s AUROC %.4f (paper's formula in numpy %.4f, PyOD's formula %.4f)%n", name, auc, paper, pyod);
        assertThat(auc).as("COF AUROC on %s vs the paper's formula", name).isCloseTo(paper, within(0.001));
        assertThat(auc).as("COF AUROC on %s vs PyOD's formula", name).isCloseTo(pyod, within(0.03));
    }

    // ---- bad input

    @Test
    void kZeroIsOutOfRange() {
        assertThatThrownBy(() -> new CofParams(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter k = 0 is out of range; allowed: [1, 100000]");
    }

    @Test
    void kLargerThanRowsMinusOneIsRejectedNamingTheRange() {
        Table t = gaussian(10, 2, 1);
        assertThatThrownBy(() -> cof(t, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter k = 10 is too large for 10 training rows; allowed: [1, 9] (k must be smaller than the number of rows)");
        assertThat(cof(t, 9)).hasSize(10);
    }

    @Test
    void scoringNoRowsGivesNoScores() {
        Model<Table> m = new ConnectivityOutlierFactor(new CofParams(5)).fit(gaussian(30, 3, 1), ctx);
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new ConnectivityOutlierFactor(new CofParams(5)).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }
}
