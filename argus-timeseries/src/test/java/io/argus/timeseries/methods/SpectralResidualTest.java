package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralResidualTest {

    @Test
    void fftMatchesTheNaiveDftForAnyLength() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 8, 12, 31, 64, 100}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
            }
            double[] re = x.clone();
            double[] im = new double[n];
            Fft.transform(re, im, false);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    sr += x[t] * Math.cos(-2 * Math.PI * k * t / n);
                    si += x[t] * Math.sin(-2 * Math.PI * k * t / n);
                }
                assertThat(re[k]).as("n=%d k=%d", n, k).isCloseTo(sr, within(1e-9));
                assertThat(im[k]).isCloseTo(si, within(1e-9));
            }
            Fft.transform(re, im, true);
            for (int t = 0; t < n; t++) {
                assertThat(re[t]).isCloseTo(x[t], within(1e-9));
                assertThat(im[t]).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void impulseHasAFlatSpectrumSoItsSaliencyIsItself() {
        // FFT of [1,0,0,0,0,0] has |A| = 1 at every frequency: log A = 0, its average is 0, R = 0,
        // exp(R)/A = 1, so the transform returns the impulse unchanged.
        double[] s = SpectralResidual.saliency(new double[] {1, 0, 0, 0, 0, 0}, 3);
        assertThat(s).containsExactly(new double[] {1, 0, 0, 0, 0, 0}, within(1e-12));
    }

    @Test
    void trailingMeanIsMicrosoftsAverageFilter() {
        // average_filter([1,2,3,4,5], n=3) = [1, 1.5, 2, 3, 4]
        assertThat(SpectralResidual.trailingMean(new double[] {1, 2, 3, 4, 5}, 3)).containsExactly(1, 1.5, 2, 3, 4);
    }

    @Test
    void scoreIsRelativeDeviationFromTheTrailingAverage() {
        // A two-tone series with a spike: the spike is the top-scoring step.
        int n = 400;
        double[] x = new double[n];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * i / 25) + 0.5 * Math.sin(2 * Math.PI * i / 7) + 0.01 * r.nextGaussian();
        }
        x[250] += 4;
        SpectralResidual sr = new SpectralResidual(SpectralResidualParams.DEFAULTS);
        double[] s = sr.fit(new double[0], Context.defaults()).score(x, Context.defaults());
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        assertThat(best).isEqualTo(250);
        assertThat(s).hasSize(n);
        for (double v : s) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(0);
        }
    }
}
