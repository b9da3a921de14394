package io.argus.tabular.mahalanobis;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.permutation;
import static io.argus.tabular.TabularFixtures.readTable;
import static io.argus.tabular.mahalanobis.CovarianceFixtures.maxRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.Matrices;
import io.argus.core.linalg.MinCovDet;
import io.argus.tabular.TabularFixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MCD draws its random starts from Argus's seeded streams, not NumPy's, so the golden tests use data
 * with a clear majority: for n ≤ 500 the raw support is scikit-learn's exactly; for n = 900 the raw
 * support may differ but the re-weighted estimate is scikit-learn's.
 */
class MinCovDetMahalanobisTest {

    private static double[] scores(Table t, McdParams p, long seed, int threads) {
        try (Context ctx = Context.builder().seed(seed).threads(threads).build()) {
            return new MinCovDetMahalanobis(p).fit(t, ctx).score(t, ctx).toArray();
        }
    }

    private static double[] scores(Table t, long seed) {
        return scores(t, McdParams.DEFAULTS, seed, 2);
    }

    // ---- golden: scikit-learn 1.2.1 MinCovDet(random_state=0) on clear-majority data

    @ParameterizedTest
    @ValueSource(strings = {"easy3d", "easy3d_900"})
    void estimatesMatchScikitLearnMinCovDet(String name) {
        Table t = readTable("/golden/mcd_" + name + ".csv");
        Map<String, double[]> ref = CovarianceFixtures.readVectors("/golden/mcd_" + name + "_fit.csv");
        MinCovDet.Estimate e;
        try (Context ctx = Context.builder().seed(0).threads(2).build()) {
            e = MinCovDet.fit(Covariance.toDoubles(t), t.rows(), t.cols(), 0, ctx);
        }
        long rawSupport = countTrue(e.rawSupport());
        long support = countTrue(e.support());
        System.out.printf("mcd golden %s: location rel %.3g, covariance rel %.3g, raw %.3g, supports %d/%d (sklearn %.0f/%.0f)%n", name,
                maxRel(e.location(), ref.get("location")), maxRel(e.covariance(), ref.get("covariance")),
                maxRel(e.rawCovariance(), ref.get("raw_covariance")), rawSupport, support, ref.get("raw_support_size")[0],
                ref.get("support_size")[0]);
        assertThat((double) rawSupport).isEqualTo(ref.get("raw_support_size")[0]);
        assertThat((double) support).isEqualTo(ref.get("support_size")[0]);
        double ourLogDet = Matrices.logDet(e.rawCovariance(), t.cols());
        double theirLogDet = Matrices.logDet(ref.get("raw_covariance"), t.cols());
        System.out.printf("mcd golden %s: raw log det %.6f (scikit-learn %.6f)%n", name, ourLogDet, theirLogDet);
        if (t.rows() <= 500) {
            // 30 starts on all rows: both find the same h-subset
            assertThat(maxRel(e.rawLocation(), ref.get("raw_location"))).isLessThanOrEqualTo(1e-9);
            assertThat(maxRel(e.rawCovariance(), ref.get("raw_covariance"))).isLessThanOrEqualTo(1e-9);
        } else {
            // Other random subsets may end in another h-subset of the majority with a log-determinant within
            // 0.05 of scikit-learn's (measured: -2.727007 vs -2.727512); the re-weighting then selects the same rows.
            assertThat(ourLogDet).isLessThanOrEqualTo(theirLogDet + 0.05);
        }
        assertThat(maxRel(e.location(), ref.get("location"))).isLessThanOrEqualTo(1e-9);
        assertThat(maxRel(e.covariance(), ref.get("covariance"))).isLessThanOrEqualTo(1e-9);
        assertThat(maxRel(e.distances(), ref.get("dist"))).isLessThanOrEqualTo(1e-6);
        assertThat(maxRel(scores(t, 0), ref.get("dist"))).isLessThanOrEqualTo(1e-6);
    }

    private static long countTrue(boolean[] b) {
        long c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return c;
    }

    @Test
    void robustToTheContaminationThatInflatesLedoitWolf() {
        // 15% of easy3d sits in a far cluster: MCD's distances put all of it above every majority row, whatever the seed.
        Table t = readTable("/golden/mcd_easy3d.csv");
        for (long seed = 0; seed < 4; seed++) {
            double[] s = scores(t, seed);
            double maxInlier = Arrays.stream(s, 0, 255).max().orElseThrow();
            double minOutlier = Arrays.stream(s, 255, 300).min().orElseThrow();
            assertThat(minOutlier).as("seed %d", seed).isGreaterThan(5 * maxInlier);
        }
    }

    // ---- invariants

    @Test
    void sameSeedGivesIdenticalScoresAndThreadCountDoesNotMatter() {
        Table t = gaussian(2000, 3, 7); // n > 1500: subsets, merged set and full stage all run
        double[] a = scores(t, McdParams.DEFAULTS, 9, 1);
        assertThat(scores(t, McdParams.DEFAULTS, 9, 2)).containsExactly(a);
        assertThat(scores(t, McdParams.DEFAULTS, 9, 2)).containsExactly(a);
    }

    @Test
    void permutingRowsKeepsScoresCloseOnClearMajorityData() {
        // A permutation changes which rows the random starts draw; the majority holds many h-subsets of
        // nearly equal determinant, so scores move a little, but the ranking of the far cluster stays.
        Table t = readTable("/golden/mcd_easy3d.csv");
        int[] p = permutation(t.rows(), 5);
        double[] base = scores(t, 1);
        double[] permuted = scores(t.select(p), 1);
        double[] back = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            back[p[i]] = permuted[i];
        }
        assertThat(maxRel(back, base)).isLessThanOrEqualTo(0.2);
        assertThat(Arrays.stream(back, 255, 300).min().orElseThrow()).isGreaterThan(Arrays.stream(back, 0, 255).max().orElseThrow());
    }

    @Test
    void modelFileRoundTripGivesIdenticalScoresAndContributions(@TempDir Path dir) {
        CovarianceFixtures.assertRoundTrip(new McdProvider(), new McdParams(0.75), readTable("/golden/mcd_easy3d.csv"), gaussian(20, 3, 3),
                dir);
    }

    @Test
    void fullSupportFractionIsTheEmpiricalEstimateReweighted() {
        // supportFraction 1 makes the raw estimate the plain mean and covariance of all rows.
        Table t = gaussian(300, 2, 21);
        try (Context ctx = Context.builder().seed(0).threads(1).build()) {
            double[] x = Covariance.toDoubles(t);
            MinCovDet.Estimate e = MinCovDet.fit(x, 300, 2, 1.0, ctx);
            double[] mu = Covariance.mean(x, 300, 2);
            assertThat(maxRel(e.rawLocation(), mu)).isLessThanOrEqualTo(1e-12);
            assertThat(maxRel(e.rawCovariance(), Covariance.empirical(x, 300, 2, mu, ctx))).isLessThanOrEqualTo(1e-12);
        }
    }

    // ---- quality vs scikit-learn on real data

    /**
     * EllipticEnvelope(random_state=s) AUROC, mean over s = 0, 1, 2, from pca_lw_mcd_adbench.csv, against
     * Argus's mean over seeds 0, 1, 2 (both fit and score all rows). 6_cardio is left out: its
     * scikit-learn AUROC moves by 0.014 (std) from seed to seed, more than the 0.01 bar.
     */
    @ParameterizedTest
    @ValueSource(strings = {"4_breastw", "14_glass", "29_Pima", "38_thyroid", "42_WBC", "43_WDBC", "45_wine"})
    void meanAurocOverThreeSeedsMatchesScikitLearnWithinOneHundredth(String name) {
        Table t = TabularFixtures.adbench(name);
        Table x = t.withoutLabels();
        int[] y = t.labels().orElseThrow();
        double[] each = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            each[seed] = auroc(scores(x, seed), y);
        }
        double mean = Arrays.stream(each).average().orElseThrow();
        double reference = CovarianceFixtures.referenceAuroc(name, "mcd_mean3");
        System.out.printf("mcd %s AUROC mean %.4f %s (scikit-learn %.4f)%n", name, mean, Arrays.toString(each), reference);
        assertThat(mean).isCloseTo(reference, within(0.01));
    }

    // ---- bad input

    @Test
    void supportFractionOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new McdParams(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter supportFraction = 1.5 is out of range; allowed: [0, 1]");
    }

    @Test
    void oneTrainingRowIsRejected() {
        try (Context ctx = Context.builder().threads(1).build()) {
            assertThatThrownBy(() -> new MinCovDetMahalanobis(McdParams.DEFAULTS).fit(Table.of(new float[][] {{1, 2}}), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("minimum covariance determinant needs at least 2 training rows, got 1");
        }
    }

    @Test
    void aMajorityOfIdenticalRowsIsRejectedWithScikitLearnsAdvice() {
        float[] v = new float[100 * 2];
        for (int i = 80; i < 100; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
        }
        Table t = Table.of(100, 2, v, null, null, null);
        try (Context ctx = Context.builder().threads(1).build()) {
            assertThatThrownBy(() -> new MinCovDetMahalanobis(McdParams.DEFAULTS).fit(t, ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the covariance matrix of the support data is equal to 0, try to increase supportFraction");
        }
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        try (Context ctx = Context.builder().threads(1).build()) {
            Model<Table> m = new MinCovDetMahalanobis(McdParams.DEFAULTS).fit(gaussian(100, 4, 1), ctx);
            assertThatThrownBy(() -> m.score(gaussian(3, 1, 2), ctx)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shape mismatch: the model was fitted on 4 columns, the data has 1");
        }
    }
}
