package io.argus.deep.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.deep.DeepFixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepSvddTest {

    private static final DeepSvddParams SMALL = new DeepSvddParams("16,4", 10, 32, 1e-3, 1e-6, 0.1, 3);
    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(7).threads(1).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Test
    void theCentreKeepsAwayFromZeroAndTheNetworkHasNoBiases() {
        Model<Table> m = new DeepSvdd(SMALL).fit(DeepFixtures.gaussian(200, 5, 1), ctx);
        float[] c = m.state().get("center").floats();
        assertThat(c).hasSize(4);
        for (float v : c) {
            assertThat(Math.abs(v)).isGreaterThanOrEqualTo((float) DeepSvdd.CENTER_EPS);
        }
        assertThat(m.state().keySet()).noneMatch(k -> k.contains("bias") || k.contains("beta"));
    }

    @Test
    void rowsOffTheDataPlaneScoreHigh() {
        Table t = DeepFixtures.planeWithOutliers(600, 8, 30, 3);
        DeepSvddParams p = new DeepSvddParams("64,32", 20, 32, 1e-3, 1e-6, 0.1, 5);
        double[] s = new DeepSvdd(p).fitScore(t.withoutLabels(), ctx).trainingScores().toArray();
        assertThat(DeepFixtures.auroc(s, t.labels().orElseThrow())).isGreaterThan(0.9);
    }

    @Test
    void sameSeedGivesIdenticalScores() {
        Table t = DeepFixtures.gaussian(150, 4, 2);
        assertThat(new DeepSvdd(SMALL).fitScore(t, ctx).trainingScores().toArray())
                .containsExactly(new DeepSvdd(SMALL).fitScore(t, ctx).trainingScores().toArray());
    }

    @Test
    void modelFileRoundTripGivesBitIdenticalScores(@TempDir Path dir) {
        DeepFixtures.assertRoundTrip(new DeepSvddProvider(), SMALL, DeepFixtures.gaussian(200, 5, 2), DeepFixtures.gaussian(40, 5, 3), dir, ctx);
    }

    @Test
    void aStateWithAWrongCentreOrWeightIsRefused() {
        Model<Table> m = new DeepSvdd(SMALL).fit(DeepFixtures.gaussian(100, 5, 2), ctx);
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        state.put("center", Tensor.f32(new float[5]));
        assertThatThrownBy(() -> new DeepSvddProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state tensor 'center' has 5 elements, expected 4");
        Map<String, Tensor> extra = new LinkedHashMap<>(m.state());
        extra.put("net.99Linear_bias", Tensor.f32(new float[4]));
        assertThatThrownBy(() -> new DeepSvddProvider().restore(SMALL, extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state has tensors [net.99Linear_bias] that the architecture deep-svdd [5, 16, 4] does not have");
    }

    @Test
    void constantTrainingDataFailsClearly() {
        assertThatThrownBy(() -> new DeepSvdd(SMALL).fit(Table.of(new float[][] {{3}, {3}, {3}}), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deep-svdd: the training data is constant (every one of the 1 columns has a single value over 3 rows); there is nothing to learn");
    }
}
