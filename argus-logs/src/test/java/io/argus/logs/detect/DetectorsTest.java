package io.argus.logs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Fingerprints;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.logs.detect.clustering.LogClustering;
import io.argus.logs.detect.clustering.LogClusteringParams;
import io.argus.logs.detect.counts.CountVectorDetector;
import io.argus.logs.detect.counts.CountsParams;
import io.argus.logs.detect.invariants.InvariantsMining;
import io.argus.logs.detect.invariants.InvariantsParams;
import io.argus.logs.detect.nextevent.NextEventModel;
import io.argus.logs.detect.nextevent.NextEventParams;
import io.argus.logs.detect.pca.LogPca;
import io.argus.logs.detect.pca.LogPcaParams;
import io.argus.logs.session.EventSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorsTest {

    /** open, read..., close, with an optional audit event; "alien" never appears in training. */
    private static final List<String> VOCAB = List.of("open <*>", "read <*> bytes", "close <*>", "audit <*>", "alien <*>");

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    /** Normal sessions: open, 1..4 reads, close; every third has an audit after open. */
    static EventSessions normal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] s = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> e = new ArrayList<>();
            e.add(0);
            if (i % 3 == 0) {
                e.add(3);
            }
            int reads = 1 + r.nextInt(4);
            for (int k = 0; k < reads; k++) {
                e.add(1);
            }
            e.add(2);
            s[i] = e.stream().mapToInt(Integer::intValue).toArray();
        }
        return EventSessions.of(null, s, VOCAB, null);
    }

    /** Test sessions: one normal, then missing close, double close, an unseen event, close before open. */
    static EventSessions anomalies() {
        int[][] s = {{0, 1, 1, 2}, {0, 1, 1}, {0, 1, 2, 2}, {0, 1, 4, 2}, {2, 1, 0}};
        return EventSessions.of(List.of("normal", "no-close", "double-close", "alien", "reversed"), s, VOCAB, new int[] {0, 1, 1, 1, 1});
    }

    @Test
    void nextEventFlagsEveryBrokenWorkflowAndSaysWhichEvent() {
        EventSessions train = normal(300, 1);
        Model<EventSessions> m = new NextEventModel(new NextEventParams(10, 2, true)).fit(train, ctx);
        assertThat(m.score(train, ctx).values()).containsOnly(0.0);
        double[] s = m.score(anomalies(), ctx).values();
        assertThat(s[0]).isZero();
        for (int i = 1; i < s.length; i++) {
            assertThat(s[i]).as(anomalies().id(i)).isGreaterThanOrEqualTo(((IntrinsicThreshold) m).threshold());
        }
        List<EventReason> why = ((ExplainsSessions) m).explain(anomalies(), 1, 3);
        assertThat(why).first().satisfies(r -> {
            assertThat(r.event()).isEqualTo("<end of session>");
            assertThat(r.reason()).contains("expected one of").contains("close <*>");
        });
        assertThat(((ExplainsSessions) m).explain(anomalies(), 3, 3).get(0).event()).isEqualTo("alien <*>");
        assertThat(((ExplainsSessions) m).explain(anomalies(), 3, 3).get(0).reason()).startsWith("event never seen in training");
    }

    @Test
    void withoutTheEndOfSessionAMissingCloseGoesUnnoticedAsInDeepLog() {
        Model<EventSessions> m = new NextEventModel(new NextEventParams(10, 2, false)).fit(normal(300, 1), ctx);
        assertThat(m.score(anomalies(), ctx).get(1)).isZero();
    }

    @Test
    void invariantsMiningFindsOpenEqualsCloseAndExplainsTheBreak() {
        InvariantsMining.Trained m = (InvariantsMining.Trained) new InvariantsMining(InvariantsParams.DEFAULTS).fit(normal(300, 2), ctx);
        assertThat(m.invariants()).anyMatch(s -> s.contains("count(open <*>)") && s.contains("count(close <*>)") && !s.contains("read"));
        assertThat(m.invariants()).contains("1*count(<unseen events>) = 0");
        double[] s = m.score(anomalies(), ctx).values();
        assertThat(s[0]).isZero();
        assertThat(s[1]).isGreaterThanOrEqualTo(m.threshold());
        assertThat(s[2]).isGreaterThanOrEqualTo(m.threshold());
        assertThat(s[3]).isGreaterThanOrEqualTo(m.threshold());
        assertThat(m.explain(anomalies(), 1, 5).get(0).reason()).contains("breaks invariant").contains("count(close <*>)");
    }

    @Test
    void pcaMatchesLoglizersFormulas() {
        // counts and expected values from src/test/resources/golden/log_pca_golden.py (numpy)
        int[][] x = {{2, 2, 1, 0}, {3, 3, 1, 0}, {0, 1, 0, 1}, {2, 2, 0, 1}, {4, 3, 2, 0}, {1, 1, 1, 0}, {0, 0, 0, 1}, {2, 1, 2, 1}, {5, 5, 0, 1},
            {0, 2, 1, 2}};
        int[][] t = {{2, 2, 1, 0}, {3, 0, 1, 0}, {0, 4, 0, 0}};
        LogPca.Trained m = (LogPca.Trained) new LogPca(new LogPcaParams(0.95, 3.2905, CountFeatures.Weighting.TFIDF,
                CountFeatures.Normalization.ZERO_MEAN, false)).fit(fromCounts(x), ctx);
        assertThat(m.components()).isEqualTo(3);
        assertThat(m.qAlpha()).isCloseTo(0.03952785184185254, within(1e-9));
        double[] s = m.score(fromCounts(t), ctx).values();
        assertThat(s[0]).isCloseTo(0.0012313025699540526, within(1e-9));
        assertThat(s[1]).isCloseTo(0.06361293270494338, within(1e-9));
        assertThat(s[2]).isCloseTo(0.14393721664790718, within(1e-9));
        assertThat(m.explain(fromCounts(t), 2, 2)).isNotEmpty().first().satisfies(r -> assertThat(r.reason()).contains("squared prediction error"));
    }

    private static EventSessions fromCounts(int[][] counts) {
        int[][] s = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            List<Integer> e = new ArrayList<>();
            for (int j = 0; j < counts[i].length; j++) {
                for (int c = 0; c < counts[i][j]; c++) {
                    e.add(j);
                }
            }
            s[i] = e.stream().mapToInt(Integer::intValue).toArray();
        }
        return EventSessions.of(null, s, List.of("a", "b", "c", "d"), null);
    }

    @Test
    void pcaAndClusteringRankTheAnomaliesAboveTheNormalSession() {
        EventSessions train = normal(400, 3);
        for (Model<EventSessions> m : List.of(new LogPca(LogPcaParams.DEFAULTS).fit(train, ctx),
                new LogClustering(new LogClusteringParams(0.3, 0.3, 100, true)).fit(train, ctx))) {
            double[] s = m.score(anomalies(), ctx).values();
            assertThat(s[3]).as(m.getClass().getSimpleName() + " unseen event").isGreaterThan(s[0]);
            assertThat(s[1]).as(m.getClass().getSimpleName() + " missing close").isGreaterThan(s[0]);
        }
    }

    @Test
    void tableMethodsOnCountsExplainWithTheirContributions() {
        CountVectorDetector d = new CountVectorDetector(new CountsParams("ecod", "", CountFeatures.Weighting.NONE,
                CountFeatures.Normalization.NONE, true), MethodRegistry.load());
        CountVectorDetector.Trained m = (CountVectorDetector.Trained) d.fit(normal(300, 5), ctx);
        double[] s = m.score(anomalies(), ctx).values();
        assertThat(s[3]).isGreaterThan(s[0]);
        assertThat(m.explain(anomalies(), 3, 1).get(0).event()).isEqualTo("<unseen events>");
        assertThatThrownBy(() -> new CountVectorDetector(new CountsParams("log-pca", "", CountFeatures.Weighting.NONE,
                CountFeatures.Normalization.NONE, true), MethodRegistry.load())).hasMessageContaining("reads logs data, not tables");
        assertThatThrownBy(() -> new CountVectorDetector(new CountsParams("knn", "k=0", CountFeatures.Weighting.NONE,
                CountFeatures.Normalization.NONE, true), MethodRegistry.load())).hasMessageContaining("knn: parameter k = 0 is out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"next-event", "invariants-mining", "log-pca", "log-clustering", "counts"})
    void modelFilesRoundTripThroughTheRegistry(String method, @TempDir Path dir) {
        MethodRegistry registry = MethodRegistry.load();
        roundTrip(registry.get(method).provider(), dir);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void roundTrip(MethodProvider<?, ?> raw, Path dir) {
        MethodProvider<EventSessions, P> p = (MethodProvider<EventSessions, P>) raw;
        assertThat(p.modality()).isEqualTo("logs");
        EventSessions train = normal(200, 6);
        Model<EventSessions> m = p.detector(p.defaults()).fit(train, ctx);
        double[] trainScores = m.score(train, ctx).toArray();
        SavedModel<EventSessions> saved = new SavedModel<>(p, p.defaults(), m, Calibration.fit(trainScores), new Threshold(1, "fixed", Double.NaN),
                new Provenance("x", "train", train.size(), VOCAB.size(), "test", 1, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve(p.name() + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<?> back = ModelFiles.read(file, MethodRegistry.load());
        Model<EventSessions> restored = (Model<EventSessions>) back.model();
        assertThat(restored.score(anomalies(), ctx).toArray()).containsExactly(m.score(anomalies(), ctx).toArray());
        if (m instanceof ExplainsSessions e) {
            assertThat(((ExplainsSessions) restored).explain(anomalies(), 3, 3)).isEqualTo(e.explain(anomalies(), 3, 3));
        }
    }

    @Test
    void scoresFollowAPermutationOfTheSessions() {
        EventSessions train = normal(300, 7);
        EventSessions test = anomalies().concat(normal(20, 8).withLabels(new int[20]));
        int[] perm = new int[test.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = perm.length - 1 - i;
        }
        for (String method : List.of("next-event", "invariants-mining", "log-pca", "log-clustering")) {
            Model<EventSessions> m = io.argus.logs.eval.LogProtocols.detector(MethodRegistry.load(),
                    io.argus.logs.eval.LogProtocols.MethodSpec.of(method)).fit(train, ctx);
            double[] a = m.score(test, ctx).values();
            double[] b = m.score(test.select(perm), ctx).values();
            for (int i = 0; i < perm.length; i++) {
                assertThat(b[i]).as(method).isEqualTo(a[perm[i]]);
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> EventSessions.of(null, new int[][] {{0, 7}}, VOCAB, null))
                .hasMessageContaining("session 0 has event 7 outside the vocabulary [0, 5)");
        assertThatThrownBy(() -> EventSessions.of(null, new int[][] {{0}}, VOCAB, new int[] {2})).hasMessageContaining("labels must be 0 or 1");
        assertThatThrownBy(() -> new NextEventParams(0, 9, true)).hasMessageContaining("parameter history = 0 is out of range; allowed: [1, 100]");
        assertThatThrownBy(() -> new LogPcaParams(1.5, 3.29, CountFeatures.Weighting.TFIDF, CountFeatures.Normalization.ZERO_MEAN, true))
                .hasMessageContaining("must be a share in (0, 1) or a whole number");
        assertThatThrownBy(() -> new LogPca(LogPcaParams.DEFAULTS).fit(EventSessions.of(null, new int[0][], VOCAB, null), ctx))
                .hasMessageContaining("at least 1 training session");
        assertThatThrownBy(() -> ((ExplainsSessions) new NextEventModel(NextEventParams.DEFAULTS).fit(normal(10, 1), ctx)).explain(anomalies(), 9, 3))
                .hasMessageContaining("session 9 is out of range");
        assertThat(Fingerprints.class).isNotNull();
    }
}
