package io.argus.deep.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodRegistry;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.deep.DeepFixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmAutoEncoderTest {

    private static final LstmAutoEncoderParams SMALL = new LstmAutoEncoderParams(10, 16, 30, 32, 1e-2, 0.1, 5, 0.99, 1.5,
            ConvAutoEncoderParams.PointRule.SKAB);
    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(11).threads(1).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    /** Two phase-locked sine channels with noise; from step {@code anomalyFrom}, channel 1 flips sign for 40 steps. */
    private static Series sines(int steps, int anomalyFrom, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[steps * 2];
        for (int t = 0; t < steps; t++) {
            double a = Math.sin(2 * Math.PI * t / 25.0);
            boolean bad = anomalyFrom >= 0 && t >= anomalyFrom && t < anomalyFrom + 40;
            v[2 * t] = (float) (a + 0.05 * DeepFixtures.gaussian(r));
            v[2 * t + 1] = (float) ((bad ? -a : a) + 0.05 * DeepFixtures.gaussian(r));
        }
        return Series.of(steps, 2, v, null, null, null, null);
    }

    @Test
    void aBrokenCrossChannelPatternIsFlaggedAndNormalStepsAreNotExactlyBySkabsRule() {
        LstmAutoEncoder.LstmAeModel m = (LstmAutoEncoder.LstmAeModel) new LstmAutoEncoder(SMALL).fit(sines(400, -1, 1), ctx);
        assertThat(m.state().keySet()).contains("net.01KerasLstm_kernel", "net.01KerasLstm_recurrent_kernel", "net.01KerasLstm_bias",
                "net.03KerasLstm_kernel");
        assertThat(m.state().get("net.01KerasLstm_kernel").shape()).containsExactly(2, 64);
        Series test = sines(300, 150, 2);
        double[] s = m.score(test, ctx).toArray();
        // a score above the control limit is exactly SKAB's flag on the window residuals
        float[] x = io.argus.deep.nn.Standardizer.from(m.state()).apply(ConvAutoEncoder.asTable(test), "test");
        double[] res = m.windowResiduals(x, test.size(), ctx);
        int w = SMALL.window();
        for (int i = 0; i < s.length; i++) {
            boolean expected = i >= w - 1 && i <= res.length - w;
            for (int k = i - w + 1; expected && k < i; k++) {
                expected = res[k] > m.controlLimit();
            }
            assertThat(s[i] > m.controlLimit()).as("step %d", i).isEqualTo(expected);
        }
        int[] y = new int[300];
        for (int t = 150; t < 190; t++) {
            y[t] = 1;
        }
        assertThat(DeepFixtures.auroc(s, y)).isGreaterThan(0.9);
        assertThat(s[170]).isGreaterThan(m.threshold());
        long falseAlarms = 0;
        for (int t = 0; t < 120; t++) {
            if (s[t] > m.threshold()) {
                falseAlarms++;
            }
        }
        assertThat(falseAlarms).isLessThan(12);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        LstmAutoEncoderParams p = SMALL.withEpochs(2);
        Series train = sines(150, -1, 5);
        Series query = sines(80, 30, 6);
        double[] a;
        double[] b;
        double[] c;
        try (Context c1 = Context.builder().seed(3).threads(1).build();
                Context c2 = Context.builder().seed(3).threads(1).build();
                Context c3 = Context.builder().seed(4).threads(1).build()) {
            a = new LstmAutoEncoder(p).fit(train, c1).score(query, c1).toArray();
            b = new LstmAutoEncoder(p).fit(train, c2).score(query, c2).toArray();
            c = new LstmAutoEncoder(p).fit(train, c3).score(query, c3).toArray();
        }
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void modelFileRoundTripKeepsScoresAndThreshold(@TempDir Path dir) {
        LstmAutoEncoderProvider provider = new LstmAutoEncoderProvider();
        assertThat(MethodRegistry.load().find(LstmAutoEncoderProvider.NAME)).isPresent();
        LstmAutoEncoderParams p = SMALL.withEpochs(2);
        Model<Series> m = provider.detector(p).fit(sines(150, -1, 3), ctx);
        Series query = sines(120, 50, 4);
        double[] s = m.score(query, ctx).toArray();
        SavedModel<Series> saved = new SavedModel<>(provider, p, m, Calibration.fit(s), new Threshold(1, "fixed", Double.NaN),
                new Provenance("none", "synthetic", 150, 2, "test", 11, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve("lstm-ae" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        LstmAutoEncoder.LstmAeModel back = (LstmAutoEncoder.LstmAeModel) ModelFiles.read(file, provider).model();
        assertThat(back.score(query, ctx).toArray()).containsExactly(s);
        assertThat(back.threshold()).isEqualTo(((LstmAutoEncoder.LstmAeModel) m).threshold());
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        String linear = state.keySet().stream().filter(k -> k.contains("Linear_weight")).findFirst().orElseThrow();
        state.put(linear, Tensor.f32(new float[3 * 16], 3, 16));
        assertThatThrownBy(() -> provider.restore(p, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor '" + linear + "' has shape [3, 16] but the architecture lstm-ae [2, 10, 16]"
                        + " (channels, window, hidden) expects [2, 16]");
        Map<String, Tensor> wrongWindow = new LinkedHashMap<>(m.state());
        wrongWindow.put(LstmAutoEncoder.ARCHITECTURE, Tensor.i64(new long[] {2, 12, 16}));
        assertThatThrownBy(() -> provider.restore(p, wrongWindow))
                .hasMessage("lstm-ae: model state tensor 'architecture' is [2, 12, 16] but the parameters give [channels, 10, 16]");
    }

    @Test
    void badInputFailsClearly() {
        assertThatThrownBy(() -> new LstmAutoEncoder(SMALL).fit(sines(10, -1, 1), ctx))
                .hasMessage("lstm-ae needs at least window + 1 = 11 training steps, got 10");
        assertThatThrownBy(() -> new LstmAutoEncoderParams(1, 8, 1, 32, 1e-3, 0.1, 5, 0.99, 1.5, ConvAutoEncoderParams.PointRule.SKAB))
                .hasMessageContaining("window");
        float[] flat = new float[100 * 2];
        assertThatThrownBy(() -> new LstmAutoEncoder(SMALL).fit(Series.of(100, 2, flat, null, null, null, null), ctx))
                .hasMessage("lstm-ae: the training data is constant (every one of the 2 columns has a single value over 100 rows); there is nothing to learn");
        Model<Series> m = new LstmAutoEncoder(SMALL.withEpochs(1)).fit(sines(100, -1, 1), ctx);
        assertThatThrownBy(() -> m.score(Series.of(5, 2, new float[10], null, null, null, null), ctx))
                .hasMessage("lstm-ae: the series has 5 steps, fewer than the window 10");
        assertThatThrownBy(() -> m.score(Series.of(50, 3, new float[150], null, null, null, null), ctx))
                .hasMessage("shape mismatch: the model was fitted on 2 channels, the series has 3");
    }
}
