package io.argus.tabular.cblof;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.goldenTest;
import static io.argus.tabular.TabularFixtures.goldenTrain;
import static io.argus.tabular.TabularFixtures.maxRelDiff;
import static io.argus.tabular.TabularFixtures.permutation;
import static io.argus.tabular.TabularFixtures.readColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Thresholds;
import io.argus.tabular.TabularFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class CblofTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] scores(Table t, CblofParams p, long seed, int threads) {
        try (Context c = Context.builder().seed(seed).threads(threads).build()) {
            return new Cblof(p).fit(t, c).score(t, c).toArray();
        }
    }

    private static CblofParams weighted(boolean w) {
        return new CblofParams(8, 0.9, 5, w, 10);
    }

    // ---- golden: hand-computed from the paper's rules with fixed centres (cblof_make_golden.py)

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"blobs2d, plain", "blobs2d, weighted", "gauss5d, plain", "gauss5d, weighted"})
    void scoresWithFixedCentresMatchTheHandComputedRules(String name, String column) {
        Map<String, double[]> c = readColumns("/golden/cblof_" + name + "_centers.csv");
        Table train = goldenTrain(name);
        int d = train.cols();
        int k = c.get("x0").length;
        double[] centers = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                centers[i * d + j] = c.get("x" + j)[i];
            }
        }
        Model<Table> m = Cblof.fromCenters(train, centers, weighted(column.equals("weighted")));
        double[] ins = m.score(train, ctx).toArray();
        double[] nov = m.score(goldenTest(name), ctx).toArray();
        assertThat(maxRelDiff(ins, readColumns("/golden/cblof_" + name + "_expected.csv").get(column))).isLessThanOrEqualTo(1e-12);
        assertThat(maxRelDiff(nov, readColumns("/golden/cblof_" + name + "_novelty.csv").get(column))).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void largeAndSmallClustersFollowTheAlphaAndBetaRules() {
        // sorted 50, 40, 6, 4 of 100: b=2 holds 90 >= 90 (alpha) and 40/6 >= 5 (beta): both at 2
        assertThat(Cblof.largeClusters(new int[] {6, 50, 4, 40}, 100, 0.9, 5)).containsExactly(0, 1, 0, 1);
        // sorted 30, 30, 30, 10: alpha first at b=3 (90), beta (30/10 = 3) never: alpha's b
        assertThat(Cblof.largeClusters(new int[] {30, 10, 30, 30}, 100, 0.9, 5)).containsExactly(1, 0, 1, 1);
        // sorted 60, 10, 10, 10, 10: beta at b=1 (6), alpha at b=4 (90), never both: alpha wins
        assertThat(Cblof.largeClusters(new int[] {10, 10, 60, 10, 10}, 100, 0.9, 5)).containsExactly(1, 1, 1, 1, 0);
        // sorted 25, 25, 25, 25: neither rule holds anywhere: PyOD raises, Argus keeps every cluster large
        assertThat(Cblof.largeClusters(new int[] {25, 25, 25, 25}, 100, 0.9, 5)).containsExactly(1, 1, 1, 1);
        // ties in size are ordered by index
        assertThat(Cblof.largeClusters(new int[] {45, 45, 5, 5}, 100, 0.9, 5)).containsExactly(1, 1, 0, 0);
    }

    @Test
    void trainingRowsScoreTheirDistanceToTheirOwnLargeCentre() {
        Table t = Table.of(new float[][] {{0, 0}, {0, 2}, {10, 0}});
        // centres (0, 1) with 2 rows and (10, 0) with 1: alpha 0.5 makes (0, 1) the only large cluster
        Model<Table> m = Cblof.fromCenters(t, new double[] {0, 1, 10, 0}, new CblofParams(2, 0.5, 1, false, 1));
        assertThat(m.score(t, ctx).toArray()).containsExactly(1, 1, Math.sqrt(101));
    }

    // ---- invariants

    @Test
    void sameSeedSameScoresWhateverTheThreads() {
        Table t = gaussian(9000, 4, 7); // more than two k-means blocks of 4096 rows
        assertThat(scores(t, CblofParams.DEFAULTS, 5, 2)).containsExactly(scores(t, CblofParams.DEFAULTS, 5, 1));
    }

    @Test
    void permutingRowsKeepsAClearOutlierOnTop() {
        // k-means++ draws rows by index, so a permutation changes the clustering: only strong signals are stable
        Table g = gaussian(600, 3, 11);
        float[] v = g.values().clone();
        Arrays.fill(v, 0, 3, 12f);
        Table t = Table.of(600, 3, v, null, null, null);
        int[] p = permutation(600, 5);
        double[] permuted = scores(t.select(p), CblofParams.DEFAULTS, 3, 2);
        int where = 0;
        while (p[where] != 0) {
            where++;
        }
        assertThat(permuted[where]).isEqualTo(Arrays.stream(permuted).max().orElseThrow());
        assertThat(scores(t, CblofParams.DEFAULTS, 3, 2)[0]).isEqualTo(Arrays.stream(scores(t, CblofParams.DEFAULTS, 3, 2)).max().orElseThrow());
    }

    // ---- model file

    @Test
    void modelFileRoundTripGivesIdenticalScores(@TempDir Path dir) {
        Table t = goldenTrain("blobs2d");
        CblofProvider provider = new CblofProvider();
        CblofParams p = new CblofParams(6, 0.85, 4, true, 3);
        Model<Table> m = provider.detector(p).fit(t, ctx);
        double[] train = m.score(t, ctx).toArray();
        SavedModel<Table> saved = new SavedModel<>(provider, p, m, Calibration.fit(train), Thresholds.contamination(train, 0.1),
                new Provenance(Fingerprints.of(t), "blobs2d.csv", t.rows(), t.cols(), "test", ctx.seed(), "2026-01-01T00:00:00Z"));
        Path file = dir.resolve("cblof" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(p);
        for (Table q : new Table[] {t, goldenTest("blobs2d")}) {
            assertThat(back.model().score(q, ctx).toArray()).containsExactly(m.score(q, ctx).toArray());
        }
    }

    @Test
    void restoreRejectsAModelWithoutLargeClusters() {
        Model<Table> m = new Cblof(new CblofParams(3, 0.9, 5, false, 1)).fit(gaussian(40, 2, 1), ctx);
        Map<String, Tensor> s = new LinkedHashMap<>(m.state());
        s.put("large", Tensor.i32(new int[] {0, 0, 0}));
        assertThatThrownBy(() -> Cblof.CblofModel.restore(CblofParams.DEFAULTS, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor 'large' marks no cluster as large");
    }

    // ---- quality on real data vs PyOD's rules on scikit-learn's KMeans (fit and score all rows)

    /**
     * The reference (cblof_adbench.csv, from cblof_make_golden.py) is the mean AUROC over random_state
     * 0..2 of the same rules on scikit-learn 1.2.1's KMeans(8, n_init=10), i.e. what PyOD's CBLOF()
     * computes. Both sides are randomised and k-means lands in different local optima, so the bar is
     * 0.03 on the three-seed mean (the largest gap seen, 6_cardio, is 0.014).
     */
    @ParameterizedTest(name = "{0}: reference {1}")
    @CsvFileSource(resources = "/golden/cblof_adbench.csv", numLinesToSkip = 1)
    void meanAurocOverThreeSeedsMatchesTheScikitLearnKMeansReference(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        double sum = 0;
        for (int seed = 0; seed < 3; seed++) {
            sum += auroc(scores(t.withoutLabels(), CblofParams.DEFAULTS, seed, 2), t.labels().orElseThrow());
        }
        System.out.printf("cblof %s AUROC mean %.4f (scikit-learn KMeans + PyOD rules %.4f)%n", name, sum / 3, reference);
        assertThat(sum / 3).as("CBLOF mean AUROC on %s", name).isCloseTo(reference, within(0.03));
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new CblofParams(1, 0.9, 5, false, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter clusters = 1 is out of range; allowed: [2, 100000]");
        assertThatThrownBy(() -> new CblofParams(8, 0.4, 5, false, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter alpha = 0.4 is out of range; allowed: [0.5, 1]");
        assertThatThrownBy(() -> new CblofParams(8, 0.9, 0.5, false, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter beta = 0.5 is out of range; allowed: [1, 1000000000]");
    }

    @Test
    void fewerRowsThanClustersIsRejectedNamingTheRange() {
        assertThatThrownBy(() -> new Cblof(CblofParams.DEFAULTS).fit(gaussian(5, 2, 1), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter clusters = 8 is too large for 5 training rows; allowed: [2, 5]");
    }

    @Test
    void oneRowIsRejectedAndConstantDataScoresZero() {
        assertThatThrownBy(() -> new Cblof(CblofParams.DEFAULTS).fit(Table.of(new float[][] {{1, 2}}), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CBLOF needs at least 2 training rows, got 1");
        float[] v = new float[50 * 2];
        Arrays.fill(v, 3f);
        // one cluster holds every row, the seven others are empty: 50 / 0 passes beta, the full one is large
        assertThat(scores(Table.of(50, 2, v, null, null, null), CblofParams.DEFAULTS, 1, 1)).containsOnly(0.0);
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatchAndNoRowsGiveNoScores() {
        Model<Table> m = new Cblof(CblofParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }
}
