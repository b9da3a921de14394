package io.argus.tabular.copod;

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
import io.argus.tabular.ecod.GoldenFixtures;
import io.argus.tabular.ecod.Ecod;
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

class CopodTest {

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
        return new Copod().fitScore(t, ctx).trainingScores().toArray();
    }

    // ---- golden values vs the numpy reference of PyOD's formulas (ecod_copod_hbos_golden.py)

    @ParameterizedTest
    @ValueSource(strings = {"ties", "consts", "mixed"})
    void inSampleScoresMatchPyodFormulas(String f) {
        GoldenFixtures.assertRelClose(inSample(GoldenFixtures.train(f)), GoldenFixtures.inSample("copod", f).get("score"), "copod " + f + " in-sample");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ties", "consts", "mixed"})
    void heldOutScoresAndContributionsMatchPyodScoringEachRowAlone(String f) {
        Model<Table> m = new Copod().fit(GoldenFixtures.train(f), ctx);
        Table test = GoldenFixtures.test(f);
        Map<String, double[]> expected = GoldenFixtures.novelty("copod", f);
        GoldenFixtures.assertRelClose(m.score(test, ctx).toArray(), expected.get("score"), "copod " + f + " novelty");
        GoldenFixtures.assertContributions(m, test, expected, "score", ctx);
    }

    @Test
    void handComputedScoresOfATinyColumn() {
        // x = 1, 2, 2, 10: skewness > 0, so U_skew = U_r and each term is max(U_r, (U_l + U_r) / 2).
        // x = 1: U_l = log 4, U_r = 0 -> log 4 / 2; x = 2: U_l = U_r = log(4/3); x = 10: U_r = log 4.
        Table t = Table.of(new float[][] {{1}, {2}, {2}, {10}});
        double third = -Math.log(0.75);
        assertThat(inSample(t)).containsExactly(Math.log(4) / 2, third, third, Math.log(4));
        // a constant column (skewness 0, U_skew = U_l + U_r) adds 0 in sample
        Table two = Table.of(new float[][] {{1, 5}, {2, 5}, {2, 5}, {10, 5}});
        assertThat(inSample(two)).containsExactly(Math.log(4) / 2, third, third, Math.log(4));
    }

    @Test
    void copodAndEcodDifferOnlyInHowTheyCombineTails() {
        Table t = gaussian(200, 3, 3);
        double[] c = inSample(t);
        double[] e = new Ecod().fitScore(t, ctx).trainingScores().toArray();
        // per feature: max(U_skew, mean of the tails) <= max(U_l, U_r, U_skew)
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).isLessThanOrEqualTo(e[i] + 1e-12);
        }
        assertThat(c).isNotEqualTo(e);
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
        Table t = gaussian(200, 3, 7);
        assertThat(inSample(TabularFixtures.affine(t, 2f, 0f))).containsExactly(inSample(t));
    }

    @Test
    void threadCountAndSeedDoNotChangeScores() {
        Table t = gaussian(3000, 3, 11);
        try (Context one = Context.builder().threads(1).seed(99).build()) {
            assertThat(new Copod().fitScore(t, one).trainingScores().toArray()).containsExactly(inSample(t));
            assertThat(new Copod().fit(t, one).score(t, one).toArray()).containsExactly(new Copod().fit(t, ctx).score(t, ctx).toArray());
        }
    }

    @Test
    void restoredModelFromTheProviderScoresIdentically(@TempDir Path dir) {
        GoldenFixtures.assertRoundTrip(new CopodProvider(), CopodParams.DEFAULTS, GoldenFixtures.train("consts"), GoldenFixtures.test("consts"), dir);
    }

    // ---- quality on real data

    /**
     * Reference AUROC: the numpy implementation of PyOD's formulas in ecod_copod_hbos_golden.py
     * ({@code --adbench}), in-sample on all rows. scikit-learn has no COPOD, so there is no scikit-learn
     * reference; Argus computes the same scores, so the bar is 0.001.
     */
    @ParameterizedTest(name = "{0}: reference {1}")
    @CsvSource({
        "4_breastw, 0.9944",
        "6_cardio, 0.9219",
        "14_glass, 0.7550",
        "18_Ionosphere, 0.7895",
        "29_Pima, 0.6540",
        "38_thyroid, 0.9393",
    })
    void aurocOnAdbenchMatchesTheReferenceImplementation(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        double auc = auroc(inSample(t.withoutLabels()), t.labels().orElseThrow());
        System.out.printf("copod %s AUROC %.4f (reference %.4f)%n", name, auc, reference);
        assertThat(auc).isCloseTo(reference, within(0.001));
    }

    // ---- bad input

    @Test
    void noTrainingRowsIsRejected() {
        assertThatThrownBy(() -> new Copod().fit(Table.of(0, 3, new float[0], null, null, null), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("copod needs at least 1 training row, got 0");
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new Copod().fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 5, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 5");
        assertThatThrownBy(() -> ((FeatureContributions) m).contributions(gaussian(4, 3, 2), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row -1 is out of range; the table has 4 rows");
    }

    @Test
    void aModelStateOfTheWrongTypeIsRejected() {
        Map<String, Tensor> bad = Map.of("sorted", Tensor.f64(new double[] {1, 2, 3}, 1, 3));
        assertThatThrownBy(() -> new CopodProvider().restore(CopodParams.DEFAULTS, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'sorted' is F64, expected F32");
    }
}
