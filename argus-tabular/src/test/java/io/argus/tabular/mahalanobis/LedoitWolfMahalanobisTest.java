package io.argus.tabular.mahalanobis;

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
import io.argus.core.linalg.Covariance;
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
import org.junit.jupiter.params.provider.ValueSource;

class LedoitWolfMahalanobisTest {

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static Model<Table> fit(Table t) {
        return new LedoitWolfMahalanobis(MahalanobisParams.DEFAULTS).fit(t, ctx);
    }

    private static double[] scores(Table t) {
        return fit(t).score(t, ctx).toArray();
    }

    // ---- golden values vs scikit-learn 1.2.1 LedoitWolf (fixtures from make_golden_covariance.py)

    @ParameterizedTest
    @ValueSource(strings = {"corr4d", "wide12d", "line1d"})
    void squaredDistancesMatchScikitLearnLedoitWolfMahalanobis(String name) {
        Table train = readTable("/golden/lw_" + name + ".csv");
        Table test = readTable("/golden/lw_" + name + "_test.csv");
        Model<Table> m = fit(train);
        double inSample = maxRel(m.score(train, ctx).toArray(), readColumns("/golden/lw_" + name + "_expected.csv").get("lw"));
        double novelty = maxRel(m.score(test, ctx).toArray(), readColumns("/golden/lw_" + name + "_novelty.csv").get("lw"));
        System.out.printf("mahalanobis golden %s: max rel in-sample %.3g, novelty %.3g%n", name, inSample, novelty);
        assertThat(inSample).isLessThanOrEqualTo(1e-6);
        assertThat(novelty).isLessThanOrEqualTo(1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"corr4d", "wide12d", "line1d"})
    void shrinkageLocationAndCovarianceMatchScikitLearn(String name) {
        Table train = readTable("/golden/lw_" + name + ".csv");
        Map<String, double[]> fit = CovarianceFixtures.readVectors("/golden/lw_" + name + "_fit.csv");
        double[] x = Covariance.toDoubles(train);
        double[] mu = Covariance.mean(x, train.rows(), train.cols());
        Covariance.Shrunk s = Covariance.ledoitWolf(x, train.rows(), train.cols(), mu, ctx);
        assertThat(s.shrinkage()).isCloseTo(fit.get("shrinkage")[0], within(1e-12));
        assertThat(maxRel(mu, fit.get("location"))).isLessThanOrEqualTo(1e-12);
        assertThat(maxRel(s.covariance(), fit.get("covariance"))).isLessThanOrEqualTo(1e-10);
        if (name.equals("wide12d")) {
            assertThat(s.shrinkage()).as("n = 40, d = 12 must shrink").isGreaterThan(0.05);
        }
    }

    @Test
    void oneDimensionalHandValue() {
        // d = 1: covariance = population variance, no shrinkage. Rows 0, 2, 4: mean 2, variance 8/3.
        Table t = Table.of(new float[][] {{0}, {2}, {4}});
        assertThat(scores(t)).containsExactly(new double[] {1.5, 0, 1.5}, within(1e-15));
    }

    // ---- contributions

    @Test
    void contributionsAddUpExactlyToTheScoreInColumnOrder() {
        Table t = readTable("/golden/lw_corr4d.csv");
        MahalanobisModel m = (MahalanobisModel) fit(t);
        double[] s = m.score(t, ctx).toArray();
        for (int i = 0; i < t.rows(); i++) {
            double sum = 0;
            for (double c : m.contributions(t, i)) {
                sum += c;
            }
            assertThat(sum).as("row %d", i).isEqualTo(s[i]);
        }
    }

    @Test
    void contributionsPointAtTheDeviatingFeature() {
        Table t = gaussian(2000, 3, 8);
        float[] v = t.values().clone();
        v[0] = 0;
        v[1] = 9; // row 0 is far along column 1 only
        v[2] = 0;
        Table moved = Table.of(t.rows(), 3, v, null, null, null);
        double[] c = ((MahalanobisModel) fit(moved)).contributions(moved, 0);
        assertThat(c[1]).isGreaterThan(50).isGreaterThan(100 * Math.abs(c[0])).isGreaterThan(100 * Math.abs(c[2]));
    }

    @Test
    void contributionsRejectARowOutOfRange() {
        Table t = gaussian(50, 2, 1);
        MahalanobisModel m = (MahalanobisModel) fit(t);
        assertThatThrownBy(() -> m.contributions(t, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 50 is out of range; the table has 50 rows");
        assertThatThrownBy(() -> m.contributions(gaussian(3, 4, 1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 2 columns, the data has 4");
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(300, 4, 11);
        int[] p = permutation(t.rows(), 5);
        double[] base = scores(t);
        double[] permuted = scores(t.select(p));
        for (int i = 0; i < p.length; i++) {
            assertThat(permuted[i]).isCloseTo(base[p[i]], within(1e-9 * base[p[i]]));
        }
    }

    @ParameterizedTest(name = "x -> {0} x + {1}")
    @CsvSource({"2.5, 0", "1, 3", "0.01, -2"})
    void uniformScalingAndTranslationLeaveScoresUnchanged(float a, float b) {
        // Shrinkage towards (tr S / d) I commutes with x -> a x + b; only float32 rounding differs.
        Table t = gaussian(400, 5, 17);
        assertThat(maxRel(scores(TabularFixtures.affine(t, a, b)), scores(t))).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void sameDataGivesSameScoresOnOneAndTwoThreads() {
        Table t = gaussian(10_000, 6, 29);
        try (Context one = Context.builder().threads(1).build()) {
            double[] a = new LedoitWolfMahalanobis(MahalanobisParams.DEFAULTS).fit(t, one).score(t, one).toArray();
            assertThat(scores(t)).containsExactly(a);
        }
    }

    @Test
    void modelFileRoundTripGivesIdenticalScoresAndContributions(@TempDir Path dir) {
        CovarianceFixtures.assertRoundTrip(new MahalanobisProvider(), MahalanobisParams.DEFAULTS, readTable("/golden/lw_corr4d.csv"),
                readTable("/golden/lw_corr4d_test.csv"), dir);
    }

    // ---- quality vs scikit-learn on real data

    /** LedoitWolf().fit(X).mahalanobis(X) AUROC from pca_lw_mcd_adbench.csv (fit and score all rows). */
    @ParameterizedTest
    @ValueSource(strings = {"4_breastw", "6_cardio", "14_glass", "29_Pima", "38_thyroid", "42_WBC", "43_WDBC", "45_wine"})
    void aurocMatchesScikitLearnWithinOneHundredth(String name) {
        Table t = TabularFixtures.adbench(name);
        double a = auroc(scores(t.withoutLabels()), t.labels().orElseThrow());
        double reference = CovarianceFixtures.referenceAuroc(name, "mahalanobis");
        System.out.printf("mahalanobis %s AUROC %.4f (scikit-learn %.4f)%n", name, a, reference);
        assertThat(a).isCloseTo(reference, within(0.01));
    }

    // ---- bad input

    @Test
    void oneTrainingRowIsRejected() {
        assertThatThrownBy(() -> fit(Table.of(new float[][] {{1, 2}}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mahalanobis distance needs at least 2 training rows, got 1");
        assertThatThrownBy(() -> fit(Table.of(0, 2, new float[0], null, null, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mahalanobis distance needs at least 2 training rows, got 0");
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatchAndNoRowsGiveNoScores() {
        Model<Table> m = fit(gaussian(30, 3, 1));
        assertThatThrownBy(() -> m.score(gaussian(4, 5, 2), ctx)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 5");
        assertThat(m.score(Table.of(0, 3, new float[0], null, null, null), ctx).size()).isZero();
    }

    @Test
    void constantColumnsGiveFiniteScores() {
        // The shrunk covariance of all-equal rows is 0; pinvh maps it to 0, so every score is 0, not NaN.
        float[] v = new float[20];
        Arrays.fill(v, 3f);
        assertThat(scores(Table.of(10, 2, v, null, null, null))).containsOnly(0.0);
    }
}
