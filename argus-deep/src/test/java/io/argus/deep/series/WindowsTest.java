package io.argus.deep.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.deep.series.ConvAutoEncoderParams.PointRule;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WindowsTest {

    /**
     * SKAB's notebook loop, transcribed: anomalies = residuals > UCL; for data_idx in range(n_steps − 1,
     * len(X) − n_steps + 1): flagged iff np.all(anomalies[data_idx − n_steps + 1 : data_idx]).
     */
    private static boolean[] skabReference(double[] residuals, int w, double ucl) {
        boolean[] flags = new boolean[residuals.length + w - 1];
        for (int idx = w - 1; idx < residuals.length - w + 1; idx++) {
            boolean all = true;
            for (int k = idx - w + 1; k < idx; k++) {
                all &= residuals[k] > ucl;
            }
            flags[idx] = all;
        }
        return flags;
    }

    private static List<Integer> flagged(double[] scores, double limit) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > limit) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void skabRuleOnAHandMadeSequence() {
        // w = 3: 10 windows over 12 steps; steps 2..7 can be flagged, each by the two windows starting at i-2 and i-1
        double[] res = {5, 5, 0, 5, 5, 5, 0, 5, 5, 5};
        double[] s = Windows.stepScores(res, 3, PointRule.SKAB, 1.0);
        assertThat(s).hasSize(12);
        assertThat(flagged(s, 1.0)).containsExactly(2, 5, 6);
        assertThat(s[2]).isEqualTo(5.0);
        // outside the range the score is capped at the limit (never flagged) but still ranks the step
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[11]).isEqualTo(1.0);
        // the all-windows rule: a step is flagged when every window containing it is
        double[] all = Windows.stepScores(res, 3, PointRule.ALL_WINDOWS, 1.0);
        assertThat(flagged(all, 1.0)).containsExactly(0, 1, 5, 9, 10, 11);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 10, 60})
    void skabScoresAboveTheLimitAreExactlySkabsFlags(int w) {
        SplittableRandom r = new SplittableRandom(w);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(4 * w + 20);
            double[] res = new double[n];
            for (int i = 0; i < n; i++) {
                // long runs above and below the limit, as real alarms come
                res[i] = r.nextInt(6) == 0 ? r.nextDouble() : (i > 0 && r.nextInt(8) > 0 ? res[i - 1] : r.nextDouble() * 2);
            }
            double ucl = 0.7 + 0.3 * r.nextDouble();
            double[] s = Windows.stepScores(res, w, PointRule.SKAB, ucl);
            boolean[] expected = skabReference(res, w, ucl);
            assertThat(s).hasSize(n + w - 1);
            for (int i = 0; i < s.length; i++) {
                assertThat(s[i] > ucl).as("w %d, trial %d, step %d", w, trial, i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void aResidualSumsOverChannelsTheMeanOverStepsAndBroadcastsOneDecodedChannel() {
        // 2 channels over 6 steps: channel 0 is t, channel 1 is 3t
        float[] x = new float[12];
        for (int t = 0; t < 6; t++) {
            x[2 * t] = t;
            x[2 * t + 1] = 3 * t;
        }
        int w = 3;
        double[][] got = new double[2][];
        io.argus.deep.nn.Torch.call(1, () -> {
            try (io.argus.core.Context ctx = io.argus.core.Context.builder().seed(1).threads(1).build()) {
                // decodes one channel, a copy of channel 0: the residual is channel 1's mean |3t - t| over the window
                try (io.argus.deep.nn.Network one = io.argus.deep.nn.Network.load(
                        () -> new ai.djl.nn.LambdaBlock(l -> new ai.djl.ndarray.NDList(l.singletonOrThrow().get(":, 0:1, :"))),
                        new ai.djl.ndarray.types.Shape[] {new ai.djl.ndarray.types.Shape(2, 2, w)}, java.util.Map.of(), "net.", "copy")) {
                    got[0] = Windows.residuals(one, 4, 3, ctx, (m, starts) -> Windows.channelsFirst(m, x, 2, w, starts), true, 2, w);
                }
                // decodes all channels as zeros, time-major: the residual is the sum over channels of the mean |x|
                try (io.argus.deep.nn.Network zero = io.argus.deep.nn.Network.load(
                        () -> new ai.djl.nn.LambdaBlock(l -> new ai.djl.ndarray.NDList(l.singletonOrThrow().zerosLike())),
                        new ai.djl.ndarray.types.Shape[] {new ai.djl.ndarray.types.Shape(2, w, 2)}, java.util.Map.of(), "net.", "zero")) {
                    got[1] = Windows.residuals(zero, 4, 3, ctx, (m, starts) -> Windows.timeFirst(m, x, 2, w, starts), false, 2, w);
                }
            }
            return null;
        });
        // window k covers t = k, k+1, k+2: mean of 2t is 2(k+1); mean of t + 3t is 4(k+1)
        assertThat(got[0]).containsExactly(2, 4, 6, 8);
        assertThat(got[1]).containsExactly(4, 8, 12, 16);
    }

    @Test
    void quantileInterpolatesLinearlyAsNumpy() {
        double[] v = {4, 1, 3, 2};
        assertThat(Windows.quantile(v, 0.5)).isEqualTo(2.5);
        assertThat(Windows.quantile(v, 0.999)).isCloseTo(3.997, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Windows.quantile(v, 1.0)).isEqualTo(4.0);
    }
}
