package io.argus.deep.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.deep.DeepFixtures;
import io.argus.deep.nn.Torch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvAutoEncoderTest {

    private static final ConvAutoEncoderParams SMALL = new ConvAutoEncoderParams(20, 8, 5, 0.0, 30, 32, 3e-3, 0.1, 5, 0.99, 1.5,
            ConvAutoEncoderParams.OutputChannels.ONE, ConvAutoEncoderParams.PointRule.SKAB);
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
    void upsamplingInsertsAZeroBeforeEveryStep() {
        Torch.call(1, () -> {
            try (NDManager m = NDManager.newBaseManager(Torch.ENGINE)) {
                NDList out = ConvAutoEncoder.upsampleWithZeros(new NDList(m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 2, 3))));
                assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(1, 2, 6));
                assertThat(out.singletonOrThrow().toFloatArray()).containsExactly(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6);
            }
            return null;
        });
    }

    @Test
    void aBrokenCrossChannelPatternIsAboveTheThresholdAndNormalStepsAreNot() {
        ConvAutoEncoder.ConvAeModel m = (ConvAutoEncoder.ConvAeModel) new ConvAutoEncoder(SMALL).fit(sines(400, -1, 1), ctx);
        double[] s = m.score(sines(300, 150, 2), ctx).toArray();
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
    void modelFileRoundTripKeepsScoresAndThreshold(@TempDir Path dir) {
        ConvAutoEncoderProvider provider = new ConvAutoEncoderProvider();
        ConvAutoEncoderParams p = SMALL.withEpochs(3);
        Model<Series> m = provider.detector(p).fit(sines(200, -1, 3), ctx);
        Series query = sines(120, 50, 4);
        double[] s = m.score(query, ctx).toArray();
        SavedModel<Series> saved = new SavedModel<>(provider, p, m, Calibration.fit(s), new Threshold(1, "fixed", Double.NaN),
                new Provenance("none", "synthetic", 200, 2, "test", 11, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve("conv-ae" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        ConvAutoEncoder.ConvAeModel back = (ConvAutoEncoder.ConvAeModel) ModelFiles.read(file, provider).model();
        assertThat(back.score(query, ctx).toArray()).containsExactly(s);
        assertThat(back.threshold()).isEqualTo(((ConvAutoEncoder.ConvAeModel) m).threshold());
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        state.put("net.02Conv1d_weight", Tensor.f32(new float[8 * 3 * 5], 8, 3, 5));
        assertThatThrownBy(() -> provider.restore(p, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'net.02Conv1d_weight' has shape [8, 3, 5] but the architecture conv-ae [2, 20, 8, 5, 1]"
                        + " (channels, window, filters, kernel, outputs) expects [8, 2, 5]");
    }

    @Test
    void badInputFailsClearly() {
        assertThatThrownBy(() -> new ConvAutoEncoder(SMALL).fit(sines(20, -1, 1), ctx))
                .hasMessage("conv-ae needs at least window + 1 = 21 training steps, got 20");
        assertThatThrownBy(() -> new ConvAutoEncoderParams(30, 8, 5, 0, 1, 32, 1e-3, 0.1, 5, 0.99, 1.5,
                ConvAutoEncoderParams.OutputChannels.ONE, ConvAutoEncoderParams.PointRule.SKAB))
                .hasMessage("parameter window = 30 must be a multiple of 4 (two stride-2 convolutions)");
        float[] flat = new float[100 * 2];
        assertThatThrownBy(() -> new ConvAutoEncoder(SMALL).fit(Series.of(100, 2, flat, null, null, null, null), ctx))
                .hasMessage("conv-ae: the training data is constant (every one of the 2 columns has a single value over 100 rows); there is nothing to learn");
    }
}
