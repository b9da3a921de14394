package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingSeriesDetectorTest {

    private static Series series(int steps, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[steps * channels];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(i * 0.05) + 0.1 * r.nextDouble());
        }
        return Series.of(steps, channels, v, null, null, null, "synthetic");
    }

    @Test
    void fitThenScoreEqualsOneStreamOverBoth() {
        Series train = series(500, 2, 1);
        Series test = series(300, 2, 2);
        Context ctx = Context.builder().threads(1).build();
        StreamingSeriesDetector det = new StreamingSeriesDetector("ewma", (c, s) -> new Ewma(EwmaParams.DEFAULTS, c));
        Scores scores = det.fit(train, ctx).score(test, ctx);
        Ewma e = new Ewma(EwmaParams.DEFAULTS, 2);
        for (int t = 0; t < 500; t++) {
            e.scoreAndUpdate(new float[] {train.get(t, 0), train.get(t, 1)});
        }
        for (int t = 0; t < 300; t++) {
            assertThat(scores.get(t)).isEqualTo(e.scoreAndUpdate(new float[] {test.get(t, 0), test.get(t, 1)}));
        }
        assertThat(scores.localization()).get().isInstanceOf(StepChannelScores.class);
    }

    @Test
    void everyRegisteredStreamingMethodRestoresItsModelAndIsReproducible() {
        Series train = series(400, 1, 3);
        Series test = series(400, 1, 4);
        Context ctx = Context.builder().threads(1).seed(11).build();
        List<String> names = List.of("ewma", "hotelling", "knn-cad", "rcf", "stream-discords", "trcf");
        MethodRegistry registry = MethodRegistry.load();
        for (String name : names) {
            @SuppressWarnings("unchecked")
            MethodProvider<Series, Record> p = (MethodProvider<Series, Record>) registry.get(name).provider();
            assertThat(p.modality()).isEqualTo("series");
            Model<Series> model = p.detector(p.defaults()).fit(train, ctx);
            double[] a = model.score(test, ctx).values();
            double[] again = model.score(test, ctx).values();
            double[] restored = p.restore(p.defaults(), model.state()).score(test, ctx).values();
            assertThat(again).as(name).containsExactly(a);
            assertThat(restored).as(name).containsExactly(a);
            Fit<Series> fit = p.detector(p.defaults()).fitScore(train, ctx);
            assertThat(fit.trainingScores().size()).isEqualTo(400);
        }
    }

    @Test
    void channelMismatchAndBadStateAreClearErrors() {
        Context ctx = Context.builder().threads(1).build();
        StreamingSeriesDetector det = new StreamingSeriesDetector("ewma", (c, s) -> new Ewma(EwmaParams.DEFAULTS, c));
        Model<Series> m = det.fit(series(50, 2, 1), ctx);
        assertThatThrownBy(() -> m.score(series(10, 3, 1), ctx))
                .hasMessage("ewma: the model was fitted on 2 channel(s), the scored series synthetic has 3");
        assertThatThrownBy(() -> StreamingSeriesDetector.restore("ewma", (c, s) -> new Ewma(EwmaParams.DEFAULTS, c), java.util.Map.of()))
                .hasMessageContaining("model state lacks tensor 'train'");
    }
}
