package io.argus.tabular.inne;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.maxAbsDiff;
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
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.tabular.TabularFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * INNE against values computed with numpy straight from the paper's formulas
 * ({@code src/test/resources/golden/inne_make_golden.py}): once with the script's own samples, and
 * once with ψ = n, where every ensemble member is the whole training set and the score does not depend
 * on the random draw.
 */
class InneTest {

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

    private static double[] scores(Table t, InneParams p, long seed, int threads) {
        try (Context c = Context.builder().seed(seed).threads(threads).build()) {
            return new Inne(p).fit(t, c).score(t, c).toArray();
        }
    }

    private static int[][] goldenSamples() {
        Map<String, double[]> cols = readColumns("/golden/inne_samples.csv");
        int psi = cols.size();
        int t = cols.values().iterator().next().length;
        int[][] out = new int[t][psi];
        int j = 0;
        for (double[] col : cols.values()) {
            for (int i = 0; i < t; i++) {
                out[i][j] = (int) col[i];
            }
            j++;
        }
        return out;
    }

    // ---- golden: the paper's formulas, computed with numpy

    @ParameterizedTest(name = "{0} rows")
    @CsvSource({"train, expected", "test, novelty"})
    void givenSamplesReproduceTheHandComputedScores(String rows, String file) {
        Table train = readTable("/golden/inne_train.csv");
        Table query = readTable("/golden/inne_" + rows + ".csv");
        double[] actual = Inne.fromSamples(train, goldenSamples()).score(query, ctx).toArray();
        double[] expected = readColumns("/golden/inne_" + file + ".csv").get("samples");
        System.out.printf("inne golden (given samples) %s: max abs %.3g%n", rows, maxAbsDiff(actual, expected));
        assertThat(maxAbsDiff(actual, expected)).isLessThanOrEqualTo(TOL);
    }

    @ParameterizedTest(name = "{0} rows")
    @CsvSource({"train, expected", "test, novelty"})
    void samplesOfEveryRowReproduceTheHandComputedScores(String rows, String file) {
        Table train = readTable("/golden/inne_train.csv");
        Table query = readTable("/golden/inne_" + rows + ".csv");
        Model<Table> m = new Inne(new InneParams(5, 1000)).fit(train, ctx);
        double[] actual = m.score(query, ctx).toArray();
        double[] expected = readColumns("/golden/inne_" + file + ".csv").get("all");
        System.out.printf("inne golden (psi = n) %s: max abs %.3g%n", rows, maxAbsDiff(actual, expected));
        assertThat(maxAbsDiff(actual, expected)).isLessThanOrEqualTo(TOL);
    }

    @Test
    void oneSampleByHand() {
        // Centres 0, 1, 3, 7 on a line: radii 1, 1, 2, 4; eta = 1, 0, 1, 3 -> ratios 0, 0, 1 - 1/2, 1 - 2/4.
        Table train = Table.of(new float[][] {{0}, {1}, {3}, {7}});
        Model<Table> m = Inne.fromSamples(train, new int[][] {{0, 1, 2, 3}});
        double[] s = m.score(Table.of(new float[][] {{0.5f}, {2f}, {4.5f}, {10f}, {12f}, {-1.5f}}), ctx).toArray();
        // 0.5: spheres of 0 and 1 (radius 1) -> 0 | 2: spheres of 1 (r 1) and 3 (r 2) -> 0 | 4.5: sphere of 3 (r 2) and 7 (r 4) -> 0.5
        // 10: sphere of 7 -> 0.5 | 12: none -> 1 | -1.5: none (radius of 0 is 1) -> 1
        assertThat(s).containsExactly(0, 0, 0.5, 0.5, 1, 1);
    }

    // ---- invariants

    @Test
    void sameSeedGivesIdenticalScoresAndThreadsDoNotMatter() {
        Table t = gaussian(3000, 4, 7); // three scoring blocks of 1024 rows
        assertThat(scores(t, InneParams.DEFAULTS, 5, 1)).containsExactly(scores(t, InneParams.DEFAULTS, 5, 3));
    }

    @Test
    void differentSeedsGiveDifferentScores() {
        Table t = gaussian(400, 3, 7);
        assertThat(scores(t, InneParams.DEFAULTS, 1, 2)).isNotEqualTo(scores(t, InneParams.DEFAULTS, 2, 2));
    }

    @Test
    void permutingRowsWithSamplesOfEveryRowPermutesScores() {
        // With psi = n the sample is the whole set, so only the order of centres changes, which matters
        // only for exact ties (none in Gaussian data).
        Table t = gaussian(60, 3, 11);
        int[] p = permutation(t.rows(), 5);
        InneParams all = new InneParams(3, 60);
        double[] base = scores(t, all, 0, 1);
        double[] permuted = scores(t.select(p), all, 0, 1);
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).as("row %d (was %d)", i, p[i]).isCloseTo(base[p[i]], within(1e-12));
        }
    }

    @Test
    void permutingRowsKeepsTheScoreDistributionClose() {
        Table t = gaussian(500, 2, 13);
        double[] base = scores(t, InneParams.DEFAULTS, 0, 2);
        double[] permuted = scores(t.select(permutation(500, 3)), InneParams.DEFAULTS, 0, 2);
        assertThat(Arrays.stream(permuted).average().orElseThrow()).isCloseTo(Arrays.stream(base).average().orElseThrow(), within(0.02));
    }

    @Test
    void translationAndUniformScalingLeaveScoresUnchanged() {
        Table t = gaussian(200, 3, 17);
        double[] base = scores(t, InneParams.DEFAULTS, 4, 2);
        double[] moved = scores(TabularFixtures.affine(t, 4f, 0f), InneParams.DEFAULTS, 4, 2);
        assertThat(maxAbsDiff(moved, base)).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void scoresLieInZeroOneAndAFarPointScoresOne() {
        Table g = gaussian(300, 2, 23);
        float[] v = g.values().clone();
        v[0] = 30f;
        v[1] = -30f;
        double[] s = scores(Table.of(300, 2, v, null, null, null), InneParams.DEFAULTS, 3, 2);
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
        assertThat(s[0]).isGreaterThan(0.95);
        assertThat(Arrays.stream(s).sorted().toArray()[150]).isLessThan(0.6);
    }

    @Test
    void duplicatesOnlyGiveZero() {
        float[] v = new float[40 * 2];
        Arrays.fill(v, 3f);
        // every radius is 0 and every row lies on every centre: covered, ratio 0
        assertThat(scores(Table.of(40, 2, v, null, null, null), InneParams.DEFAULTS, 0, 1)).containsOnly(0.0);
    }

    // ---- model file round trip

    @Test
    void modelFileRoundTripScoresIdentically(@TempDir Path dir) {
        InneProvider provider = new InneProvider();
        InneParams p = new InneParams(50, 6);
        Table train = gaussian(300, 3, 31);
        Table query = gaussian(50, 3, 32);
        Model<Table> model = provider.detector(p).fit(train, ctx);
        SavedModel<Table> saved = new SavedModel<>(provider, p, model, Calibration.fit(model.score(train, ctx).toArray()),
                new Threshold(0.7, "fixed", Double.NaN), new Provenance("0", "", train.rows(), train.cols(), "test", 1, "2026-01-01T00:00:00Z"));
        Path file = dir.resolve("inne.safetensors");
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(p);
        assertThat(back.model().score(query, ctx).toArray()).containsExactly(model.score(query, ctx).toArray());
        assertThat(back.calibration().knots()).containsExactly(saved.calibration().knots());
    }

    @Test
    void restoreRejectsAStateOfTheWrongShape() {
        assertThatThrownBy(() -> Inne.InneModel.restore(Map.of("centres", Tensor.f32(new float[6], 3, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'centres' has an unusable shape [3, 1, 2]; expected [samples >= 1, psi >= 2, cols >= 1]");
    }

    // ---- quality on real data (ADBench: fit and score all rows, defaults, seeds 0, 1, 2)

    /**
     * PyOD is not installed here, so the reference is {@code golden/inne_adbench_reference.py}: PyOD 1.1's
     * INNE re-implemented with numpy (defaults, squared distances), mean AUROC over numpy seeds 0, 1, 2.
     * The bar is 0.03, not 0.01, for two written reasons: the random draws differ (one seed's AUROC
     * spreads by 0.004-0.018 on these files), and PyOD squares the distances where the paper and Argus do
     * not, which moves the mean by up to 0.015 (6_cardio: 0.926 squared, 0.911 Euclidean over 10 numpy
     * seeds; Argus 0.906 over 10 seeds).
     */
    @ParameterizedTest(name = "{0}: PyOD formula {1}")
    @CsvSource({"4_breastw, 0.7152", "6_cardio, 0.9262", "14_glass, 0.7917", "29_Pima, 0.6469", "38_thyroid, 0.9486", "42_WBC, 0.9156"})
    void aurocOnAdbenchMatchesPyodsFormula(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        double sum = 0;
        for (int seed = 0; seed < 3; seed++) {
            sum += auroc(scores(t.withoutLabels(), InneParams.DEFAULTS, seed, 2), t.labels().orElseThrow()) / 3;
        }
        System.out.printf("inne %s AUROC mean over 3 seeds %.4f (PyOD formula %.4f)%n", name, sum, reference);
        assertThat(sum).as("INNE mean AUROC on %s", name).isCloseTo(reference, within(0.03));
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new InneParams(0, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter estimators = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> new InneParams(200, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter maxSamples = 1 is out of range; allowed: [2, 1048576]");
    }

    @Test
    void fewerThanTwoTrainingRowsAreRejectedAndEmptyScoringGivesNoScores() {
        Inne inne = new Inne(InneParams.DEFAULTS);
        assertThatThrownBy(() -> inne.fit(Table.of(new float[][] {{1, 2}}), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inne needs at least 2 training rows, got 1");
        Table empty = Table.of(0, 2, new float[0], null, null, null);
        assertThat(inne.fit(gaussian(20, 2, 1), ctx).score(empty, ctx).size()).isZero();
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new Inne(InneParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }
}
