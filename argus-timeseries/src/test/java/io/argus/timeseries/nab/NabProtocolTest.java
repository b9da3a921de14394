package io.argus.timeseries.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.TestData;
import io.argus.core.data.Series;
import io.argus.metrics.series.NabProfile;
import io.argus.metrics.series.NabScore;
import io.argus.metrics.series.Range;
import io.argus.timeseries.stream.KnnCadParams;
import io.argus.timeseries.stream.StreamProviders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NabProtocolTest {

    @Test
    void perFileRawScoresAddUpToTheCorpusScore() {
        SplittableRandom r = new SplittableRandom(1);
        List<int[]> dets = new ArrayList<>();
        List<List<Range>> wins = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            int n = 1000 + 700 * f;
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                d[i] = r.nextDouble() < 0.004 ? 1 : 0;
            }
            dets.add(d);
            // file 0 has no window: its detections are plain false positives
            wins.add(f == 0 ? List.of() : List.of(new Range(n / 2, n / 2 + 50 + f), new Range(n - 100, n - 20)));
        }
        for (NabProfile p : NabProfile.all()) {
            double raw = 0;
            int w = 0;
            List<NabScore.Series> corpus = new ArrayList<>();
            for (int f = 0; f < dets.size(); f++) {
                NabProtocol.FileRaw fr = NabProtocol.raw(dets.get(f), wins.get(f), p);
                raw += fr.raw();
                w += fr.windows();
                corpus.add(NabScore.Series.ofDetections(dets.get(f), wins.get(f)));
            }
            assertThat(NabProtocol.normalised(raw, w, p)).as(p.name()).isCloseTo(NabScore.score(corpus, 1.0, p).score(), within(1e-9));
        }
    }

    @Test
    void knnCadReproducesItsPublishedNabScores() {
        // NAB scoreboard, KNN CAD: standard 58.0, reward low FP 43.4, reward low FN 64.8 (NAB-optimised thresholds).
        Path root = TestData.require("nab");
        List<NabCorpus.File> corpus = NabCorpus.read(root);
        var det = new StreamProviders.KnnCadProvider().detector(KnnCadParams.DEFAULTS);
        try (Context ctx = Context.builder().threads(1).build()) {
            NabProtocol.Result r = NabProtocol.evaluate(NabProtocol.score(corpus, det, ctx), NabProtocol.decisionFor(det));
            assertThat(r.optimised().get("standard")).isCloseTo(58.0, within(0.05));
            assertThat(r.optimised().get("reward_low_FP_rate")).isCloseTo(43.4, within(0.05));
            assertThat(r.optimised().get("reward_low_FN_rate")).isCloseTo(64.8, within(0.05));
            // the label-free decision (KNN-CAD's own alert level) loses a little against NAB's optimised threshold
            assertThat(r.labelFree().get("standard")).isBetween(50.0, 58.0);
            assertThat(r.decision()).contains("0.9965");
        }
    }

    @Test
    void scoresDependOnlyOnEarlierSteps() {
        float[] v = new float[3000];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(i * 0.1) + 0.1 * r.nextDouble());
        }
        Series s = Series.of(v.length, 1, v, null, null, null, "x");
        var det = new StreamProviders.KnnCadProvider().detector(KnnCadParams.DEFAULTS);
        try (Context ctx = Context.builder().threads(1).build()) {
            double[] full = NabProtocol.scoreFile(new NabCorpus.File("a/x.csv", s, List.of()), det, ctx);
            // the probation is a function of the length, so compare with a file of the same length whose tail differs
            float[] other = v.clone();
            for (int i = 2000; i < other.length; i++) {
                other[i] = 0;
            }
            double[] changedTail = NabProtocol.scoreFile(new NabCorpus.File("a/y.csv", Series.of(other.length, 1, other, null, null, null, "y"),
                    List.of()), det, ctx);
            assertThat(java.util.Arrays.copyOf(changedTail, 2000)).containsExactly(java.util.Arrays.copyOf(full, 2000));
        }
    }
}
