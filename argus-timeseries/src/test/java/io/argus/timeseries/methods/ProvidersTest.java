package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvidersTest {

    static List<String> batchMethods() {
        return List.of("channel-independent", "kshape-ad", "matrix-profile", "mset", "pca-t2q", "poly", "spectral-residual", "sub-iforest", "sub-knn", "series2graph", "sub-lof", "sub-pca", "themis");
    }

    private static Series sample(int n, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * c];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < c; k++) {
                v[t * c + k] = (float) (Math.sin(2 * Math.PI * t / 20 + k) + 0.1 * r.nextGaussian());
            }
        }
        return Series.of(n, c, v, null, null, null, null);
    }

    @ParameterizedTest
    @MethodSource("batchMethods")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void registeredForSeriesAndRestoredModelsScoreTheSame(String name) {
        MethodRegistry.Entry e = MethodRegistry.load().get(name);
        MethodProvider p = e.provider();
        assertThat(p.modality()).isEqualTo("series");
        assertThat(p.dataType()).isEqualTo(Series.class);
        Detector<Series> d = (Detector<Series>) p.detector(p.defaults());
        Series train = sample(300, 2, 1);
        Series test = sample(200, 2, 2);
        Model<Series> m = d.fit(train, Context.defaults());
        double[] s = m.score(test, Context.defaults()).values();
        assertThat(s).hasSize(200);
        Map<String, Tensor> state = m.state();
        Model<Series> back = (Model<Series>) p.restore(p.defaults(), state);
        assertThat(back.score(test, Context.defaults()).values()).containsExactly(s);
    }

    @ParameterizedTest
    @MethodSource("batchMethods")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void constantSeriesScoreFinitelyAndTooShortSeriesFailClearly(String name) {
        MethodProvider p = MethodRegistry.load().get(name).provider();
        Detector<Series> d = (Detector<Series>) p.detector(p.defaults());
        Series train = sample(300, 2, 1);
        Model<Series> m = d.fit(train, Context.defaults());
        float[] flat = new float[200 * 2];
        java.util.Arrays.fill(flat, 3f);
        double[] s = m.score(Series.of(200, 2, flat, null, null, null, null), Context.defaults()).values();
        for (double v : s) {
            assertThat(v).isFinite();
        }
        if (!name.equals("pca-t2q") && !name.equals("mset") && !name.equals("spectral-residual")) { // these score any length
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.score(sample(3, 2, 3), Context.defaults()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series has 3 steps");
        }
    }

    @ParameterizedTest
    @MethodSource("batchMethods")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fitsOnATrainingPartWithAConstantChannel(String name) {
        MethodProvider p = MethodRegistry.load().get(name).provider();
        Detector<Series> d = (Detector<Series>) p.detector(p.defaults());
        Series base = sample(300, 2, 5);
        float[] v = base.values().clone();
        for (int t = 0; t < 300; t++) {
            v[t * 2 + 1] = 7f; // channel 1 never moves (a stuck sensor)
        }
        Series train = Series.of(300, 2, v, null, null, null, null);
        double[] s = d.fit(train, Context.defaults()).score(sample(400, 2, 6), Context.defaults()).values();
        for (double x : s) {
            assertThat(x).isFinite();
        }
    }
}
