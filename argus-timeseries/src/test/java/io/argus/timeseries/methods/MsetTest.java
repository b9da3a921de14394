package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.TestData;
import io.argus.core.data.Series;
import io.argus.core.data.StepChannelScores;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.core.threshold.ControlLimited;
import io.argus.timeseries.io.SkabReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MsetTest {

    /** Three sensors around 10, 20 and 5: c0 and c1 follow one slow signal, c2 is independent noise. */
    private static Series sensors(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * 3];
        for (int t = 0; t < n; t++) {
            double s = Math.sin(2 * Math.PI * t / 97) + 0.3 * r.nextGaussian();
            v[t * 3] = (float) (10 + s + 0.02 * r.nextGaussian());
            v[t * 3 + 1] = (float) (20 + 2 * s + 0.02 * r.nextGaussian());
            v[t * 3 + 2] = (float) (5 + 0.1 * r.nextGaussian());
        }
        return Series.of(n, 3, v, null, null, null, null);
    }

    private static Series univariate(float... v) {
        return Series.of(v.length, 1, v, null, null, null, null);
    }

    @Test
    void goldenEstimateOfTwoStates() {
        // train 1 and 3: mean 2, population deviation 1, so the states are -1 and +1 with similarity
        // 1 - 2/(1+1) = 0 and G = I. x = 2.5 is z = 0.5: s(-1, 0.5) = 1 - 1.5/1.5 = 0, s(1, 0.5) = 1 - 0.5/1.5 = 2/3,
        // the estimate is 2 + 2/3 and the relative error |2.5 - 8/3| / (8/3) = 1/16
        Mset.Fitted m = (Mset.Fitted) new Mset(new MsetParams(1, 0.01, 100)).fit(univariate(1, 3), Context.defaults());
        assertThat(m.states()).isEqualTo(2);
        double[][] e = m.relativeErrors(univariate(2.5f, 3f), Context.defaults());
        assertThat(e[0][0]).isCloseTo(1.0 / 16, within(1e-12));
        assertThat(e[0][1]).isCloseTo(0, within(1e-12)); // a stored state is reproduced exactly
        assertThat(m.controlLimit()).isEqualTo(0.01);
    }

    @Test
    void similarityIsSkabsOperator() {
        double[] x = {3, 4};
        double[] y = {0, 0};
        double[] z = {3, 4};
        assertThat(Mset.similarity(x, 0, 5, z, 0, 5, 2)).isEqualTo(1.0);
        assertThat(Mset.similarity(x, 0, 5, y, 0, 0, 2)).isEqualTo(0.0); // 1 - 5 / (5 + 0)
        double[] w = {6, 8};
        assertThat(Mset.similarity(x, 0, 5, w, 0, 10, 2)).isCloseTo(1 - 5.0 / 15, within(1e-15));
    }

    @Test
    void centredMeanMatchesSkabsMovmean() {
        double[] impulse = new double[20];
        impulse[10] = 1;
        double[] four = Mset.centredMean(impulse, 4); // offsets -2 .. 1, as numpy runs movmean
        double[] five = Mset.centredMean(impulse, 5); // offsets -2 .. 2
        for (int t = 0; t < 20; t++) {
            assertThat(four[t]).as("w=4, t=%d", t).isCloseTo(t >= 9 && t <= 12 ? 0.25 : 0, within(1e-15));
            assertThat(five[t]).as("w=5, t=%d", t).isCloseTo(t >= 8 && t <= 12 ? 0.2 : 0, within(1e-15));
        }
        // positions outside the series are ignored, not zero
        assertThat(Mset.centredMean(new double[] {1, 2, 3}, 3)).containsExactly(1.5, 2, 2.5);
        assertThat(Mset.centredMean(new double[] {1, 2, 3}, 60)).containsExactly(2, 2, 2);
    }

    @Test
    void trainingStepsAreReproducedAndABrokenRelationIsFlaggedOnItsChannel() {
        Series train = sensors(400, 1);
        Mset.Fitted m = (Mset.Fitted) new Mset(MsetParams.DEFAULTS).fit(train, Context.defaults());
        for (double e : m.relativeErrors(train, Context.defaults())[0]) {
            assertThat(e).isLessThan(1e-8);
        }
        float[] v = sensors(600, 2).values().clone();
        for (int t = 300; t < 400; t++) {
            v[t * 3 + 1] += 3f; // c1 drifts off 2*c0 by 3 units, inside its normal range
        }
        Scores s = m.score(Series.of(600, 3, v, null, null, null, null), Context.defaults());
        double[] sc = s.values();
        for (int t = 330; t < 370; t++) {
            assertThat(sc[t]).as("step %d", t).isGreaterThan(m.controlLimit());
        }
        for (int t = 0; t < 200; t++) {
            assertThat(sc[t]).as("step %d", t).isLessThan(m.controlLimit());
        }
        StepChannelScores loc = (StepChannelScores) s.localization().orElseThrow();
        assertThat(loc.get(350, 1)).isGreaterThan(loc.get(350, 0)).isGreaterThan(loc.get(350, 2));
        for (int t = 0; t < 600; t++) {
            for (int j = 0; j < 3; j++) {
                assertThat(loc.get(t, j)).isLessThanOrEqualTo(sc[t] + 1e-12);
            }
        }
    }

    @Test
    void repeatedTrainingStepsAreKeptOnceAndLongTrainingPartsSubsampled() {
        float[] v = {1, 3, 1, 3, 2};
        Mset.Fitted m = (Mset.Fitted) new Mset(new MsetParams(1, 0.01, 100)).fit(univariate(v), Context.defaults());
        assertThat(m.states()).isEqualTo(3);
        float[] many = new float[1000];
        for (int t = 0; t < many.length; t++) {
            many[t] = t;
        }
        assertThat(Mset.stateRows(many, 1000, 1, 100)).hasSize(100).startsWith(0, 10, 20).endsWith(990);
        Mset.Fitted capped = (Mset.Fitted) new Mset(new MsetParams(60, 0.01, 100)).fit(univariate(many), Context.defaults());
        assertThat(capped.states()).isEqualTo(100);
    }

    @Test
    void aSingularSimilarityMatrixIsAClearError() {
        assertThatThrownBy(() -> Mset.solve(new double[][] {{1, 1}, {1, 1}}, new double[] {1, 2}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mset: the 2 x 2 similarity matrix of the training states is singular");
    }

    @Test
    void badInputFailsClearly() {
        Model<Series> m = new Mset(MsetParams.DEFAULTS).fit(sensors(100, 3), Context.defaults());
        assertThatThrownBy(() -> m.score(univariate(1, 2, 3), Context.defaults()))
                .hasMessage("mset: model was fitted on 3 channels, the series has 1");
        assertThatThrownBy(() -> new MsetParams(0, 0.01, 100)).hasMessage("parameter window = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> new MsetParams(60, 0, 100)).hasMessage("parameter limit = 0 is out of range; allowed: [1.0E-12, 1000000000000]");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void registeredAndRestoredModelsScoreTheSame() {
        MethodRegistry.Entry e = MethodRegistry.load().get("mset");
        assertThat(e.provider().modality()).isEqualTo("series");
        MsetParams p = Params.parse(MsetParams.class, MsetParams.DEFAULTS, Map.of("window", "30"), "mset");
        assertThat(p).isEqualTo(new MsetParams(30, 0.01, 2000));
        MsetProvider provider = new MsetProvider();
        Model<Series> m = provider.detector(p).fit(sensors(300, 4), Context.defaults());
        assertThat(m).isInstanceOf(ControlLimited.class);
        Series test = sensors(200, 5);
        double[] s = m.score(test, Context.defaults()).values();
        assertThat(provider.restore(p, m.state()).score(test, Context.defaults()).values()).containsExactly(s);
        float[] flat = new float[200 * 3];
        java.util.Arrays.fill(flat, 3f);
        for (double x : m.score(Series.of(200, 3, flat, null, null, null, null), Context.defaults()).values()) {
            assertThat(x).isFinite();
        }
        // a stuck sensor in the training part (constant channel) is scaled by 1, as scikit-learn does
        float[] v = sensors(300, 6).values().clone();
        for (int t = 0; t < 300; t++) {
            v[t * 3 + 2] = 7f;
        }
        for (double x : provider.detector(p).fit(Series.of(300, 3, v, null, null, null, null), Context.defaults()).score(test, Context.defaults())
                .values()) {
            assertThat(x).isFinite();
        }
    }

    @Test
    void reproducesSkabsPublishedMsetRow() {
        Path root = TestData.require("skab");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (Path f : SkabReader.labelledFiles(root)) {
            Series s = SkabReader.read(f);
            Series test = s.slice(400, s.steps());
            Mset.Fitted m = (Mset.Fitted) new Mset(MsetParams.DEFAULTS).fit(s.slice(0, 400).withoutLabels(), Context.defaults());
            double[] sc = m.score(test.withoutLabels(), Context.defaults()).values();
            int[] y = test.labels().orElseThrow();
            for (int t = 0; t < sc.length; t++) {
                boolean p = sc[t] > m.controlLimit();
                tp += p && y[t] == 1 ? 1 : 0;
                fp += p && y[t] == 0 ? 1 : 0;
                fn += !p && y[t] == 1 ? 1 : 0;
                tn += !p && y[t] == 0 ? 1 : 0;
            }
        }
        // SKAB's leaderboard: MSET F1 0.78, FAR 39.73 %, MAR 14.13 %; measured 0.780 / 39.728 / 14.134
        assertThat(2.0 * tp / (2.0 * tp + fp + fn)).isCloseTo(0.78, within(0.005));
        assertThat(100.0 * fp / (fp + tn)).isCloseTo(39.73, within(0.05));
        assertThat(100.0 * fn / (fn + tp)).isCloseTo(14.13, within(0.05));
    }
}
