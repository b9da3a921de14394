package io.argus.deep.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.TestData;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.logs.detect.EventReason;
import io.argus.logs.eval.LogProtocols;
import io.argus.logs.eval.MethodRun;
import io.argus.logs.session.EventSessions;
import io.argus.logs.session.KeySequences;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepLogTest {

    private static final DeepLogParams SMALL = new DeepLogParams(4, 16, 1, 2, 0.0, 40, 16, 1e-2, 0.0, 0);
    /** Event names "1".."7": sessions below are written as keys 1..7, event index = key - 1. */
    private static final List<String> VOCAB = List.of("1", "2", "3", "4", "5", "6", "7");
    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(3).threads(1).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    /** Sessions of keys 1..7 over {@link #VOCAB}. */
    private static EventSessions sessions(List<int[]> keys) {
        int[][] events = new int[keys.size()][];
        for (int i = 0; i < events.length; i++) {
            events[i] = Arrays.stream(keys.get(i)).map(k -> k - 1).toArray();
        }
        return EventSessions.of(null, events, VOCAB, null);
    }

    /** Normal sessions: 1 2 3 (4|5) 6, repeated 1..3 times; a workflow with one branch. */
    private static EventSessions normal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int reps = 1 + r.nextInt(3);
            int[] s = new int[5 * reps];
            for (int k = 0; k < reps; k++) {
                s[5 * k] = 1;
                s[5 * k + 1] = 2;
                s[5 * k + 2] = 3;
                s[5 * k + 3] = r.nextBoolean() ? 4 : 5;
                s[5 * k + 4] = 6;
            }
            out.add(s);
        }
        return sessions(out);
    }

    private static final EventSessions BAD = sessions(List.of(
            new int[] {1, 2, 3, 4, 6, 1, 3, 2, 4, 6}, // 3 and 2 swapped
            new int[] {1, 2, 3, 6}, // the branch skipped
            new int[] {1, 2, 3, 4, 6, 7})); // an event never seen in training

    @Test
    void anEventOutOfItsPlaceIsFlaggedAndNormalSessionsAreNot() {
        Model<EventSessions> m = new DeepLog(SMALL).fit(normal(200, 1), ctx);
        double[] normalScores = m.score(normal(50, 2), ctx).toArray();
        assertThat(Arrays.stream(normalScores).max().orElseThrow()).isLessThanOrEqualTo(SMALL.topG());
        double[] s = m.score(BAD, ctx).toArray();
        for (double v : s) {
            assertThat(v).isGreaterThan(SMALL.topG());
        }
        assertThat(s[2]).isEqualTo(7.0); // unseen event: the worst rank, V + 1 = 7 for 6 keys seen in training
        assertThat(((DeepLog.DeepLogModel) m).keys()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void eventsAreMatchedByNameNotByIndex() {
        Model<EventSessions> m = new DeepLog(SMALL).fit(normal(200, 1), ctx);
        EventSessions query = normal(30, 6).concat(BAD);
        // the same sessions over a reversed vocabulary, as a test log parsed on its own numbers its events
        List<String> reversed = new ArrayList<>(VOCAB);
        java.util.Collections.reverse(reversed);
        int[][] events = new int[query.size()][];
        for (int i = 0; i < events.length; i++) {
            events[i] = Arrays.stream(query.events(i)).map(e -> VOCAB.size() - 1 - e).toArray();
        }
        EventSessions renumbered = EventSessions.of(null, events, reversed, null);
        assertThat(m.score(renumbered, ctx).toArray()).containsExactly(m.score(query, ctx).toArray());
    }

    @Test
    void theThresholdIsTopGAndEveryAlertNamesItsEvents() {
        DeepLog.DeepLogModel m = (DeepLog.DeepLogModel) new DeepLog(SMALL).fit(normal(200, 1), ctx);
        assertThat(m.g()).isEqualTo(SMALL.topG()); // fprTarget 0 keeps topG
        assertThat(m.threshold()).isEqualTo(SMALL.topG() + 1.0);
        List<EventReason> swapped = m.explain(BAD, 0, 5);
        assertThat(swapped).isNotEmpty();
        assertThat(swapped.get(0).event()).isIn("2", "3");
        assertThat(swapped.get(0).reason()).contains("ranked ").contains("of 6 next events at position ").contains("; the top 2 were [");
        assertThat(swapped).allSatisfy(r -> assertThat(r.weight()).isGreaterThan(SMALL.topG()));
        List<EventReason> unseen = m.explain(BAD, 2, 5);
        assertThat(unseen).first().satisfies(r -> {
            assertThat(r.event()).isEqualTo("7");
            assertThat(r.reason()).isEqualTo("event never seen in training, at position 5");
            assertThat(r.weight()).isEqualTo(7.0);
        });
        assertThat(m.explain(normal(1, 9), 0, 5)).isEmpty();
        // the log protocols take the model's own rule: every bad session flagged, no normal one
        EventSessions test = normal(40, 2).withLabels(new int[40]).concat(BAD.withLabels(new int[] {1, 1, 1}));
        MethodRun run = LogProtocols.evaluate("deeplog", new DeepLog(SMALL), normal(200, 1), test, ctx);
        assertThat(run.thresholdRule()).isEqualTo("method");
        assertThat(run.threshold()).isEqualTo(SMALL.topG() + 1.0);
        assertThat(run.recall()).isEqualTo(1.0);
        assertThat(run.fpr()).isEqualTo(0.0);
    }

    @Test
    void gIsTheSmallestValueWithinTheTrainingFalsePositiveTarget() {
        double[] training = {1, 1, 2, 3, 3, 3, 5, 1, 2, 8};
        DeepLogParams p = new DeepLogParams(4, 16, 1, 9, 0.1, 1, 16, 1e-2, 0.0, 0);
        assertThat(DeepLog.chooseG(training, p)).isEqualTo(5); // g = 5 flags 1 of 10 (the 8)
        assertThat(DeepLog.chooseG(training, new DeepLogParams(4, 16, 1, 4, 0.1, 1, 16, 1e-2, 0.0, 0))).isEqualTo(4); // capped at topG
        assertThat(DeepLog.chooseG(training, new DeepLogParams(4, 16, 1, 9, 0.0, 1, 16, 1e-2, 0.0, 0))).isEqualTo(9); // no target: topG
    }

    @Test
    void windowsLeftPadShortSessions() {
        assertThat(DeepLog.windows(new int[] {5, 22}, 3)).containsExactly(new int[] {0, 0, 5, 22});
        assertThat(DeepLog.windows(new int[] {1, 2, 3, 4, 5}, 3)).containsExactly(new int[] {1, 2, 3, 4}, new int[] {2, 3, 4, 5});
        assertThat(DeepLog.windows(new int[0], 3)).isEmpty();
    }

    @Test
    void anEmptySessionScoresZero() {
        Model<EventSessions> m = new DeepLog(SMALL).fit(normal(100, 1), ctx);
        assertThat(m.score(EventSessions.of(null, new int[][] {{}}, VOCAB, null), ctx).toArray()).containsExactly(0.0);
    }

    @Test
    void sameSeedGivesIdenticalScoresAndTheModelFileRoundTripIsBitIdentical(@TempDir Path dir) {
        EventSessions train = normal(100, 4);
        DeepLogProvider provider = new DeepLogProvider();
        Model<EventSessions> m = provider.detector(SMALL).fit(train, ctx);
        Model<EventSessions> again = provider.detector(SMALL).fit(train, ctx);
        EventSessions query = normal(30, 5).concat(BAD);
        double[] s = m.score(query, ctx).toArray();
        assertThat(again.score(query, ctx).toArray()).containsExactly(s);
        SavedModel<EventSessions> saved = new SavedModel<>(provider, SMALL, m, Calibration.fit(s), new Threshold(SMALL.topG(), "fixed", Double.NaN),
                new Provenance("none", "synthetic", train.size(), 0, "test", 3, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve("deeplog" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<EventSessions> back = ModelFiles.read(file, provider);
        assertThat(back.model().score(query, ctx).toArray()).containsExactly(s);
        assertThat(((DeepLog.DeepLogModel) back.model()).g()).isEqualTo(((DeepLog.DeepLogModel) m).g());
    }

    @Test
    void aStateForAnotherArchitectureIsRefused() {
        Model<EventSessions> m = new DeepLog(SMALL).fit(normal(50, 4), ctx);
        DeepLogParams wider = new DeepLogParams(4, 32, 1, 2, 0.0, 40, 16, 1e-2, 0.0, 0);
        assertThatThrownBy(() -> new DeepLogProvider().restore(wider, m.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deeplog: model state tensor 'architecture' is [7, 4, 16, 1] but the parameters give [classes, 4, 32, 1]");
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        state.put("architecture", Tensor.i64(new long[] {9, 4, 16, 1}));
        assertThatThrownBy(() -> new DeepLogProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deeplog: model state tensor 'vocabulary' holds 6 names (distinct: 6), but the architecture has 8 keys");
        state.put("vocabulary", Tensor.u8("1\n2\n3\n4\n5\n6\n7\n8".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new DeepLogProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has shape")
                .hasMessageContaining("deeplog [9, 4, 16, 1] (classes, window, hidden, layers) expects");
    }

    @Test
    void trainingOnOneRepeatedEventFailsClearly() {
        assertThatThrownBy(() -> new DeepLog(SMALL).fit(sessions(List.of(new int[] {3, 3, 3}, new int[] {3})), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deeplog: every training window predicts the same event '3'; there is nothing to learn (need at least two different events)");
        assertThatThrownBy(() -> new DeepLog(SMALL).fit(sessions(List.of()), ctx))
                .hasMessage("deeplog needs at least 1 training session, got 0");
        assertThatThrownBy(() -> new DeepLog(SMALL).fit(EventSessions.of(null, new int[][] {{}, {}}, VOCAB, null), ctx))
                .hasMessage("deeplog: the 2 training sessions hold no events");
    }

    /**
     * A CI-sized version of the HDFS protocol (the hdfs bench suite runs the full one): train on a seeded
     * 30% of the normal sessions for 15 epochs, g chosen on those sessions, then recall on every abnormal
     * session and the false-positive rate on the other 70% of normal sessions.
     */
    @Test
    void hdfsRecallAndFalsePositiveRateWithAShortTraining() {
        Path dir = TestData.require("hdfs_deeplog/data");
        EventSessions normal = KeySequences.read(dir.resolve("hdfs_train"), LogProtocols.HDFS_KEYS, -1);
        EventSessions abnormal = KeySequences.read(dir.resolve("hdfs_test_abnormal"), LogProtocols.HDFS_KEYS, -1);
        int[] idx = new int[normal.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(42);
        for (int i = idx.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int k = (int) (0.3 * idx.length);
        DeepLog.DeepLogModel m = (DeepLog.DeepLogModel) new DeepLog(DeepLogParams.DEFAULTS.withEpochs(15))
                .fit(normal.select(Arrays.copyOfRange(idx, 0, k)), ctx);
        double[] held = m.score(normal.select(Arrays.copyOfRange(idx, k, idx.length)), ctx).toArray();
        double[] ab = m.score(abnormal, ctx).toArray();
        double fpr = Arrays.stream(held).filter(v -> v >= m.threshold()).count() / (double) held.length;
        double recall = Arrays.stream(ab).filter(v -> v >= m.threshold()).count() / (double) ab.length;
        System.out.printf("deeplog hdfs (30%% train, 15 epochs): g %d, recall %.4f, FPR %.4f%n", m.g(), recall, fpr);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(fpr).isLessThanOrEqualTo(0.05);
    }
}
