package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingDiscordsTest {

    /** The left profile by definition: min over j ≤ n − excl − 1, j ≥ n − h + 1, of the z-normalised distance. */
    private static double bruteForce(double[] x, int m, int h, int end) {
        int n = end - m + 1;
        int excl = (m + 3) / 4;
        double best = Double.POSITIVE_INFINITY;
        for (int j = Math.max(0, n - h + 1); j < n - excl; j++) {
            best = Math.min(best, znorm(x, j, n, m));
        }
        return best == Double.POSITIVE_INFINITY ? 0 : best;
    }

    private static double znorm(double[] x, int a, int b, int m) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < m; i++) {
            ma += x[a + i];
            mb += x[b + i];
        }
        ma /= m;
        mb /= m;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < m; i++) {
            sa += (x[a + i] - ma) * (x[a + i] - ma);
            sb += (x[b + i] - mb) * (x[b + i] - mb);
        }
        sa = Math.sqrt(sa / m);
        sb = Math.sqrt(sb / m);
        double d = 0;
        for (int i = 0; i < m; i++) {
            double u = (x[a + i] - ma) / sa - (x[b + i] - mb) / sb;
            d += u * u;
        }
        return Math.sqrt(d);
    }

    @Test
    void equalsTheLeftMatrixProfileByDefinition() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 3000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.3) + 0.5 * r.nextDouble();
        }
        for (int h : new int[] {100_000, 200}) {
            StreamingDiscords d = new StreamingDiscords(new StreamingDiscordsParams(16, h), 1);
            for (int t = 0; t < n; t++) {
                double s = d.scoreAndUpdate(new float[] {(float) x[t]});
                double want = t < 15 ? 0 : bruteForce(toFloatPrecision(x), 16, h, t);
                assertThat(s).as("step %d, history %d", t, h).isCloseTo(want, within(1e-6));
            }
        }
    }

    private static double[] toFloatPrecision(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    @Test
    void aNewShapeIsADiscord() {
        StreamingDiscords d = new StreamingDiscords(new StreamingDiscordsParams(32, 4096), 2);
        double normal = 0;
        for (int t = 0; t < 2000; t++) {
            double s = d.scoreAndUpdate(new float[] {(float) Math.sin(t * 2 * Math.PI / 50), (float) Math.cos(t * 2 * Math.PI / 50)});
            if (t > 500) {
                normal = Math.max(normal, s);
            }
        }
        double peak = 0;
        for (int t = 2000; t < 2040; t++) {
            float v = (float) Math.cos(t * 2 * Math.PI / 50);
            peak = Math.max(peak, d.scoreAndUpdate(new float[] {(float) Math.sin(t * 2 * Math.PI / 50), t == 2010 ? v + 3 : v}));
        }
        assertThat(normal).isLessThan(0.01);
        assertThat(peak).isGreaterThan(1);
        assertThat(d.lastChannelScores()[1]).isGreaterThan(d.lastChannelScores()[0]);
    }

    @Test
    void constantStretchesFollowStumpysConvention() {
        StreamingDiscords d = new StreamingDiscords(new StreamingDiscordsParams(8, 100), 1);
        double s = 0;
        for (int t = 0; t < 40; t++) {
            s = d.scoreAndUpdate(new float[] {3});
        }
        assertThat(s).isZero();
        for (int t = 0; t < 8; t++) {
            s = d.scoreAndUpdate(new float[] {t});
        }
        // a varying subsequence whose only predecessors are constant (or trivial matches): √m.
        assertThat(s).isCloseTo(Math.sqrt(8), within(1e-9));
    }
}
