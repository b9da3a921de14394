package io.argus.tabular.loda;

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
import org.junit.jupiter.params.provider.CsvSource;

class LodaTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] scores(Table t, LodaParams p, long seed, int threads) {
        try (Context c = Context.builder().seed(seed).threads(threads).build()) {
            return new Loda(p).fit(t, c).score(t, c).toArray();
        }
    }

    // ---- golden: hand-computed from the paper's formula with fixed projections (loda_make_golden.py)

    @ParameterizedTest(name = "{0}, bins={1}")
    @CsvSource({"blobs2d, 10", "blobs2d, 4", "gauss5d, 10", "gauss5d, 4"})
    void scoresWithFixedProjectionsMatchTheHandComputedFormula(String name, int bins) {
        Map<String, double[]> proj = readColumns("/golden/loda_" + name + "_projections.csv");
        double[] projection = proj.get("projection");
        int k = (int) projection[projection.length - 1] + 1;
        int m = projection.length / k;
        int[] index = Arrays.stream(proj.get("feature")).mapToInt(x -> (int) x).toArray();
        Table train = goldenTrain(name);
        assertThat(m).isEqualTo(Loda.nonZeros(train.cols()));
        Model<Table> model = Loda.fromProjections(train, index, proj.get("weight"), m, bins, ctx);
        double[] ins = model.score(train, ctx).toArray();
        double[] nov = model.score(goldenTest(name), ctx).toArray();
        double[] expIns = readColumns("/golden/loda_" + name + "_expected.csv").get("bins" + bins);
        double[] expNov = readColumns("/golden/loda_" + name + "_novelty.csv").get("bins" + bins);
        assertThat(maxRelDiff(ins, expIns)).as("training rows").isLessThanOrEqualTo(1e-12);
        assertThat(maxRelDiff(nov, expNov)).as("held-out rows").isLessThanOrEqualTo(1e-12);
    }

    @Test
    void oneProjectionOneFeatureByHand() {
        // x = 0, 1, 2, 3, 10 on w = 1 with 2 bins over [0, 10]: bins [0, 5) holds 4 rows, [5, 10] holds 1.
        Table t = Table.of(new float[][] {{0}, {1}, {2}, {3}, {10}});
        Model<Table> m = Loda.fromProjections(t, new int[] {0}, new double[] {1}, 1, 2, ctx);
        double norm = (5 + 2 * Loda.EPSILON) * 5;
        double[] s = m.score(Table.of(new float[][] {{1}, {10}, {11}}), ctx).toArray();
        assertThat(s[0]).isCloseTo(-Math.log((4 + Loda.EPSILON) / norm), within(1e-12));
        assertThat(s[1]).isCloseTo(-Math.log((1 + Loda.EPSILON) / norm), within(1e-12));
        assertThat(s[2]).as("outside the training range: an empty bin").isCloseTo(-Math.log(Loda.EPSILON / norm), within(1e-12));
    }

    @Test
    void projectionsHaveFloorSqrtDNonZeros() {
        assertThat(Loda.nonZeros(1)).isEqualTo(1);
        assertThat(Loda.nonZeros(3)).isEqualTo(1);
        assertThat(Loda.nonZeros(9)).isEqualTo(3);
        assertThat(Loda.nonZeros(1555)).isEqualTo(39);
        Model<Table> m = new Loda(new LodaParams(10, 20)).fit(gaussian(50, 10, 1), ctx);
        assertThat(m.state().get("index").shape()).containsExactly(20, 3);
    }

    // ---- invariants

    @Test
    void sameSeedSameScoresWhateverTheThreads() {
        Table t = gaussian(5000, 6, 7);
        assertThat(scores(t, LodaParams.DEFAULTS, 5, 2)).containsExactly(scores(t, LodaParams.DEFAULTS, 5, 1));
        assertThat(scores(t, LodaParams.DEFAULTS, 6, 2)).isNotEqualTo(scores(t, LodaParams.DEFAULTS, 5, 2));
    }

    @Test
    void permutingRowsPermutesScores() {
        // projections depend on the seed only and histograms on the set of rows, so scores follow the rows
        Table t = gaussian(400, 4, 11);
        int[] p = permutation(t.rows(), 5);
        double[] base = scores(t, LodaParams.DEFAULTS, 3, 2);
        double[] permuted = scores(t.select(p), LodaParams.DEFAULTS, 3, 2);
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).isCloseTo(base[p[i]], within(1e-12));
        }
    }

    @Test
    void farPointScoresHighest() {
        Table g = gaussian(500, 5, 9);
        float[] v = g.values().clone();
        Arrays.fill(v, 0, 5, 9f);
        double[] s = scores(Table.of(500, 5, v, null, null, null), LodaParams.DEFAULTS, 1, 2);
        assertThat(s[0]).isEqualTo(Arrays.stream(s).max().orElseThrow());
    }

    @Test
    void constantDataGivesAFiniteConstantScore() {
        float[] v = new float[60 * 3];
        Arrays.fill(v, 4f);
        double[] s = scores(Table.of(60, 3, v, null, null, null), LodaParams.DEFAULTS, 1, 1);
        // every projection is constant: one bin of width 1/10 holds all rows, density 10
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isCloseTo(-Math.log(10), within(1e-9)));
    }

    // ---- model file

    @Test
    void modelFileRoundTripGivesIdenticalScores(@TempDir Path dir) {
        Table t = goldenTrain("gauss5d");
        LodaProvider provider = new LodaProvider();
        LodaParams p = new LodaParams(7, 30);
        Model<Table> m = provider.detector(p).fit(t, ctx);
        double[] train = m.score(t, ctx).toArray();
        SavedModel<Table> saved = new SavedModel<>(provider, p, m, Calibration.fit(train), Thresholds.contamination(train, 0.1),
                new Provenance(Fingerprints.of(t), "gauss5d.csv", t.rows(), t.cols(), "test", ctx.seed(), "2026-01-01T00:00:00Z"));
        Path file = dir.resolve("loda" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(p);
        for (Table q : new Table[] {t, goldenTest("gauss5d")}) {
            assertThat(back.model().score(q, ctx).toArray()).containsExactly(m.score(q, ctx).toArray());
        }
    }

    @Test
    void restoreRejectsAFeatureIndexOutOfRange() {
        Model<Table> m = new Loda(new LodaParams(5, 3)).fit(gaussian(30, 4, 1), ctx);
        Map<String, Tensor> s = new LinkedHashMap<>(m.state());
        s.put("index", Tensor.i32(new int[] {0, 1, 2, 3, 4, 9}, 3, 2));
        assertThatThrownBy(() -> Loda.LodaModel.restore(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("projection uses feature 4 of 4");
    }

    // ---- quality floor on real data (fit and score all rows; scikit-learn has no LODA)

    /**
     * Floors 0.05 under the mean over seeds 0..2 that Argus measured when this test was written (PyOD's
     * LODA is not in Debian, and its off-by-one bin lookup would make its numbers differ anyway).
     */
    @ParameterizedTest(name = "{0}: floor {1}")
    @CsvSource({"4_breastw, 0.94", "6_cardio, 0.87", "29_Pima, 0.61", "38_thyroid, 0.89", "43_WDBC, 0.94"})
    void meanAurocOverThreeSeedsIsAboveTheFloor(String name, double floor) {
        Table t = TabularFixtures.adbench(name);
        double sum = 0;
        for (int seed = 0; seed < 3; seed++) {
            sum += auroc(scores(t.withoutLabels(), LodaParams.DEFAULTS, seed, 2), t.labels().orElseThrow());
        }
        System.out.printf("loda %s AUROC mean %.4f%n", name, sum / 3);
        assertThat(sum / 3).as("LODA mean AUROC on %s", name).isGreaterThanOrEqualTo(floor);
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new LodaParams(0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter bins = 0 is out of range; allowed: [1, 1000000]");
        assertThatThrownBy(() -> new LodaParams(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter projections = 0 is out of range; allowed: [1, 100000]");
    }

    @Test
    void emptyTrainingDataIsRejectedAndEmptyScoringGivesNoScores() {
        Loda loda = new Loda(LodaParams.DEFAULTS);
        Table empty = Table.of(0, 2, new float[0], null, null, null);
        assertThatThrownBy(() -> loda.fit(empty, ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LODA needs at least 1 training row, got 0");
        assertThat(loda.fit(gaussian(20, 2, 1), ctx).score(empty, ctx).size()).isZero();
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new Loda(LodaParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }
}
