package io.argus.cli.logs;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.io.AtomicFiles;
import io.argus.core.params.MethodRegistry;
import io.argus.core.threshold.Thresholds;
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.drain.Drain;
import io.argus.logs.drain.DrainConfig;
import io.argus.logs.eval.LogProtocols;
import io.argus.logs.format.LogFormat;
import io.argus.logs.format.LogPreset;
import io.argus.logs.session.EventLog;
import io.argus.logs.session.EventSessions;
import io.argus.logs.session.Sessions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code argus logs detect}: parses a training log (normal behaviour) with Drain, reads a test log
 * against the same templates in match-only mode, groups both into sessions or time windows, fits a log
 * method on the training units and prints the test units it flags, each with the events that explain it.
 */
@Command(name = "detect", description = {"Fit a log method on a normal log and flag the sessions or windows of a test log, with explanations.",
        "Units: --session-id REGEX (hdfs preset: block ids) or --window SECONDS over --epoch-field (bgl preset: 3600 s over Timestamp)."})
public final class DetectLogsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "log of normal behaviour to fit on")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "log to score")
    Path test;

    @Option(names = "--preset", paramLabel = "NAME", description = "hdfs or bgl: format, masks, Drain settings and units")
    String preset;

    @Option(names = "--format", paramLabel = "F", description = "log format in loghub syntax (overrides the preset's)")
    String format;

    @Option(names = "--session-id", paramLabel = "REGEX", description = "sessions keyed by every match of REGEX in the Content")
    String sessionId;

    @Option(names = "--window", paramLabel = "SECONDS", description = "time windows of this length")
    Long window;

    @Option(names = "--step", paramLabel = "SECONDS", description = "window step (default: the window length: fixed windows)")
    Long step;

    @Option(names = "--epoch-field", paramLabel = "FIELD", description = "format field holding epoch seconds, for windows")
    String epochField;

    @Option(names = "--method", defaultValue = "next-event", paramLabel = "METHOD", description = "a logs method (default: ${DEFAULT-VALUE}; see `argus methods`)")
    String method;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a method parameter (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "flagged units to print (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--explain", defaultValue = "3", paramLabel = "K", description = "reasons printed per unit (default: ${DEFAULT-VALUE})")
    int explain;

    @Option(names = "--out", paramLabel = "FILE", description = "write every test unit's id, score and flag to this CSV")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : List.of(train, test)) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such log file");
            }
        }
        if (top < 0 || explain < 1) {
            throw new IllegalArgumentException("--top must be >= 0 and --explain >= 1");
        }
        LogPreset p = preset == null ? null : LogPreset.of(preset);
        LogFormat fmt = format != null ? LogFormat.of(format) : p != null ? p.format() : null;
        if (fmt == null) {
            throw new IllegalArgumentException("give the log format with --format or a --preset (hdfs, bgl)");
        }
        DrainConfig cfg = p == null ? DrainConfig.DEFAULTS : p.drain();
        String id = sessionId;
        Long win = window;
        String epoch = epochField;
        if (id == null && win == null && p != null) {
            if (p == LogPreset.HDFS) {
                id = Sessions.HDFS_BLOCK_ID;
            } else {
                win = LogProtocols.BGL_WINDOW_MILLIS / 1000;
                epoch = epoch == null ? "Timestamp" : epoch;
            }
        }
        if ((id == null) == (win == null)) {
            throw new IllegalArgumentException("choose the units: --session-id REGEX or --window SECONDS (with --epoch-field)");
        }
        if (win != null && epoch == null) {
            throw new IllegalArgumentException("--window needs --epoch-field, the format field holding epoch seconds");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new IllegalArgumentException("--threads = " + t + " is out of range; allowed: [1, 1024]");
        }
        Drain drain = new Drain(cfg);
        EventLog.FieldFunction<Long> ts = win == null ? null : EventLog.epochSeconds(fmt, epoch);
        EventLog trainLog = EventLog.parse(train, fmt, drain, t, ts, null, id != null);
        EventLog testLog = EventLog.match(test, fmt, drain, t, ts, null, id != null);
        for (var e : List.of(Map.entry(train, trainLog), Map.entry(test, testLog))) {
            if (e.getValue().report().skipped() > 0) {
                err.println(e.getValue().report().describe(e.getKey().toString()));
            }
            if (e.getValue().badTimestamps() > 0) {
                err.println(e.getKey() + ": skipped " + e.getValue().badTimestamps() + " lines whose " + epoch + " is not epoch seconds");
            }
        }
        EventSessions trainUnits = units(trainLog, id, win, step);
        EventSessions testUnits = units(testLog, id, win, step);
        if (trainUnits.size() == 0) {
            throw new IllegalArgumentException(train + ": no sessions or windows to fit on");
        }
        MethodRegistry registry = MethodRegistry.load();
        try (Context ctx = Context.builder().seed(seed).threads(t).build()) {
            Model<EventSessions> model = LogProtocols.detector(registry, new LogProtocols.MethodSpec(method, params)).fit(trainUnits, ctx);
            double threshold;
            String rule;
            if (model instanceof IntrinsicThreshold it) {
                threshold = it.threshold();
                rule = method + "'s own rule";
            } else {
                threshold = Thresholds.targetFpr(model.score(trainUnits, ctx).values(), LogProtocols.FALLBACK_FPR).value();
                rule = "top " + LogProtocols.FALLBACK_FPR + " of training scores";
            }
            double[] s = testUnits.size() == 0 ? new double[0] : model.score(testUnits, ctx).values();
            List<Integer> flagged = new ArrayList<>();
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= threshold) {
                    flagged.add(i);
                }
            }
            flagged.sort(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i));
            pw.printf(Locale.ROOT, "%s: fitted on %d units of %s (%d templates); flagged %d of %d units of %s (threshold %.6g, %s)%n", method,
                    trainUnits.size(), train, trainLog.vocabulary().size(), flagged.size(), s.length, test, threshold, rule);
            for (int k = 0; k < Math.min(top, flagged.size()); k++) {
                int i = flagged.get(k);
                pw.printf(Locale.ROOT, "%s  score %.6g%n", testUnits.id(i), s[i]);
                if (model instanceof ExplainsSessions ex) {
                    for (EventReason r : ex.explain(testUnits, i, explain)) {
                        pw.println("    " + r.event() + ": " + r.reason());
                    }
                }
            }
            if (out != null) {
                StringBuilder csv = new StringBuilder("id,score,flagged\n");
                for (int i = 0; i < s.length; i++) {
                    csv.append(testUnits.id(i)).append(',').append(s[i]).append(',').append(s[i] >= threshold ? 1 : 0).append('\n');
                }
                AtomicFiles.write(out, o -> o.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
                pw.println("wrote " + out);
            }
        }
        pw.flush();
        err.flush();
    }

    private static EventSessions units(EventLog log, String id, Long win, Long step) {
        if (id != null) {
            return Sessions.byIdentifier(log, id);
        }
        long size = win * 1000;
        long st = step == null ? size : step * 1000;
        return Sessions.slidingWindows(log, size, st);
    }
}
