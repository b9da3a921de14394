package io.argus.tabular.ecod;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.permutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.explain.FeatureContributions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcodTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] inSample(Table t) {
        return new Ecod().fitScore(t, ctx).trainingScores().toArray();
    }

    // ---- golden values vs the numpy reference of PyOD's formulas (ecod_copod_hbos_golden.py)

    @ParameterizedTest
    @ValueSource(strings = {"ties", "consts", "mixed"})
    void inSampleScoresMatchPyodFormulas(String f) {
        GoldenFixtures.assertRelClose(inSample(GoldenFixtures.train(f)), GoldenFixtures.inSample("ecod", f).get("score"), "ecod " + f + " in-sample");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ties", "consts", "mixed"})
    void heldOutScoresAndContributionsMatchPyodScoringEachRowAlone(String f) {
        Model<Table> m = new Ecod().fit(GoldenFixtures.train(f), ctx);
        Table test = GoldenFixtures.test(f);
        Map<String, double[]> expected = GoldenFixtures.novelty("ecod", f);
        GoldenFixtures.assertRelClose(m.score(test, ctx).toArray(), expected.get("score"), "ecod " + f + " novelty");
        GoldenFixtures.assertContributions(m, test, expected, "score", ctx);
    }

    @Test
    void handComputedScoresOfATinyColumn() {
        // x = 1, 2, 2, 10: skewness > 0, so U_skew = U_r and each term is max(U_l, U_r).
        // row 0 (x = 1): F_l = 1/4, F_r = 4/4 -> log 4; row 3 (x = 10): F_l = 1, F_r = 1/4 -> log 4;
        // rows 1, 2 (x = 2): F_l = 3/4, F_r = 3/4 -> log(4/3).
        Table t = Table.of(new float[][] {{1}, {2}, {2}, {10}});
        assertThat(inSample(t)).containsExactly(Math.log(4), -Math.log(0.75), -Math.log(0.75), Math.log(4));
        // a new value 20 counts itself: F_r = 1/5 -> log 5; a new 2: F_l = 4/5, F_r = 4/5 -> log(5/4)
        Model<Table> m = new Ecod().fit(t, ctx);
        assertThat(m.score(Table.of(new float[][] {{20}, {2}}), ctx).toArray())
                .containsExactly(-Math.log(1 / 5.0), -Math.log(4 / 5.0));
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScoresExactly() {
        Table t = gaussian(300, 4, 5);
        int[] p = permutation(t.rows(), 9);
        double[] base = inSample(t);
        double[] permuted = inSample(t.select(p));
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).as("row %d (was %d)", i, p[i]).isEqualTo(base[p[i]]);
        }
    }

    @Test
    void scalingByAPowerOfTwoLeavesScoresUnchanged() {
        // ECDFs are invariant under increasing maps; x -> 2x is exact in float32, so ties are kept.
        Table t = gaussian(200, 3, 7);
        assertThat(inSample(TabularFixtures.affine(t, 2f, 0f))).containsExactly(inSample(t));
    }

    @Test
    void threadCountAndSeedDoNotChangeScores() {
        Table t = gaussian(3000, 3, 11); // more than one scoring block of 1024 rows
        try (Context one = Context.builder().threads(1).seed(99).build()) {
            assertThat(new Ecod().fitScore(t, one).trainingScores().toArray()).containsExactly(inSample(t));
            assertThat(new Ecod().fit(t, one).score(t, one).toArray()).containsExactly(new Ecod().fit(t, ctx).score(t, ctx).toArray());
        }
    }

    @Test
    void aRowFarOutInEveryFeatureScoresHighestWithTheLargestPossibleTerms() {
        Table g = gaussian(500, 4, 13);
        float[] v = g.values().clone();
        v[0] = 12f; // row 0: far right, far left, far right, far left
        v[1] = -12f;
        v[2] = 12f;
        v[3] = -12f;
        Table t = Table.of(500, 4, v, null, null, null);
        double[] s = inSample(t);
        assertThat(s[0]).isEqualTo(java.util.Arrays.stream(s).max().orElseThrow());
        assertThat(s[0]).isCloseTo(4 * Math.log(500), within(1e-9)); // alone in one tail of each feature: F = 1/n
        // scored as a new row it meets its own training copy: F = (1 + 1) / (500 + 1) in each feature
        Model<Table> m = new Ecod().fit(t, ctx);
        assertThat(((FeatureContributions) m).contributions(t, 0)).containsOnly(Math.log(501.0 / 2.0));
    }

    @Test
    void restoredModelFromTheProviderScoresIdentically(@TempDir Path dir) {
        GoldenFixtures.assertRoundTrip(new EcodProvider(), EcodParams.DEFAULTS, GoldenFixtures.train("mixed"), GoldenFixtures.test("mixed"), dir);
    }

    // ---- quality on real data

    /**
     * Reference AUROC: the numpy implementation of PyOD's formulas in ecod_copod_hbos_golden.py
     * ({@code --adbench}), in-sample on all rows. scikit-learn has no ECOD, so there is no scikit-learn
     * reference; Argus computes the same scores, so the bar is 0.001.
     */
    @ParameterizedTest(name = "{0}: reference {1}")
    @CsvSource({
        "4_breastw, 0.9914",
        "6_cardio, 0.9350",
        "14_glass, 0.7046",
        "18_Ionosphere, 0.7284",
        "29_Pima, 0.5944",
        "38_thyroid, 0.9771",
    })
    void aurocOnAdbenchMatchesTheReferenceImplementation(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        double auc = auroc(inSample(t.withoutLabels()), t.labels().orElseThrow());
        System.out.printf("ecod %s AUROC %.4f (reference %.4f)%n", name, auc, reference);
        assertThat(auc).isCloseTo(reference, within(0.001));
    }

    // ---- bad input

    @Test
    void noTrainingRowsIsRejected() {
        assertThatThrownBy(() -> new Ecod().fit(Table.of(0, 3, new float[0], null, null, null), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ecod needs at least 1 training row, got 0");
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new Ecod().fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
        assertThatThrownBy(() -> ((FeatureContributions) m).contributions(gaussian(4, 2, 2), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
        assertThatThrownBy(() -> ((FeatureContributions) m).contributions(gaussian(4, 3, 2), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 4 is out of range; the table has 4 rows");
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void aModelStateWithAnUnsortedColumnIsRejected() {
        Map<String, Tensor> bad = Map.of("sorted", Tensor.f32(new float[] {1, 2, 3, 3, 1, 2}, 2, 3));
        assertThatThrownBy(() -> new EcodProvider().restore(EcodParams.DEFAULTS, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'sorted': column 1 is not finite and ascending at index 1");
        assertThatThrownBy(() -> new EcodProvider().restore(EcodParams.DEFAULTS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model state lacks tensor 'sorted'");
    }
}
