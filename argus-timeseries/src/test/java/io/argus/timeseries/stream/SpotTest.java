package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpotTest {

    /** GPD(γ, σ) by inversion: y = σ/γ·((1 − u)^(−γ) − 1). */
    private static double[] gpdSample(double gamma, double sigma, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            y[i] = gamma == 0 ? -sigma * Math.log(1 - u) : sigma / gamma * (Math.pow(1 - u, -gamma) - 1);
            if (y[i] <= 0) {
                y[i] = Double.MIN_NORMAL;
            }
        }
        return y;
    }

    @Test
    void quantileFormulaByHand() {
        // r = q·n/N_t = 0.01·1000/50 = 0.2; z = 10 + (2/0.5)(0.2^−0.5 − 1) = 10 + 4(√5 − 1).
        assertThat(new Gpd(0.5, 2, 0).quantile(10, 0.01, 1000, 50)).isCloseTo(10 + 4 * (Math.sqrt(5) - 1), within(1e-12));
        // γ = 0: z = t − σ·log r = 10 − 2·log 0.2.
        assertThat(new Gpd(0, 2, 0).quantile(10, 0.01, 1000, 50)).isCloseTo(10 - 2 * Math.log(0.2), within(1e-12));
    }

    @Test
    void logLikelihoodByHand() {
        // y = {1, 2}, γ = 0.5, σ = 1: −2·log 1 − (1 + 2)(log 1.5 + log 2) = −3·log 3.
        assertThat(Gpd.logLikelihood(new double[] {1, 2}, 2, 0.5, 1)).isCloseTo(-3 * Math.log(3), within(1e-12));
        // exponential: −n·log σ − Σy/σ = −2·log 1.5 − 3/1.5.
        assertThat(Gpd.logLikelihood(new double[] {1, 2}, 2, 0, 1.5)).isCloseTo(-2 * Math.log(1.5) - 2, within(1e-12));
        // outside the support (1 + γy/σ ≤ 0) the likelihood is zero.
        assertThat(Gpd.logLikelihood(new double[] {1, 2}, 2, -1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void grimshawRecoversAKnownHeavyTail() {
        double[] y = gpdSample(0.2, 1.5, 20_000, 7);
        Gpd fit = Gpd.fit(y, y.length);
        assertThat(fit.gamma()).isCloseTo(0.2, within(0.03));
        assertThat(fit.sigma()).isCloseTo(1.5, within(0.06));
    }

    @Test
    void grimshawRecoversABoundedTail() {
        double[] y = gpdSample(-0.3, 2.0, 20_000, 11);
        Gpd fit = Gpd.fit(y, y.length);
        assertThat(fit.gamma()).isCloseTo(-0.3, within(0.03));
        assertThat(fit.sigma()).isCloseTo(2.0, within(0.08));
    }

    @Test
    void exponentialTailGivesGammaNearZeroAndBeatsNoRoot() {
        double[] y = gpdSample(0, 1.0, 20_000, 3);
        Gpd fit = Gpd.fit(y, y.length);
        assertThat(fit.gamma()).isCloseTo(0, within(0.03));
        assertThat(fit.sigma()).isCloseTo(1.0, within(0.04));
        // the fit is the likelihood maximum among the candidates: no worse than the exponential.
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(Gpd.logLikelihood(y, y.length, 0, mean(y)));
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    @Test
    void spotKeepsItsRiskOnGaussianNoiseAndFlagsAnOutlier() {
        SplittableRandom r = new SplittableRandom(1);
        double[] calib = new double[2000];
        for (int i = 0; i < calib.length; i++) {
            calib[i] = gauss(r);
        }
        Spot spot = new Spot(new SpotParams(1e-3, 0.98, 0, 1000));
        spot.initialize(calib);
        // the 1 − 1e-3 quantile of N(0, 1) is 3.09: the EVT estimate lands near it.
        assertThat(spot.threshold()).isBetween(2.7, 3.6);
        int alarms = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            if (spot.step(gauss(r))) {
                alarms++;
            }
        }
        assertThat((double) alarms / n).isLessThan(4e-3);
        assertThat(spot.step(8.0)).isTrue();
    }

    @Test
    void dspotFollowsADrift() {
        SplittableRandom r = new SplittableRandom(2);
        double[] calib = new double[1000];
        for (int i = 0; i < calib.length; i++) {
            calib[i] = 0.01 * i + gauss(r);
        }
        Spot dspot = new Spot(new SpotParams(1e-3, 0.98, 10, 1000));
        Spot spot = new Spot(new SpotParams(1e-3, 0.98, 0, 1000));
        dspot.initialize(calib);
        spot.initialize(calib);
        int dAlarms = 0;
        int sAlarms = 0;
        for (int i = 1000; i < 6000; i++) {
            double x = 0.01 * i + gauss(r);
            dAlarms += dspot.step(x) ? 1 : 0;
            sAlarms += spot.step(x) ? 1 : 0;
        }
        // SPOT's fixed level is overrun by the drift; DSPOT's moving mean is not.
        assertThat(sAlarms).isGreaterThan(2000);
        assertThat(dAlarms).isLessThan(100);
        assertThat(dspot.step(0.01 * 6000 + 12)).isTrue();
    }

    private static double gauss(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void spotFilterFlagsTheSpikeOfAnEwmaStream() {
        SpotFilter f = new SpotFilter(new Ewma(EwmaParams.DEFAULTS, 1), SpotParams.SPOT, 1000);
        SplittableRandom r = new SplittableRandom(8);
        int alarms = 0;
        for (int t = 0; t < 5000; t++) {
            double out = f.scoreAndUpdate(new float[] {(float) gauss(r)});
            if (t < 1000) {
                assertThat(out).isZero();
                if (t < 999) {
                    assertThat(f.threshold()).isNaN();
                } else {
                    assertThat(f.threshold()).isFinite().isGreaterThan(2);
                }
            }
            alarms += (int) out;
        }
        assertThat(alarms).isLessThan(10);
        assertThat(f.scoreAndUpdate(new float[] {12})).isEqualTo(1.0);
        assertThat(f.lastScore()).isGreaterThan(f.threshold());
    }

    @Test
    void badInput() {
        Spot spot = new Spot(SpotParams.DSPOT);
        assertThatThrownBy(() -> spot.initialize(new double[15])).hasMessage("SPOT calibration needs at least 20 values (depth 10 + 10), got 15");
        assertThatThrownBy(() -> new Spot(SpotParams.SPOT).initialize(new double[100]))
                .hasMessageContaining("no value exceeds the initial threshold");
        assertThatThrownBy(() -> new Spot(SpotParams.SPOT).step(1)).hasMessage("SPOT: initialize() must be called first");
        assertThatThrownBy(() -> Gpd.fit(new double[] {1, -1}, 2)).hasMessage("excess 1 is -1.0; excesses must be positive and finite");
        assertThatThrownBy(() -> new SpotParams(0.9, 0.98, 0, 1000)).hasMessage("parameter q = 0.9 is out of range; allowed: [1.0E-12, 0.5]");
    }
}
