package io.argus.tabular.pca;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.permutation;
import static io.argus.tabular.TabularFixtures.readColumns;
import static io.argus.tabular.TabularFixtures.readTable;
import static io.argus.tabular.mahalanobis.CovarianceFixtures.maxRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.mahalanobis.CovarianceFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcaDetectorTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static double[] scores(Table t, PcaParams p) {
        return new PcaDetector(p).fit(t, ctx).score(t, ctx).toArray();
    }

    /** The make_golden_covariance.py columns and the parameters that reproduce them. */
    static Stream<Arguments> goldenCases() {
        return Stream.of("corr4d", "wide12d", "line1d").flatMap(name -> Stream.of(
                Arguments.of(name, "pca_default", PcaParams.DEFAULTS),
                Arguments.of(name, "pca_k3_m2", new PcaParams(3, 2, true, true)),
                Arguments.of(name, "pca_raw", new PcaParams(0, 0, true, false)),
                Arguments.of(name, "pca_unweighted", new PcaParams(0, 0, false, true)))
                .filter(a -> !(name.equals("line1d") && a.get()[1].equals("pca_k3_m2"))));
    }

    // ---- golden: PyOD's PCA formula on scikit-learn 1.2.1's PCA

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldenCases")
    void scoresMatchPyodsFormulaOnScikitLearnPca(String name, String column, PcaParams params) {
        Table train = readTable("/golden/pca_" + name + ".csv");
        Table test = readTable("/golden/pca_" + name + "_test.csv");
        Model<Table> m = new PcaDetector(params).fit(train, ctx);
        double inSample = maxRel(m.score(train, ctx).toArray(), readColumns("/golden/pca_" + name + "_expected.csv").get(column));
        double novelty = maxRel(m.score(test, ctx).toArray(), readColumns("/golden/pca_" + name + "_novelty.csv").get(column));
        System.out.printf("pca golden %s %s: max rel in-sample %.3g, novelty %.3g%n", name, column, inSample, novelty);
        assertThat(inSample).isLessThanOrEqualTo(1e-6);
        assertThat(novelty).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void oneDimensionalHandValue() {
        // d = 1: rows 0, 2, 4 standardize to -√1.5, 0, √1.5 and the single axis has ratio 1. Rows 0 and 2
        // tie in |projection|; svd_flip's argmax takes row 0, which must project positively, so v = -1
        // and the scores are |z - v| = |z + 1|.
        Table t = Table.of(new float[][] {{0}, {2}, {4}});
        double[] s = scores(t, PcaParams.DEFAULTS);
        double z = Math.sqrt(1.5);
        assertThat(s).containsExactly(new double[] {Math.abs(-z + 1), 1, Math.abs(z + 1)}, within(1e-12));
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(300, 5, 11);
        int[] p = permutation(t.rows(), 5);
        double[] base = scores(t, PcaParams.DEFAULTS);
        double[] permuted = scores(t.select(p), PcaParams.DEFAULTS);
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).isCloseTo(base[p[i]], within(1e-9 * base[p[i]]));
        }
    }

    @Test
    void standardizedScoresIgnoreColumnScaleAndShift() {
        Table t = gaussian(400, 4, 17);
        double[] base = scores(t, PcaParams.DEFAULTS);
        assertThat(maxRel(scores(TabularFixtures.affine(t, 3.5f, -2f), PcaParams.DEFAULTS), base)).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void sameDataGivesSameScoresOnOneAndTwoThreads() {
        Table t = gaussian(10_000, 6, 29);
        try (Context one = Context.builder().threads(1).build()) {
            double[] a = new PcaDetector(PcaParams.DEFAULTS).fit(t, one).score(t, one).toArray();
            assertThat(scores(t, PcaParams.DEFAULTS)).containsExactly(a);
        }
    }

    @Test
    void modelFileRoundTripGivesIdenticalScores(@TempDir Path dir) {
        CovarianceFixtures.assertRoundTrip(new PcaProvider(), new PcaParams(3, 2, true, true), readTable("/golden/pca_corr4d.csv"),
                readTable("/golden/pca_corr4d_test.csv"), dir);
    }

    // ---- quality vs PyOD's formula on scikit-learn's PCA, real data

    /** AUROC of the numpy re-implementation of PyOD's PCA (defaults) from pca_lw_mcd_adbench.csv. */
    @ParameterizedTest
    @ValueSource(strings = {"4_breastw", "6_cardio", "14_glass", "29_Pima", "38_thyroid", "42_WBC", "43_WDBC", "45_wine"})
    void aurocMatchesPyodWithinOneHundredth(String name) {
        Table t = TabularFixtures.adbench(name);
        double a = auroc(scores(t.withoutLabels(), PcaParams.DEFAULTS), t.labels().orElseThrow());
        double reference = CovarianceFixtures.referenceAuroc(name, "pca");
        System.out.printf("pca %s AUROC %.4f (PyOD formula on scikit-learn %.4f)%n", name, a, reference);
        assertThat(a).isCloseTo(reference, within(0.01));
    }

    // ---- bad input

    @Test
    void parameterRangesAreChecked() {
        assertThatThrownBy(() -> new PcaParams(-1, 0, true, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter nComponents = -1 is out of range; allowed: [0, 100000]");
        assertThatThrownBy(() -> new PcaParams(2, 3, true, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter nSelectedComponents = 3 exceeds nComponents = 2; allowed: [0, 2]");
    }

    @Test
    void tooManyComponentsForTheDataAreRejected() {
        Table t = gaussian(10, 3, 1);
        assertThatThrownBy(() -> scores(t, new PcaParams(4, 0, true, true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter nComponents = 4 is too large for 10 training rows and 3 columns; allowed: [0, 3] (0 = all)");
        assertThatThrownBy(() -> scores(t, new PcaParams(0, 4, true, true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter nSelectedComponents = 4 exceeds the 3 fitted components; allowed: [0, 3]");
    }

    @Test
    void oneTrainingRowIsRejectedAndOtherWidthsAreAShapeMismatch() {
        assertThatThrownBy(() -> scores(Table.of(new float[][] {{1, 2}}), PcaParams.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PCA needs at least 2 training rows, got 1");
        Model<Table> m = new PcaDetector(PcaParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 5, 2), ctx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 5");
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void aConstantColumnGivesFiniteScores() {
        Table g = gaussian(100, 3, 4);
        float[] v = g.values().clone();
        for (int i = 0; i < 100; i++) {
            v[i * 3 + 2] = 7f;
        }
        double[] s = scores(Table.of(100, 3, v, null, null, null), PcaParams.DEFAULTS);
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isFinite().isPositive());
    }
}
