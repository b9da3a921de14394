package io.argus.deep.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.TestData;
import io.argus.core.io.DataFormatException;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import java.nio.file.Files;
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
    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(3).threads(1).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    /** Normal sessions: 1 2 3 (4|5) 6, repeated 1..3 times; a workflow with one branch. */
    private static KeySequences normal(int n, long seed) {
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
        return KeySequences.of(out);
    }

    @Test
    void aKeyOutOfItsPlaceIsFlaggedAndNormalSessionsAreNot() {
        Model<KeySequences> m = new DeepLog(SMALL).fit(normal(200, 1), ctx);
        double[] normalScores = m.score(normal(50, 2), ctx).toArray();
        assertThat(Arrays.stream(normalScores).max().orElseThrow()).isLessThanOrEqualTo(SMALL.topG());
        KeySequences bad = KeySequences.of(List.of(
                new int[] {1, 2, 3, 4, 6, 1, 3, 2, 4, 6}, // 3 and 2 swapped
                new int[] {1, 2, 3, 6}, // the branch skipped
                new int[] {1, 2, 3, 4, 6, 7})); // a key never seen in training
        double[] s = m.score(bad, ctx).toArray();
        for (double v : s) {
            assertThat(v).isGreaterThan(SMALL.topG());
        }
        assertThat(s[2]).isEqualTo(7.0); // unseen key: the worst rank, V + 1 = 7 for 6 known keys
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
    }

    @Test
    void sameSeedGivesIdenticalScoresAndTheModelFileRoundTripIsBitIdentical(@TempDir Path dir) {
        KeySequences train = normal(100, 4);
        DeepLogProvider provider = new DeepLogProvider();
        Model<KeySequences> m = provider.detector(SMALL).fit(train, ctx);
        Model<KeySequences> again = provider.detector(SMALL).fit(train, ctx);
        KeySequences query = normal(30, 5);
        double[] s = m.score(query, ctx).toArray();
        assertThat(again.score(query, ctx).toArray()).containsExactly(s);
        SavedModel<KeySequences> saved = new SavedModel<>(provider, SMALL, m, Calibration.fit(s), new Threshold(SMALL.topG(), "fixed", Double.NaN),
                new Provenance("none", "synthetic", train.size(), 0, "test", 3, "2026-11-29T00:00:00Z"));
        Path file = dir.resolve("deeplog" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<KeySequences> back = ModelFiles.read(file, provider);
        assertThat(back.model().score(query, ctx).toArray()).containsExactly(s);
    }

    @Test
    void aStateForAnotherArchitectureIsRefused() {
        Model<KeySequences> m = new DeepLog(SMALL).fit(normal(50, 4), ctx);
        DeepLogParams wider = new DeepLogParams(4, 32, 1, 2, 0.0, 40, 16, 1e-2, 0.0, 0);
        assertThatThrownBy(() -> new DeepLogProvider().restore(wider, m.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deeplog: model state tensor 'architecture' is [7, 4, 16, 1] but the parameters give [classes, 4, 32, 1]");
        Map<String, Tensor> state = new LinkedHashMap<>(m.state());
        state.put("architecture", Tensor.i64(new long[] {9, 4, 16, 1}));
        assertThatThrownBy(() -> new DeepLogProvider().restore(SMALL, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has shape")
                .hasMessageContaining("deeplog [9, 4, 16, 1] (classes, window, hidden, layers) expects");
    }

    @Test
    void trainingOnOneRepeatedKeyFailsClearly() {
        assertThatThrownBy(() -> new DeepLog(SMALL).fit(KeySequences.of(List.of(new int[] {3, 3, 3}, new int[] {3})), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deeplog: every training window predicts the same key 3; there is nothing to learn (need at least two different keys)");
        assertThatThrownBy(() -> new DeepLog(SMALL).fit(KeySequences.of(List.of()), ctx))
                .hasMessage("deeplog needs at least 1 training session, got 0");
    }

    @Test
    void malformedFilesNameTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("keys");
        Files.writeString(f, "1 2 3\n\n4 x 6\n");
        assertThatThrownBy(() -> KeySequences.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":3: 'x' is not a log key (a positive integer)");
        Files.writeString(f, "1 2 0\n");
        assertThatThrownBy(() -> KeySequences.read(f)).hasMessage(f + ":1: key 0 is out of range [1, 1048576]");
        assertThatThrownBy(() -> KeySequences.of(List.of(new int[0]))).hasMessage("session 0 is empty");
    }

    /**
     * A CI-sized version of the HDFS protocol (HdfsDriver runs the full one): train on a seeded 30% of
     * the normal sessions for 15 epochs, g chosen on those sessions, then recall on every abnormal
     * session and the false-positive rate on the other 70% of normal sessions.
     */
    @Test
    void hdfsRecallAndFalsePositiveRateWithAShortTraining() {
        Path dir = TestData.require("hdfs_deeplog/data");
        KeySequences normal = KeySequences.read(dir.resolve("hdfs_train"));
        KeySequences abnormal = KeySequences.read(dir.resolve("hdfs_test_abnormal"));
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
        double fpr = Arrays.stream(held).filter(v -> v > m.threshold()).count() / (double) held.length;
        double recall = Arrays.stream(ab).filter(v -> v > m.threshold()).count() / (double) ab.length;
        System.out.printf("deeplog hdfs (30%% train, 15 epochs): g %d, recall %.4f, FPR %.4f%n", m.threshold(), recall, fpr);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(fpr).isLessThanOrEqualTo(0.05);
    }

    @Test
    void theHdfsFilesReadAsDeepLogDescribesThem() {
        Path dir = TestData.require("hdfs_deeplog/data");
        assertThat(KeySequences.read(dir.resolve("hdfs_train")).size()).isEqualTo(4855);
        assertThat(KeySequences.read(dir.resolve("hdfs_test_abnormal")).size()).isEqualTo(16838);
    }
}
