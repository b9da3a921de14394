package io.argus.timeseries.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MatrixProfileTest {

    /** O(l² m) reference: z-normalise every subsequence and compare all pairs outside the exclusion zone. */
    private static double[][] bruteForce(double[] t, int m, int excl) {
        int l = t.length - m + 1;
        double[][] z = new double[l][m];
        boolean[] constant = new boolean[l];
        for (int i = 0; i < l; i++) {
            double mu = 0;
            for (int k = 0; k < m; k++) {
                mu += t[i + k];
            }
            mu /= m;
            double sd = 0;
            for (int k = 0; k < m; k++) {
                sd += (t[i + k] - mu) * (t[i + k] - mu);
            }
            sd = Math.sqrt(sd / m);
            constant[i] = sd == 0;
            for (int k = 0; k < m; k++) {
                z[i][k] = constant[i] ? 0 : (t[i + k] - mu) / sd;
            }
        }
        double[] p = new double[l];
        double[] idx = new double[l];
        double[] left = new double[l];
        for (int i = 0; i < l; i++) {
            p[i] = Double.POSITIVE_INFINITY;
            left[i] = Double.POSITIVE_INFINITY;
            idx[i] = -1;
            for (int j = 0; j < l; j++) {
                if (Math.abs(i - j) <= excl) {
                    continue;
                }
                double d;
                if (constant[i] || constant[j]) {
                    d = constant[i] && constant[j] ? 0 : Math.sqrt(m);
                } else {
                    double s = 0;
                    for (int k = 0; k < m; k++) {
                        s += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
                    }
                    d = Math.sqrt(s);
                }
                if (d < p[i]) {
                    p[i] = d;
                    idx[i] = j;
                }
                if (j < i && d < left[i]) {
                    left[i] = d;
                }
            }
        }
        return new double[][] {p, idx, left};
    }

    private static double[] randomWalk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            t[i] = v;
        }
        return t;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void matchesTheBruteForceReferenceOnRandomWalks(long seed) {
        double[] t = randomWalk(300, seed);
        int m = 12;
        int excl = MatrixProfile.exclusionDefault(m);
        MatrixProfile mp = MatrixProfile.selfJoin(t, m, Context.defaults());
        double[][] ref = bruteForce(t, m, excl);
        double[] p = mp.profile();
        double[] left = mp.leftProfile();
        int[] idx = mp.index();
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).as("profile %d", i).isCloseTo(ref[0][i], within(1e-7));
            if (Double.isFinite(ref[2][i])) {
                assertThat(left[i]).as("left profile %d", i).isCloseTo(ref[2][i], within(1e-7));
            } else {
                assertThat(left[i]).isInfinite();
            }
            // the reported neighbour is at the reported distance (ties may pick another index)
            assertThat(Math.abs(idx[i] - i)).isGreaterThan(excl);
        }
    }

    @Test
    void refreshKeepsLongDiagonalsExact() {
        double[] t = randomWalk(MatrixProfile.REFRESH * 2 + 500, 7);
        for (int i = 0; i < t.length; i++) {
            t[i] += 1e4; // large offset: the naive running sum would lose digits
        }
        int m = 16;
        MatrixProfile mp = MatrixProfile.selfJoin(t, m, Context.defaults());
        double[][] ref = bruteForce(t, m, MatrixProfile.exclusionDefault(m));
        double[] p = mp.profile();
        for (int i = 0; i < p.length; i += 97) {
            assertThat(p[i]).as("profile %d", i).isCloseTo(ref[0][i], within(1e-6));
        }
    }

    @Test
    void constantSubsequencesFollowStumpysConvention() {
        double[] t = {1, 1, 1, 1, 1, 1, 1, 1, 2, 5, 3, 1, 1, 1, 1, 1, 1, 1};
        int m = 4;
        MatrixProfile mp = MatrixProfile.selfJoin(t, m, 1, Context.defaults());
        double[][] ref = bruteForce(t, m, 1);
        assertThat(mp.profile()).containsExactly(ref[0], within(1e-9));
        assertThat(mp.profile()[0]).isZero();
    }

    @Test
    void abJoinMatchesBruteForce() {
        double[] a = randomWalk(120, 11);
        double[] b = randomWalk(150, 12);
        int m = 10;
        double[] ab = MatrixProfile.abJoin(a, b, m, Context.defaults());
        assertThat(ab).hasSize(a.length - m + 1);
        for (int i = 0; i + m <= a.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j + m <= b.length; j++) {
                best = Math.min(best, zDist(a, i, b, j, m));
            }
            assertThat(ab[i]).as("ab %d", i).isCloseTo(best, within(1e-7));
        }
    }

    private static double zDist(double[] a, int i, double[] b, int j, int m) {
        double ma = 0;
        double mb = 0;
        for (int k = 0; k < m; k++) {
            ma += a[i + k];
            mb += b[j + k];
        }
        ma /= m;
        mb /= m;
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < m; k++) {
            sa += (a[i + k] - ma) * (a[i + k] - ma);
            sb += (b[j + k] - mb) * (b[j + k] - mb);
        }
        sa = Math.sqrt(sa / m);
        sb = Math.sqrt(sb / m);
        double s = 0;
        for (int k = 0; k < m; k++) {
            double d = (a[i + k] - ma) / sa - (b[j + k] - mb) / sb;
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void findsAPlantedDiscordAndIsThreadCountIndependent() {
        int n = 2000;
        double[] t = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            t[i] = Math.sin(2 * Math.PI * i / 50) + 0.05 * r.nextGaussian();
        }
        for (int i = 1200; i < 1230; i++) {
            t[i] = 0.3 * Math.sin(2 * Math.PI * i / 13);
        }
        MatrixProfile one;
        try (Context c = Context.builder().threads(1).build()) {
            one = MatrixProfile.selfJoin(t, 50, c);
        }
        MatrixProfile two;
        try (Context c = Context.builder().threads(2).build()) {
            two = MatrixProfile.selfJoin(t, 50, c);
        }
        assertThat(one.profile()).containsExactly(two.profile());
        assertThat(one.index()).containsExactly(two.index());
        int top = one.discords(1).get(0);
        assertThat(top).isBetween(1200 - 50, 1230);
        assertThat(one.discords(3)).hasSize(3).allSatisfy(d -> assertThat(Math.abs(d - top) >= 50 || d == top).isTrue());
    }

    @Test
    void pairCountIsHalfTheSquareMinusTheExclusionZone() {
        // l = 10 subsequences, exclusion 2: diagonals 3..9 hold 7+6+...+1 = 28 pairs
        assertThat(MatrixProfile.pairCount(13, 4, 2)).isEqualTo(28);
    }

    @Test
    void rejectsSeriesShorterThanTheWindowAndNaN() {
        assertThatThrownBy(() -> MatrixProfile.selfJoin(new double[5], 8, Context.defaults()))
                .hasMessage("series has 5 steps, shorter than the subsequence length m = 8");
        assertThatThrownBy(() -> MatrixProfile.selfJoin(new double[] {1, 2, Double.NaN, 4, 5}, 2, Context.defaults()))
                .hasMessage("series value at step 2 is NaN; values must be finite");
        assertThatThrownBy(() -> MatrixProfile.selfJoin(new double[10], 1, Context.defaults()))
                .hasMessage("subsequence length m must be >= 2, got 1");
    }
}
