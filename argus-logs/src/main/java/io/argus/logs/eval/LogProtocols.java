package io.argus.logs.eval;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.core.threshold.Thresholds;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogPreset;
import io.argus.logs.session.EventLog;
import io.argus.logs.session.EventSessions;
import io.argus.logs.session.KeySequences;
import io.argus.logs.session.Sessions;
import io.argus.metrics.BinaryMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The log benchmark protocols, shared by the tests and the bench suites so that the figures of both come
 * from one piece of code.
 *
 * <p>Thresholds never see test labels: a method with its own rule ({@link IntrinsicThreshold}: PCA's
 * Q-statistic, broken invariants, the clustering distance, an unexpected next event) uses it; any other
 * flags the scores above the top {@value #FALLBACK_FPR} share of its training scores
 * ({@link Thresholds#targetFpr} on the in-sample training scores).
 */
public final class LogProtocols {

    /** Share of training scores flagged by the fallback threshold rule. */
    public static final double FALLBACK_FPR = 0.01;

    /** Largest HDFS log key in DeepLog's files. */
    public static final int HDFS_KEYS = 28;

    /** The seed of the HDFS train/test split, fixed so that every method and seed of a run sees the same split. */
    public static final long HDFS_SPLIT_SEED = 42L;

    /** Share of the normal HDFS sessions used for training. */
    public static final double TRAIN_SHARE = 0.8;

    /** Window length of the BGL_2k protocol: fixed one-hour windows. */
    public static final long BGL_WINDOW_MILLIS = 3_600_000L;

    /**
     * A method to run: a registry name and parameter overrides.
     *
     * @param name the registry name
     * @param params overrides of its defaults
     */
    public record MethodSpec(String name, Map<String, String> params) {

        /** The method with its defaults. */
        public static MethodSpec of(String name) {
            return new MethodSpec(name, Map.of());
        }

        /** A label such as {@code counts(method=lof)}. */
        public String label() {
            if (params.isEmpty()) {
                return name;
            }
            StringBuilder sb = new StringBuilder(name).append('(');
            params.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ",").append(k).append('=').append(v));
            return sb.append(')').toString();
        }
    }

    /** The methods both protocols run: every log method with its defaults, and three table methods on counts. */
    public static List<MethodSpec> defaultMethods() {
        return List.of(MethodSpec.of("next-event"), MethodSpec.of("invariants-mining"), MethodSpec.of("log-pca"), MethodSpec.of("log-clustering"),
                new MethodSpec("counts", Map.of("method", "iforest")), new MethodSpec("counts", Map.of("method", "lof")),
                new MethodSpec("counts", Map.of("method", "ecod")));
    }

    private LogProtocols() {
    }

    /**
     * The train/test split of the HDFS sessions protocol: a seeded 80% of the normal sessions
     * ({@code hdfs_train}) for training, the other 20% and every abnormal session
     * ({@code hdfs_test_abnormal}) for testing.
     *
     * @param train the training sessions (normal, unlabelled)
     * @param test the held-back normal sessions then the abnormal ones, labelled
     */
    public record Split(EventSessions train, EventSessions test) {
    }

    /** Loads and splits {@code hdfs_deeplog} under {@code dir} (the folder holding {@code data/}). */
    public static Split hdfsSplit(Path dir, long seed) {
        EventSessions normal = KeySequences.read(dir.resolve("data/hdfs_train"), HDFS_KEYS, 0);
        EventSessions abnormal = KeySequences.read(dir.resolve("data/hdfs_test_abnormal"), HDFS_KEYS, 1);
        int n = normal.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTrain = (int) Math.round(TRAIN_SHARE * n);
        int[] tr = java.util.Arrays.copyOfRange(order, 0, nTrain);
        int[] te = java.util.Arrays.copyOfRange(order, nTrain, n);
        return new Split(normal.select(tr).withoutLabels(), normal.select(te).concat(abnormal));
    }

    /** Runs each method on the HDFS sessions protocol. */
    public static List<MethodRun> hdfs(Path dir, long seed, List<MethodSpec> methods, MethodRegistry registry, Context ctx) {
        Split split = hdfsSplit(dir, seed);
        List<MethodRun> out = new ArrayList<>();
        for (MethodSpec m : methods) {
            out.add(run(m, registry, split.train(), split.test(), ctx));
        }
        return out;
    }

    /** BGL_2k as fixed one-hour windows of Drain events (bgl preset), labelled anomalous when a line is an alert. */
    public static EventSessions bglWindows(Path bglLog, int threads) {
        LogPreset p = LogPreset.BGL;
        EventLog log = EventLog.parse(bglLog, p.format(), new Drain(p.drain()), threads, EventLog.epochSeconds(p.format(), "Timestamp"),
                EventLog.labelUnless(p.format(), "Label", "-"), false);
        return Sessions.fixedWindows(log, BGL_WINDOW_MILLIS);
    }

    /** Runs each method on BGL_2k windows: fitted on all windows without labels, scored in-sample. */
    public static List<MethodRun> bgl(Path bglLog, List<MethodSpec> methods, MethodRegistry registry, Context ctx) {
        EventSessions windows = bglWindows(bglLog, ctx.threads());
        List<MethodRun> out = new ArrayList<>();
        for (MethodSpec m : methods) {
            out.add(run(m, registry, windows.withoutLabels(), windows, ctx));
        }
        return out;
    }

    /** Fits {@code spec} on {@code train}, thresholds it from training data only, and scores {@code test} (labelled). */
    public static MethodRun run(MethodSpec spec, MethodRegistry registry, EventSessions train, EventSessions test, Context ctx) {
        return evaluate(spec.label(), detector(registry, spec), train, test, ctx);
    }

    /** Fits {@code detector} on {@code train}, thresholds it from training data only, and scores {@code test} (labelled). */
    public static MethodRun evaluate(String label, Detector<EventSessions> detector, EventSessions train, EventSessions test, Context ctx) {
        int[] y = test.labels().orElseThrow(() -> new IllegalArgumentException("test sessions need labels"));
        long t0 = System.nanoTime();
        Model<EventSessions> model = detector.fit(train.withoutLabels(), ctx);
        double threshold;
        String rule;
        if (model instanceof IntrinsicThreshold it) {
            threshold = it.threshold();
            rule = "method";
        } else {
            threshold = Thresholds.targetFpr(model.score(train.withoutLabels(), ctx).values(), FALLBACK_FPR).value();
            rule = "train-fpr-" + FALLBACK_FPR;
        }
        long t1 = System.nanoTime();
        double[] s = model.score(test.withoutLabels(), ctx).values();
        long t2 = System.nanoTime();
        int pos = 0;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < y.length; i++) {
            boolean flag = s[i] >= threshold;
            pos += y[i];
            if (flag && y[i] == 1) {
                tp++;
            } else if (flag) {
                fp++;
            }
        }
        return new MethodRun(label, rule, threshold, pos, y.length - pos, tp, fp, BinaryMetrics.auroc(s, y), BinaryMetrics.averagePrecision(s, y),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** A configured detector of log sessions from the registry. */
    @SuppressWarnings("unchecked")
    public static Detector<EventSessions> detector(MethodRegistry registry, MethodSpec spec) {
        MethodProvider<?, ?> p = registry.get(spec.name()).provider();
        if (!p.dataType().isAssignableFrom(EventSessions.class)) {
            throw new IllegalArgumentException("method '" + spec.name() + "' reads " + p.modality() + " data, not log sessions");
        }
        return detectorTyped((MethodProvider<EventSessions, ? extends Record>) p, spec.params());
    }

    private static <P extends Record> Detector<EventSessions> detectorTyped(MethodProvider<EventSessions, P> p, Map<String, String> params) {
        P parsed = Params.parse(p.paramsType(), p.defaults(), new LinkedHashMap<>(params), p.name());
        return p.detector(parsed);
    }
}
