package io.argus.deep.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodRegistry;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.ControlLimited;
import io.argus.core.threshold.Threshold;
import io.argus.deep.DeepFixtures;
import io.argus.deep.nn.Torch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AxonAdTest {

    /** W 20, d 16, 4 heads, k 5, s 1; 20 epochs of batch 32. */
    private static final AxonAdParams SMALL = new AxonAdParams(20, 16, 4, 3e-3, 5, 1, 20, 32, 0.2, 3, 1e-5, 1.0, 0.9, 0.1, 0.5, 0.99, 1.5);
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
    void theJepaMaskCoversAboutHalfOfTheTailInBlocks() {
        AxonAdParams p = AxonAdParams.DEFAULTS; // W 100, s 1: tail 49, region [51, 100), blocks of 25
        float[] m = AxonAd.jepaMask(50, p, new SplittableRandom(1));
        for (int i = 0; i < 50; i++) {
            int covered = 0;
            for (int t = 0; t < 100; t++) {
                if (m[i * 100 + t] == 1) {
                    assertThat(t).isGreaterThanOrEqualTo(51);
                    covered++;
                }
            }
            assertThat(covered).isBetween(25, 49);
        }
    }

    @Test
    void aBrokenCrossChannelPatternScoresHighAndTheScoreIsCentredOnItsWindow() {
        AxonAd.AxonModel m = (AxonAd.AxonModel) new AxonAd(SMALL).fit(sines(500, -1, 1), ctx);
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
        // ceil((W - 1) / 2) = 10 copies of the first window's score on the left, floor = 9 of the last on the right
        for (int t = 0; t <= 10; t++) {
            assertThat(s[t]).isEqualTo(s[0]);
        }
        for (int t = 290; t < 300; t++) {
            assertThat(s[t]).isEqualTo(s[299]);
        }
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        AxonAdParams p = SMALL.withEpochs(2);
        Series train = sines(150, -1, 5);
        Series query = sines(80, 30, 6);
        double[] a;
        double[] b;
        double[] c;
        try (Context c1 = Context.builder().seed(3).threads(1).build();
                Context c2 = Context.builder().seed(3).threads(1).build();
                Context c3 = Context.builder().seed(4).threads(1).build()) {
            a = new AxonAd(p).fit(train, c1).score(query, c1).toArray();
            b = new AxonAd(p).fit(train, c2).score(query, c2).toArray();
            c = new AxonAd(p).fit(train, c3).score(query, c3).toArray();
        }
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void modelFileRoundTripKeepsScoresAndThreshold(@TempDir Path dir) {
        AxonAdProvider provider = new AxonAdProvider();
        assertThat(MethodRegistry.load().find(AxonAdProvider.NAME)).isPresent();
        AxonAdParams p = SMALL.withEpochs(2);
        Model<Series> m = provider.detector(p).fit(sines(150, -1, 3), ctx);
        Series query = sines(120, 50, 4);
        double[] s = m.score(query, ctx).toArray();
        SavedModel<Series> saved = new SavedModel<>(provider, p, m, Calibration.fit(s), new Threshold(1, "fixed", Double.NaN),
                new Provenance("none", "synthetic", 150, 2, "test", 11, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve("axonad" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        AxonAd.AxonModel back = (AxonAd.AxonModel) ModelFiles.read(file, provider).model();
        assertThat(back.score(query, ctx).toArray()).containsExactly(s);
        assertThat(back.threshold()).isEqualTo(((AxonAd.AxonModel) m).threshold());
        // the EMA target moved away from the student it started as
        assertThat(m.state().get("target.wq.w").floats()).isNotEqualTo(m.state().get("student.wq.w").floats());

        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        state.put("student.out.w", Tensor.f32(new float[3 * 16], 3, 16));
        assertThatThrownBy(() -> provider.restore(p, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'student.out.w' has shape [3, 16] but the architecture axonad [2, 20, 16, 4, 1, 5]"
                        + " (channels, window, dModel, heads, forecastSteps, klTailK) expects [2, 16]");
        Map<String, Tensor> missing = new LinkedHashMap<>(m.state());
        missing.remove("target.pos");
        assertThatThrownBy(() -> provider.restore(p, missing)).hasMessageStartingWith("model state lacks tensor 'target.pos'");
        Map<String, Tensor> wrongWindow = new LinkedHashMap<>(m.state());
        wrongWindow.put(AxonAd.ARCHITECTURE, Tensor.i64(new long[] {2, 24, 16, 4, 1, 5}));
        assertThatThrownBy(() -> provider.restore(p, wrongWindow))
                .hasMessage("axonad: model state tensor 'architecture' is [2, 24, 16, 4, 1, 5] but the parameters give [channels, 20, 16, 4, 1, 5]");
    }

    @Test
    void badInputFailsClearly() {
        assertThatThrownBy(() -> new AxonAd(SMALL).fit(sines(20, -1, 1), ctx))
                .hasMessage("axonad needs at least window + 1 = 21 training steps, got 20");
        assertThatThrownBy(() -> SMALL.withShape(20, 18, 4)).hasMessage("parameter dModel = 18 must be a multiple of heads = 4");
        assertThatThrownBy(() -> new AxonAdParams(20, 16, 4, 3e-3, 5, 19, 20, 32, 0.2, 3, 1e-5, 1.0, 0.9, 0.1, 0.5, 0.99, 1.5))
                .hasMessage("parameter forecastSteps = 19 must be below window - 1 = 19");
        float[] flat = new float[100 * 2];
        assertThatThrownBy(() -> new AxonAd(SMALL).fit(Series.of(100, 2, flat, null, null, null, null), ctx))
                .hasMessage("axonad: the training data is constant (every one of the 2 columns has a single value over 100 rows); there is nothing to learn");
        Model<Series> m = new AxonAd(SMALL.withEpochs(1)).fit(sines(100, -1, 1), ctx);
        assertThatThrownBy(() -> m.score(Series.of(5, 2, new float[10], null, null, null, null), ctx))
                .hasMessage("axonad: the series has 5 steps, fewer than the window 20");
        assertThatThrownBy(() -> m.score(Series.of(50, 3, new float[150], null, null, null, null), ctx))
                .hasMessage("shape mismatch: the model was fitted on 2 channels, the series has 3");
        assertThat(Arrays.stream(m.score(sines(60, -1, 9), ctx).toArray()).allMatch(Double::isFinite)).isTrue();
    }

    /**
     * The backward pass reads what the forward pass saved. A constant operand that the engine frees once
     * its Java wrapper is collected (DJL's {@code div(Number)} and friends close the scalar they make)
     * leaves the backward pass reading freed memory: the gradients then depend on when the garbage
     * collector runs, and went NaN on SKAB valve2/0. Here a collection runs between the passes and the
     * freed small blocks are refilled with NaN bytes; the gradients must not change.
     */
    @Test
    void gradientsDoNotDependOnWhenTheGarbageCollectorRuns() throws InterruptedException {
        AxonAdParams p = new AxonAdParams(12, 8, 2, 1e-3, 3, 1, 1, 8, 0, 0, 0, 1.0, 0.9, 0, 0.5, 0.99, 1.5);
        float[] plain = gradients(p, false);
        float[] collected = gradients(p, true);
        for (float g : plain) {
            assertThat(g).isFinite();
        }
        assertThat(collected).containsExactly(plain);
    }

    private static float[] gradients(AxonAdParams p, boolean collectBetweenPasses) {
        int c = 2;
        Map<String, long[]> shapes = AxonAd.studentShapes(c, p);
        Map<String, float[]> init = AxonAd.initialise(shapes, new SplittableRandom(5));
        float[] x = new float[p.window() * 4 * c];
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) DeepFixtures.gaussian(r);
        }
        return Torch.call(1, () -> {
            try (NDManager m = NDManager.newBaseManager(Torch.engine().defaultDevice(), Torch.ENGINE)) {
                Map<String, NDArray> student = new LinkedHashMap<>();
                Map<String, NDArray> target = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                    NDArray a = m.create(init.get(e.getKey()), new Shape(e.getValue()));
                    a.setRequiresGradient(true);
                    student.put(e.getKey(), a);
                    target.put(e.getKey(), m.create(init.get(e.getKey()), new Shape(e.getValue())));
                }
                AxonAd.Net net = new AxonAd.Net(student, target);
                try (NDManager bm = m.newSubManager()) {
                    NDArray xb = bm.create(x, new Shape(4, p.window(), c));
                    NDArray mask = bm.create(AxonAd.jepaMask(4, p, new SplittableRandom(7)), new Shape(4, p.window(), 1));
                    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                        NDArray loss = AxonAd.trainingLoss(net, xb, mask, p, bm);
                        if (collectBetweenPasses) {
                            collectAndPoisonFreedBlocks();
                        }
                        gc.backward(loss);
                    }
                    List<Float> out = new ArrayList<>();
                    for (NDArray a : student.values()) {
                        for (float g : a.getGradient().toFloatArray()) {
                            out.add(g);
                        }
                    }
                    float[] g = new float[out.size()];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = out.get(i);
                    }
                    return g;
                }
            }
        });
    }

    /** Runs the collector (and with it the cleaners of unreachable direct buffers), then refills small freed blocks with NaN. */
    private static void collectAndPoisonFreedBlocks() {
        List<ByteBuffer> poison = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (int size : new int[] {4, 8}) {
                for (int i = 0; i < 64; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(size);
                    while (b.hasRemaining()) {
                        b.put((byte) 0xFF);
                    }
                    poison.add(b);
                }
            }
        }
        assertThat(poison).isNotEmpty();
    }

    @Test
    void constantOrTinyTrainingDataFailsClearlyAndAConstantChannelIsHarmless() {
        // window + 1 steps give 2 windows, one of them held out: too few to train on
        assertThatThrownBy(() -> new AxonAd(SMALL).fit(sines(21, -1, 1), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axonad needs at least 2 training windows after holding out 1 for validation, got 2 windows");
        float[] flat = new float[200 * 3];
        Arrays.fill(flat, 7.25f);
        assertThatThrownBy(() -> new AxonAd(SMALL).fit(Series.of(200, 3, flat, null, null, null, null), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the training data is constant");
        // one channel constant, one flat but for a single spike: training stays finite, and so do the scores
        Series sine = sines(200, -1, 3);
        float[] v = new float[200 * 3];
        for (int t = 0; t < 200; t++) {
            v[3 * t] = sine.values()[2 * t];
            v[3 * t + 1] = 4f;
            v[3 * t + 2] = t == 120 ? 1f : 0f;
        }
        Series odd = Series.of(200, 3, v, null, null, null, null);
        AxonAd.AxonModel m = (AxonAd.AxonModel) new AxonAd(SMALL.withEpochs(5)).fit(odd, ctx);
        assertThat(m.state().values().stream().filter(t -> t.dtype() == Tensor.DType.F32).flatMap(t -> {
            List<Float> fs = new ArrayList<>();
            for (float f : t.floats()) {
                fs.add(f);
            }
            return fs.stream();
        })).allMatch(Float::isFinite);
        assertThat(Arrays.stream(m.score(odd, ctx).toArray()).allMatch(Double::isFinite)).isTrue();
        assertThat(m.threshold()).isFinite();
    }

    @Test
    void theModelCarriesItsAlarmThresholdAsItsControlLimit() {
        Model<Series> m = new AxonAd(SMALL.withEpochs(2)).fit(sines(150, -1, 8), ctx);
        assertThat(m).isInstanceOf(ControlLimited.class);
        assertThat(((ControlLimited) m).controlLimit()).isEqualTo(((AxonAd.AxonModel) m).threshold()).isFinite();
    }

    @Test
    void theClipNormSurvivesLargeGradientsAndRefusesNonFiniteOnes() {
        Torch.call(1, () -> {
            try (NDManager m = NDManager.newBaseManager(Torch.engine().defaultDevice(), Torch.ENGINE)) {
                // 3e19 squared overflows float32; the norm must still be sqrt(2) * 3e19 (and 5 for a plain 3-4 vector)
                assertThat(AxonAd.squaredNorm(m.create(new float[] {3f, 4f}), "w", 1)).isEqualTo(25.0);
                double big = AxonAd.squaredNorm(m.create(new float[] {3e19f, -3e19f}), "w", 1);
                assertThat(Math.sqrt(big)).isCloseTo(Math.sqrt(2) * 3e19, within(1e13));
                assertThatThrownBy(() -> AxonAd.squaredNorm(m.create(new float[] {1f, Float.NaN}), "wq.w", 7))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("axonad: training diverged in epoch 7 (largest gradient magnitude of wq.w NaN); check the data for"
                                + " extreme values or lower the learning rate");
                assertThatThrownBy(() -> AxonAd.squaredNorm(m.create(new float[] {Float.POSITIVE_INFINITY, 1f}), "pos", 2))
                        .hasMessageContaining("epoch 2 (largest gradient magnitude of pos Infinity)");
            }
            return null;
        });
    }
}
