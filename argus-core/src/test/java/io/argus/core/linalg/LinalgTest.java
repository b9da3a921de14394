package io.argus.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden values from SciPy 1.10.1 / scikit-learn 1.2.1 (Debian), computed as the comments say. */
class LinalgTest {

    /** Six rows, three columns: the small matrix the scikit-learn values below were computed on. */
    private static final double[] X6 = {1, 2, 0.5, 2, 1, -1, 0, 3, 2, 4, -1, 1, 3, 0, 0, -1, 2.5, 1.5};

    private static void assertRel(double[] actual, double[] expected, double rel) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(rel * Math.max(1e-12, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "df={0}")
    @CsvSource({
        "1, 0.4549364231195724, 5.02388618731489",
        "2, 1.386294361119891, 7.3777589082278725",
        "3, 2.3659738843753377, 9.348403604496147",
        "6, 5.348120627447118, 14.449375335447922",
        "9, 8.342832692252955, 19.022767798641638",
        "21, 20.337227563547934, 35.478875905727264",
        "30, 29.336031516661585, 46.97924224367116",
    })
    void chiSquaredQuantilesMatchScipy(int df, double median, double upper025) {
        // scipy.stats.chi2(df).isf(0.5) and .isf(0.025)
        assertThat(ChiSquared.isf(0.5, df)).isCloseTo(median, within(1e-12 * median));
        assertThat(ChiSquared.isf(0.025, df)).isCloseTo(upper025, within(1e-12 * upper025));
        assertThat(ChiSquared.sf(upper025, df)).isCloseTo(0.025, within(1e-13));
    }

    @Test
    void chiSquaredRejectsBadArguments() {
        assertThatThrownBy(() -> ChiSquared.isf(1.0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tail probability must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> ChiSquared.isf(0.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degrees of freedom must be >= 1, got 0");
    }

    @Test
    void pinvhInvertsAPositiveDefiniteMatrixAndDropsAZeroEigenvalue() {
        double[] a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] p = Matrices.pinvh(a, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i * 3 + k] * p[k * 3 + j];
                }
                assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-14));
            }
        }
        assertThat(Matrices.pinvh(new double[] {2, 0, 0, 0}, 2)).containsExactly(0.5, 0, 0, 0);
    }

    @Test
    void inverseAgreesWithPinvhWhenWellConditionedAndFallsBackWhenSingular() {
        double[] a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] inv = Matrices.inverse(a, 3);
        double[] p = Matrices.pinvh(a, 3);
        for (int i = 0; i < 9; i++) {
            assertThat(inv[i]).isCloseTo(p[i], within(1e-14));
        }
        assertThat(Matrices.inverse(new double[] {2, 0, 0, 0}, 2)).containsExactly(0.5, 0, 0, 0);
        // condition number 1e12: positive definite, but left to pinvh
        assertThat(Matrices.inverse(new double[] {1, 0, 0, 1e-12}, 2)).containsExactly(Matrices.pinvh(new double[] {1, 0, 0, 1e-12}, 2));
    }

    @Test
    void logDetIsNumpysSlogdetAndMinusInfinityWhenNotPositiveDefinite() {
        // numpy.linalg.slogdet([[2, .5], [.5, 1]]) = (1.0, 0.5596157879354227)
        assertThat(Matrices.logDet(new double[] {2, 0.5, 0.5, 1}, 2)).isCloseTo(0.5596157879354227, within(1e-15));
        assertThat(Matrices.logDet(new double[] {1, 2, 2, 1}, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Matrices.logDet(new double[] {1, 0, 0, 0}, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void nonFiniteOrMisshapenMatricesAreRejected() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[] {1, 2, 3}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix must be 2x2 (4 values), got 3");
        assertThatThrownBy(() -> Matrices.logDet(new double[] {1, Double.NaN, 0, 1}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix holds a non-finite value NaN at row 0, column 1");
    }

    @Test
    void symmetricEigenIsDescendingWithUnitVectors() {
        SymmetricEigen e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
        assertThat(e.values()).containsExactly(new double[] {3, 1}, within(1e-14));
        double[] v = e.vector(0);
        assertThat(Math.abs(v[0])).isCloseTo(Math.sqrt(0.5), within(1e-14));
        assertThat(v[0] * v[1]).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void ledoitWolfMatchesScikitLearn() {
        // LedoitWolf().fit(X6): shrinkage_ and covariance_
        try (Context ctx = Context.builder().threads(1).build()) {
            Covariance.Shrunk s = Covariance.ledoitWolf(X6, 6, 3, Covariance.mean(X6, 6, 3), ctx);
            assertThat(s.shrinkage()).isCloseTo(0.23889189338336728, within(1e-14));
            assertRel(s.covariance(), new double[] {2.68717561168033, -1.7442060776631165, -0.6342567555138606, -1.7442060776631165,
                1.9736367617272368, 0.4756925666353955, -0.6342567555138606, 0.4756925666353955, 1.2072431821479888}, 1e-13);
        }
    }

    @Test
    void pcaMatchesScikitLearnIncludingSigns() {
        // PCA().fit(X6): components_, explained_variance_, explained_variance_ratio_
        try (Context ctx = Context.builder().threads(1).build()) {
            Pca p = Pca.fit(X6, 6, 3, 3, ctx);
            assertRel(p.componentRows(), new double[] {0.7520325377023253, -0.6110219851671376, -0.24718251531896557, -0.1477027858966637,
                0.20925534241774893, -0.966641654755264, -0.6423635647165591, -0.763455522811932, -0.06711717673289253}, 1e-12);
            assertRel(p.explainedVariance(), new double[] {6.063044652851907, 0.8515092438395842, 0.12711276997517634}, 1e-13);
            assertRel(p.explainedVarianceRatio(), new double[] {0.8610240927126968, 0.12092438965769241, 0.01805151762961084}, 1e-13);
            assertThatThrownBy(() -> Pca.fit(X6, 6, 3, 4, ctx)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("number of components = 4 is out of range for 6 rows and 3 columns; allowed: [1, 3]");
        }
    }

    @Test
    void scatterDoesNotDependOnTheThreadCount() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 10_000;
        double[] x = new double[n * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * (1 + i % 4);
        }
        double[] mu = Covariance.mean(x, n, 4);
        try (Context one = Context.builder().threads(1).build(); Context four = Context.builder().threads(4).build()) {
            assertThat(Covariance.scatter(x, n, 4, mu, four)).containsExactly(Covariance.scatter(x, n, 4, mu, one));
        }
    }

    @Test
    void lowRankDistancesEqualThoseUnderThePseudoInverseOfTheSingularCovariance() {
        // 8 support rows in 20 columns: the covariance has rank 7.
        SplittableRandom r = new SplittableRandom(12);
        int n = 30;
        int d = 20;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        int[] support = {1, 4, 5, 9, 13, 17, 22, 28};
        double[] mu = new double[d];
        double[] cov = Covariance.empirical(x, d, support, support.length, mu);
        double[] p = Matrices.pinvh(cov, d);
        int[] queries = new int[n];
        for (int i = 0; i < n; i++) {
            queries[i] = i;
        }
        double[] fast = MinCovDet.lowRankDistances(x, d, support, mu, queries);
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            double slow = Matrices.quadraticForm(x, i, d, mu, p, z);
            assertThat(fast[i]).as("row %d", i).isCloseTo(slow, within(1e-8 * Math.max(1, slow)));
        }
    }

    private static double[] contaminated(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            boolean out = i % 10 == 0;
            x[2 * i] = out ? 10 + r.nextGaussian() : r.nextGaussian();
            x[2 * i + 1] = out ? -10 + r.nextGaussian() : 0.5 * x[2 * i] + r.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"200", "1200", "2400"})
    void minCovDetIgnoresTheOutlyingTenthAndIsReproducibleAcrossThreads(int n) {
        double[] x = contaminated(n, 5);
        MinCovDet.Estimate a;
        MinCovDet.Estimate b;
        try (Context one = Context.builder().seed(7).threads(1).build(); Context two = Context.builder().seed(7).threads(2).build()) {
            a = MinCovDet.fit(x, n, 2, 0, one);
            b = MinCovDet.fit(x, n, 2, 0, two);
        }
        assertThat(b.location()).containsExactly(a.location());
        assertThat(b.covariance()).containsExactly(a.covariance());
        assertThat(a.location()[0]).isCloseTo(0, within(0.25));
        assertThat(a.location()[1]).isCloseTo(0, within(0.25));
        assertThat(a.covariance()[0]).isCloseTo(1, within(0.35));
        for (int i = 0; i < n; i += 10) {
            assertThat(a.support()[i]).as("outlier row %d", i).isFalse();
        }
    }
}
