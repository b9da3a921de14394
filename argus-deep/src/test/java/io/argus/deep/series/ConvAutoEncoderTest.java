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
import static org.assertj.core.api.Assertions.within;
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

    private static float[] uniform(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /**
     * TensorFlow's Conv1D(strides=2, padding="same") on (ci, L), weight w[co][ci][k]:
     * out[co][i] = Σ x[ci][2i + k − before], before = ⌊max((⌈L/2⌉ − 1)·2 + K − L, 0) / 2⌋.
     */
    private static double[][] kerasStridedSame(float[] x, int ci, int len, float[] w, int co, int k) {
        int out = (len + 1) / 2;
        int before = Math.max((out - 1) * 2 + k - len, 0) / 2;
        double[][] y = new double[co][out];
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < out; i++) {
                for (int c = 0; c < ci; c++) {
                    for (int j = 0; j < k; j++) {
                        int t = 2 * i + j - before;
                        if (t >= 0 && t < len) {
                            y[o][i] += x[c * len + t] * w[(o * ci + c) * k + j];
                        }
                    }
                }
            }
        }
        return y;
    }

    /**
     * TensorFlow's Conv1DTranspose(strides=2, padding="same") on (ci, L): the adjoint of a stride-2 "same"
     * convolution from 2L steps, y[co][2i + k − before] += x[ci][i]·w[k][co][ci], before = ⌊(K − 2) / 2⌋.
     */
    private static double[][] kerasTransposedSame(float[] x, int ci, int len, float[] wk, int co, int k) {
        int before = (k - 2) / 2;
        double[][] y = new double[co][2 * len];
        for (int i = 0; i < len; i++) {
            for (int j = 0; j < k; j++) {
                int o = 2 * i + j - before;
                if (o < 0 || o >= 2 * len) {
                    continue;
                }
                for (int a = 0; a < co; a++) {
                    for (int c = 0; c < ci; c++) {
                        y[a][o] += x[c * len + i] * wk[(j * co + a) * ci + c];
                    }
                }
            }
        }
        return y;
    }

    @Test
    void paddedAndUpsampledConvolutionsAreKerasSameConvolutions() {
        SplittableRandom r = new SplittableRandom(5);
        int ci = 3;
        int co = 2;
        int k = 7;
        for (int len : new int[] {60, 15, 8}) {
            float[] x = uniform(r, ci * len);
            float[] w = uniform(r, co * ci * k);
            float[] wk = uniform(r, k * co * ci);
            // PyTorch layout of the transposed kernel, flipped in time: w'[co][ci][K-1-k] = wk[k][co][ci]
            float[] flipped = new float[co * ci * k];
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < co; a++) {
                    for (int c = 0; c < ci; c++) {
                        flipped[(a * ci + c) * k + (k - 1 - j)] = wk[(j * co + a) * ci + c];
                    }
                }
            }
            double[][] strided = kerasStridedSame(x, ci, len, w, co, k);
            double[][] transposed = kerasTransposedSame(x, ci, len, wk, co, k);
            Torch.call(1, () -> {
                try (NDManager m = NDManager.newBaseManager(Torch.ENGINE)) {
                    NDList in = new NDList(m.create(x, new Shape(1, ci, len)));
                    NDList padded = ConvAutoEncoder.samePadding(k, 2).apply(in);
                    float[] a = ai.djl.nn.convolutional.Conv1d.conv1d(padded.singletonOrThrow(), m.create(w, new Shape(co, ci, k)), null,
                            new Shape(2), new Shape(0)).singletonOrThrow().toFloatArray();
                    assertThat(a).hasSize(co * strided[0].length);
                    for (int o = 0; o < co; o++) {
                        for (int i = 0; i < strided[0].length; i++) {
                            assertThat((double) a[o * strided[0].length + i]).isCloseTo(strided[o][i], within(1e-5));
                        }
                    }
                    NDList up = ConvAutoEncoder.upsampleWithZeros(in);
                    float[] b = ai.djl.nn.convolutional.Conv1d.conv1d(up.singletonOrThrow(), m.create(flipped, new Shape(co, ci, k)), null,
                            new Shape(1), new Shape(k / 2)).singletonOrThrow().toFloatArray();
                    assertThat(b).hasSize(co * 2 * len);
                    for (int o = 0; o < co; o++) {
                        for (int i = 0; i < 2 * len; i++) {
                            assertThat((double) b[o * 2 * len + i]).isCloseTo(transposed[o][i], within(1e-5));
                        }
                    }
                }
                return null;
            });
        }
    }

    @Test
    void convolutionsStartGlorotUniformWithZeroBiasAndOneOutputChannel() {
        Torch.call(1, () -> {
            Torch.seed(1);
            try (NDManager m = NDManager.newBaseManager(Torch.ENGINE)) {
                ai.djl.nn.Block net = ConvAutoEncoder.network(8, ConvAutoEncoderParams.DEFAULTS);
                net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 8, 60));
                assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 8, 60)})[0]).isEqualTo(new Shape(2, 1, 60));
                int convs = 0;
                for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : net.getParameters()) {
                    float[] v = p.getValue().getArray().toFloatArray();
                    if (p.getKey().endsWith("_bias")) {
                        assertThat(v).as(p.getKey()).containsOnly(0f);
                    } else {
                        convs++;
                        double limit = io.argus.deep.nn.KerasInit.glorotLimit(p.getValue().getArray().getShape());
                        double sq = 0;
                        for (float f : v) {
                            assertThat(Math.abs(f)).as(p.getKey()).isLessThanOrEqualTo((float) limit);
                            sq += f * f;
                        }
                        // uniform on [-l, l]: mean square l²/3 (loose: the smallest kernel has 112 values)
                        assertThat(sq / v.length).as(p.getKey()).isBetween(0.6 * limit * limit / 3, 1.4 * limit * limit / 3);
                    }
                }
                assertThat(convs).isEqualTo(5);
            }
            return null;
        });
        ConvAutoEncoderParams all = ConvAutoEncoderParams.DEFAULTS.withOutputChannels(ConvAutoEncoderParams.OutputChannels.ALL);
        assertThat(ConvAutoEncoder.architecture(8, all)).containsExactly(8, 60, 32, 7, 8);
    }

    @Test
    void scoresAboveTheControlLimitAreSkabsFlagsOnTheWindowResiduals() {
        ConvAutoEncoder.ConvAeModel m = (ConvAutoEncoder.ConvAeModel) new ConvAutoEncoder(SMALL).fit(sines(400, -1, 1), ctx);
        Series test = sines(200, 80, 2);
        double[] s = m.score(test, ctx).toArray();
        float[] x = io.argus.deep.nn.Standardizer.from(m.state()).apply(ConvAutoEncoder.asTable(test), "test");
        double[] res = m.windowResiduals(x, test.size(), ctx);
        int w = SMALL.window();
        long flags = 0;
        for (int i = 0; i < s.length; i++) {
            boolean expected = i >= w - 1 && i <= res.length - w;
            for (int k = i - w + 1; expected && k < i; k++) {
                expected = res[k] > m.controlLimit();
            }
            assertThat(s[i] > m.controlLimit()).as("step %d", i).isEqualTo(expected);
            flags += expected ? 1 : 0;
        }
        assertThat(flags).isPositive();
        assertThat(m.controlLimit()).isEqualTo(m.threshold()).isPositive();
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
    void theSameSeedGivesTheSameScoresAndAnotherSeedOthers() {
        ConvAutoEncoderParams p = SMALL.withEpochs(2);
        Series train = sines(150, -1, 5);
        Series query = sines(100, 30, 6);
        double[][] s = new double[3][];
        long[] seeds = {3, 3, 4};
        for (int i = 0; i < 3; i++) {
            try (Context c = Context.builder().seed(seeds[i]).threads(1).build()) {
                s[i] = new ConvAutoEncoder(p.withOutputChannels(ConvAutoEncoderParams.OutputChannels.ALL)).fit(train, c).score(query, c).toArray();
            }
        }
        assertThat(s[1]).containsExactly(s[0]);
        assertThat(s[2]).isNotEqualTo(s[0]);
    }

    @Test
    void oneChannelPerInputRoundTripsAndIsNotConfusedWithOne() {
        ConvAutoEncoderProvider provider = new ConvAutoEncoderProvider();
        ConvAutoEncoderParams all = io.argus.core.params.Params.parse(ConvAutoEncoderParams.class, ConvAutoEncoderParams.DEFAULTS, java.util.Map.of("window", "20", "filters", "8", "kernel", "5", "epochs", "2",
                "outputChannels", "all", "pointRule", "all_windows"), "conv-ae");
        assertThat(all.outputChannels()).isEqualTo(ConvAutoEncoderParams.OutputChannels.ALL);
        assertThat(all.pointRule()).isEqualTo(ConvAutoEncoderParams.PointRule.ALL_WINDOWS);
        Model<Series> m = provider.detector(all).fit(sines(120, -1, 3), ctx);
        Series query = sines(60, 20, 4);
        assertThat(provider.restore(all, m.state()).score(query, ctx).toArray()).containsExactly(m.score(query, ctx).toArray());
        assertThatThrownBy(() -> provider.restore(all.withOutputChannels(ConvAutoEncoderParams.OutputChannels.ONE), m.state()))
                .hasMessage("conv-ae: model state tensor 'architecture' is [2, 20, 8, 5, 2] but the parameters give [channels, 20, 8, 5, 1]");
        assertThatThrownBy(() -> io.argus.core.params.Params.parse(ConvAutoEncoderParams.class, ConvAutoEncoderParams.DEFAULTS,
                java.util.Map.of("outputChannels", "two"), "conv-ae"))
                .hasMessageContaining("one|all");
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
