package io.argus.deep.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.CancelledException;
import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFileException;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.SafeTensors;
import io.argus.core.model.SafeTensorsContent;
import io.argus.core.model.Tensor;
import io.argus.deep.DeepFixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoEncoderTest {

    private static final AutoEncoderParams SMALL = new AutoEncoderParams("16,4", 0.2, true, 8, 32, 1e-3, 1e-5, 0.0, 0);
    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(5).threads(1).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Test
    void sameSeedAndThreadsGiveIdenticalWeightsAndAnotherSeedDoesNot() {
        Table t = DeepFixtures.gaussian(300, 6, 1);
        Map<String, Tensor> a = new AutoEncoder(SMALL).fit(t, ctx).state();
        Map<String, Tensor> b = new AutoEncoder(SMALL).fit(t, ctx).state();
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        a.forEach((k, v) -> {
            if (v.dtype() == Tensor.DType.F32) {
                assertThat(b.get(k).floats()).as(k).containsExactly(v.floats());
            }
        });
        try (Context other = Context.builder().seed(6).threads(1).build()) {
            Map<String, Tensor> c = new AutoEncoder(SMALL).fit(t, other).state();
            assertThat(c.get("net.01Linear_weight").floats()).isNotEqualTo(a.get("net.01Linear_weight").floats());
        }
    }

    @Test
    void rowsOffTheDataPlaneScoreHigh() {
        Table t = DeepFixtures.planeWithOutliers(600, 8, 30, 3);
        AutoEncoderParams p = new AutoEncoderParams("64,32", 0.2, true, 20, 32, 1e-3, 1e-5, 0.0, 0);
        double[] s = new AutoEncoder(p).fitScore(t.withoutLabels(), ctx).trainingScores().toArray();
        assertThat(DeepFixtures.auroc(s, t.labels().orElseThrow())).isGreaterThan(0.95);
    }

    @Test
    void modelFileRoundTripGivesBitIdenticalScores(@TempDir Path dir) {
        Table train = DeepFixtures.gaussian(200, 5, 2);
        Path file = DeepFixtures.assertRoundTrip(new AutoEncoderProvider(), SMALL, train, DeepFixtures.gaussian(50, 5, 9), dir, ctx);
        Map<String, String> meta = ModelFiles.readMetadata(file);
        assertThat(meta.get("params")).contains("\"hidden\":\"16,4\"");
        SafeTensorsContent content = SafeTensors.read(file);
        assertThat(content.tensors().get("model.architecture").longs()).containsExactly(5, 16, 4);
        // the same file with one weight of another shape is refused when read, naming file and tensor
        Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
        tensors.put("model.net.01Linear_weight", Tensor.f32(new float[16 * 6], 16, 6));
        Path bad = dir.resolve("bad.safetensors");
        SafeTensors.write(bad, tensors, content.metadata());
        assertThatThrownBy(() -> ModelFiles.read(bad, new AutoEncoderProvider()))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(bad + ": model state tensor 'net.01Linear_weight' has shape [16, 6] but the architecture autoencoder [5, 16, 4]"
                        + " expects [16, 5]");
    }

    @Test
    void aModelFileWhoseTensorsDoNotMatchItsArchitectureIsRefused(@TempDir Path dir) {
        Table train = DeepFixtures.gaussian(100, 5, 2);
        Model<Table> m = new AutoEncoder(SMALL).fit(train, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        // parameters say 16,4 hidden; the file claims 16,8
        assertThatThrownBy(() -> new AutoEncoderProvider().restore(new AutoEncoderParams("16,8", 0.2, true, 8, 32, 1e-3, 1e-5, 0, 0), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoencoder: model state tensor 'architecture' is [5, 16, 4] but the parameters give hidden layers [16, 8]"
                        + " (expected [inputs, 16, 8])");
        // a weight of the wrong shape
        state.put("net.01Linear_weight", Tensor.f32(new float[16 * 6], 16, 6));
        assertThatThrownBy(() -> new AutoEncoderProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'net.01Linear_weight' has shape [16, 6] but the architecture autoencoder [5, 16, 4]"
                        + " expects [16, 5]");
        state.remove("net.01Linear_weight");
        assertThatThrownBy(() -> new AutoEncoderProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model state lacks tensor 'net.01Linear_weight' that the architecture autoencoder [5, 16, 4] needs");
    }

    @Test
    void constantOrTinyTrainingDataFailsClearly() {
        Table constant = Table.of(new float[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}});
        assertThatThrownBy(() -> new AutoEncoder(SMALL).fit(constant, ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoencoder: the training data is constant (every one of the 2 columns has a single value over 4 rows); there is nothing to learn");
        assertThatThrownBy(() -> new AutoEncoder(SMALL).fit(Table.of(new float[][] {{1, 2}}), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoencoder needs at least 2 training rows, got 1");
        assertThatThrownBy(() -> new AutoEncoder(SMALL).fit(Table.of(new float[][] {{1, 2}, {Float.NaN, 1}}), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("non-finite value NaN at row 1, column 0");
    }

    @Test
    void hugeValuesDoNotProduceNaNScores() {
        // one column of huge but finite values: standardisation keeps the network in range
        Table t = DeepFixtures.gaussian(100, 3, 4);
        float[] v = t.values().clone();
        for (int i = 0; i < 100; i++) {
            v[i * 3] *= 1e30f;
        }
        double[] s = new AutoEncoder(SMALL).fitScore(Table.of(100, 3, v, null, null, null), ctx).trainingScores().toArray();
        assertThat(java.util.Arrays.stream(s).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void cancellationStopsTraining() {
        try (Context c = Context.builder().seed(1).threads(1).build()) {
            c.cancel();
            assertThatThrownBy(() -> new AutoEncoder(SMALL).fit(DeepFixtures.gaussian(100, 3, 1), c)).isInstanceOf(CancelledException.class);
        }
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new AutoEncoder(SMALL).fit(DeepFixtures.gaussian(50, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(DeepFixtures.gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }
}
