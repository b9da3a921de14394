package io.argus.cli.logs;

import io.argus.logs.drain.Drain;
import io.argus.logs.drain.DrainConfig;
import io.argus.logs.drain.DrainState;
import io.argus.logs.format.LogFormat;
import io.argus.logs.format.LogPreset;
import io.argus.logs.parse.LogParser;
import io.argus.logs.parse.LogReader;
import io.argus.logs.parse.ParseReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argus logs parse}: parses a log file with Drain and writes loghub's structured and template
 * files. Settings come from a preset, overridden by the explicit options.
 */
@Command(name = "parse", description = {"Parse a log file with Drain; write DIR/<file>_structured.csv and DIR/<file>_templates.csv.",
        "Presets (loghub's published Drain settings): hdfs, bgl."})
public final class ParseLogsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the log file")
    Path file;

    @Option(names = "--format", paramLabel = "F", description = "log format in loghub syntax, e.g. '<Date> <Time> <Level> <Component>: <Content>'")
    String format;

    @Option(names = "--mask", paramLabel = "REGEX", description = "a regex replaced by <*> before parsing (repeatable; replaces the preset's masks)")
    List<String> masks;

    @Option(names = "--similarity", paramLabel = "S", description = "similarity threshold st in [0, 1] (default: preset's, else 0.4)")
    Double similarity;

    @Option(names = "--depth", paramLabel = "D", description = "tree depth, at least 3 (default: preset's, else 4)")
    Integer depth;

    @Option(names = "--max-children", paramLabel = "N", description = "most children per tree node (default: 100)")
    Integer maxChildren;

    @Option(names = "--max-templates", paramLabel = "N", description = "keep at most N templates, dropping the least recently used (default: unbounded)")
    Integer maxTemplates;

    @Option(names = "--preset", paramLabel = "NAME", description = "hdfs or bgl: format, masks, st and depth as loghub's benchmark")
    String preset;

    @Option(names = "--state", paramLabel = "FILE", description = "Drain state (JSON): resumed from when it exists, written back after parsing")
    Path state;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "1048576", description = "skip longer lines (default: ${DEFAULT-VALUE})")
    int maxLineBytes;

    @Option(names = "--threads", paramLabel = "N", description = "threads reading and tokenising (default: all processors)")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public void run() {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such log file");
        }
        LogPreset p = preset == null ? null : LogPreset.of(preset);
        LogFormat fmt;
        if (format != null) {
            fmt = LogFormat.of(format);
        } else if (p != null) {
            fmt = p.format();
        } else {
            throw new IllegalArgumentException("give the log format with --format or a --preset (hdfs, bgl)");
        }
        DrainConfig cfg = p == null ? DrainConfig.DEFAULTS : p.drain();
        if (similarity != null) {
            cfg = cfg.withSimilarity(similarity);
        }
        if (depth != null) {
            cfg = cfg.withDepth(depth);
        }
        if (masks != null) {
            cfg = cfg.withMasks(new ArrayList<>(masks));
        }
        if (maxTemplates != null) {
            cfg = cfg.withMaxClusters(maxTemplates);
        }
        if (maxChildren != null) {
            cfg = new DrainConfig(cfg.depth(), cfg.similarity(), maxChildren, cfg.maxClusters(), cfg.masks());
        }
        Drain drain;
        if (state != null && Files.exists(state)) {
            drain = DrainState.read(state);
            err.println("resumed Drain state from " + state + " (" + drain.size() + " templates; its settings apply)");
        } else {
            drain = new Drain(cfg);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new IllegalArgumentException("--threads = " + t + " is out of range; allowed: [1, 1024]");
        }
        long t0 = System.nanoTime();
        LogParser.Parsed parsed = new LogParser(fmt, t, maxLineBytes).writeStructured(file, drain, out);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (state != null) {
            DrainState.write(state, drain);
        }
        ParseReport report = parsed.report();
        String name = file.getFileName().toString();
        pw.printf(Locale.ROOT, "parsed %d of %d lines of %s into %d templates in %.2fs%n", report.parsed(), report.lines(), file,
                parsed.templates().values().stream().distinct().count(), secs);
        pw.println("wrote " + out.resolve(name + "_structured.csv") + " and " + out.resolve(name + "_templates.csv"));
        if (report.skipped() > 0) {
            err.println(report.describe(file.toString()));
        }
        pw.flush();
        err.flush();
    }
}
