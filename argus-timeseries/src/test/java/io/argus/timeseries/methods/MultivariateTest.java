package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

class MultivariateTest {

    /** Three channels: c0 and c1 equal a shared signal plus small noise, c2 independent noise. */
    private static Series correlated(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * 3];
        for (int t = 0; t < n; t++) {
            double s = r.nextGaussian();
            v[t * 3] = (float) (s + 0.05 * r.nextGaussian());
            v[t * 3 + 1] = (float) (2 * s + 0.05 * r.nextGaussian());
            v[t * 3 + 2] = (float) r.nextGaussian();
        }
        return Series.of(n, 3, v, null, null, null, null);
    }

    @Test
    void channelIndependentScoresSayWhichChannelIsAnomalous() {
        int n = 600;
        float[] v = new float[n * 2];
        for (int t = 0; t < n; t++) {
            v[t * 2] = (float) Math.sin(2 * Math.PI * t / 30);
            v[t * 2 + 1] = (float) Math.cos(2 * Math.PI * t / 30);
        }
        Series train = Series.of(n, 2, v.clone(), null, null, null, null);
        float[] w = v.clone();
        for (int t = 400; t < 410; t++) {
            w[t * 2 + 1] = 0.2f; // channel 1 goes flat
        }
        Series test = Series.of(n, 2, w, null, null, null, null);
        Model<Series> model = new ChannelIndependent(new MatrixProfileDetector(new MatrixProfileParams(30, 1)), Aggregation.MAX)
                .fit(train, Context.defaults());
        Scores s = model.score(test, Context.defaults());
        StepChannelScores loc = (StepChannelScores) s.localization().orElseThrow();
        assertThat(loc.kind()).isEqualTo("step-channel");
        assertThat(loc.steps()).isEqualTo(n);
        assertThat(loc.channels()).isEqualTo(2);
        int best = argmax(s.values());
        assertThat(best).isBetween(380, 420);
        assertThat(loc.get(best, 1)).isGreaterThan(loc.get(best, 0));
        assertThat(s.get(best)).isEqualTo(Math.max(loc.get(best, 0), loc.get(best, 1)));
        assertThatThrownBy(() -> model.score(Series.univariate(new float[100]), Context.defaults()))
                .hasMessage("matrix-profile: model was fitted on 2 channel(s), the series has 1");
    }

    @Test
    void pcaT2QFlagsABrokenCorrelationAndNamesTheChannels() {
        Series train = correlated(2000, 1);
        PcaT2Q det = new PcaT2Q(PcaT2QParams.DEFAULTS);
        PcaT2Q.Fitted model = (PcaT2Q.Fitted) det.fit(train, Context.defaults());
        // c0 and c1 share one component (2/3 of the variance with c2's), so 0.85 keeps 2 components
        assertThat(model.components()).isEqualTo(2);
        Series test = correlated(200, 2);
        float[] v = test.values().clone();
        v[100 * 3] = 1.5f; // c0 = 1.5, c1 = -3: each value ordinary, their relation broken
        v[100 * 3 + 1] = -3f;
        Scores s = model.score(Series.of(200, 3, v, null, null, null, null), Context.defaults());
        assertThat(argmax(s.values())).isEqualTo(100);
        assertThat(s.get(100)).isGreaterThan(PcaT2Q.CONTROL_LIMIT);
        StepChannelScores loc = (StepChannelScores) s.localization().orElseThrow();
        assertThat(loc.get(100, 0) + loc.get(100, 1)).isGreaterThan(10 * loc.get(100, 2));
        // about alpha = 1% of new normal steps exceed the limit
        Scores normal = model.score(correlated(20000, 3), Context.defaults());
        long out = java.util.Arrays.stream(normal.values()).filter(x -> x > 1).count();
        assertThat(out / 20000.0).isBetween(0.005, 0.03);
    }

    @Test
    void hotellingLimitIsThePhaseTwoFormula() {
        // k = 1 component kept of 2 perfectly correlated channels: UCL = k(n+1)(n-1)/(n(n-k)) F(k, n-k)
        int n = 50;
        float[] v = new float[n * 2];
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < n; t++) {
            float x = (float) r.nextGaussian();
            v[t * 2] = x;
            v[t * 2 + 1] = x + (float) (1e-3 * r.nextGaussian());
        }
        PcaT2Q.Fitted m = (PcaT2Q.Fitted) new PcaT2Q(PcaT2QParams.DEFAULTS).fit(Series.of(n, 2, v, null, null, null, null), Context.defaults());
        double expected = 1.0 * (n + 1) * (n - 1) / (n * (n - 1.0)) * new FDistribution(1, n - 1).inverseCumulativeProbability(0.99);
        assertThat(m.components()).isEqualTo(1);
        assertThat(m.state().get("limits").doubles()[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void pcaT2QKeepsQWhenTheTrainingPartLiesExactlyInThePrincipalSubspace() {
        // Hand-computable: c0 = c1 = s and c2 = u with s, u = ±1 orthogonal and centred, so the
        // standardised data equal the raw ones and the covariance (divisor n − 1 = 7) is
        // [[8/7, 8/7, 0], [8/7, 8/7, 0], [0, 0, 8/7]]: λ = 16/7, 8/7, 0 with v = (1,1,0)/√2, (0,0,1), (1,−1,0)/√2.
        // Shares 2/3 then 1, so 0.85 keeps k = 2 and discards a component of zero training variance.
        float[] s = {1, -1, 1, -1, 1, -1, 1, -1};
        float[] u = {1, 1, -1, -1, 1, 1, -1, -1};
        float[] v = new float[8 * 3];
        for (int t = 0; t < 8; t++) {
            v[t * 3] = s[t];
            v[t * 3 + 1] = s[t];
            v[t * 3 + 2] = u[t];
        }
        PcaT2Q.Fitted m = (PcaT2Q.Fitted) new PcaT2Q(PcaT2QParams.DEFAULTS).fit(Series.of(8, 3, v, null, null, null, null), Context.defaults());
        assertThat(m.components()).isEqualTo(2);
        double uclT2 = 2.0 * 9 * 7 / (8 * 6) * new FDistribution(2, 6).inverseCumulativeProbability(0.99);
        assertThat(m.state().get("limits").doubles()[0]).isCloseTo(uclT2, within(1e-9));
        // step 0 (1, 1, 1) follows the structure: T² = 2/(16/7) + 1/(8/7) = 7/4, Q = 0
        // step 1 (1, −1, 0) breaks c0 = c1: T² = 0, Q = ‖(1, −1, 0)‖² = 2, all of it outside the subspace
        Scores sc = m.score(Series.of(2, 3, new float[] {1, 1, 1, 1, -1, 0}, null, null, null, null), Context.defaults());
        assertThat(sc.get(0)).isCloseTo(1.75 / uclT2, within(1e-9));
        assertThat(sc.get(1)).isGreaterThan(PcaT2Q.CONTROL_LIMIT);
        StepChannelScores loc = (StepChannelScores) sc.localization().orElseThrow();
        assertThat(loc.get(1, 0)).isGreaterThan(PcaT2Q.CONTROL_LIMIT / 3);
        assertThat(loc.get(1, 1)).isGreaterThan(PcaT2Q.CONTROL_LIMIT / 3);
        assertThat(loc.get(1, 2)).isLessThan(1e-6 * loc.get(1, 0));
    }

    @Test
    void pcaT2QRejectsTooFewTrainingSteps() {
        assertThatThrownBy(() -> new PcaT2Q(PcaT2QParams.DEFAULTS).fit(correlated(4, 1), Context.defaults()))
                .hasMessage("pca-t2q needs more training steps than channels + 1: got 4 steps for 3 channels");
        assertThatThrownBy(() -> new PcaT2QParams(0.85, 0.9)).hasMessage("parameter alpha = 0.9 is out of range; allowed: [1.0E-9, 0.5]");
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            best = s[i] > s[best] ? i : best;
        }
        return best;
    }
}
