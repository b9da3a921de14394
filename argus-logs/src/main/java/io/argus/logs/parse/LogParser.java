package io.argus.logs.parse;

import io.argus.core.io.AtomicFiles;
import io.argus.logs.drain.Drain;
import io.argus.logs.drain.LogCluster;
import io.argus.logs.format.LogFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a log file with {@link Drain}: the header fields by a {@link LogFormat}, the templates of the
 * Content by the parser, and loghub's two output files.
 *
 * <p>Lines are read and tokenised on {@code threads} threads and fed to the (sequential) Drain tree in
 * file order by {@link LogReader}, so the templates and ids do not depend on the thread count.
 */
public final class LogParser {

    private static final Logger LOG = LoggerFactory.getLogger(LogParser.class);

    /** Receives each parsed line with the template it went to. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one parsed line. */
        void accept(LogReader.Line line, Drain.Result result);
    }

    /**
     * What {@link #parseFile} found: the report of skipped lines, and for each parsed line its line number
     * and the id of its template.
     *
     * @param report skipped lines
     * @param lineNumbers 1-based line numbers of the parsed lines
     * @param clusterIds the template id of each parsed line, when it was added
     * @param templates the final template of every id (templates dropped by the LRU bound as they were then)
     */
    public record Parsed(ParseReport report, long[] lineNumbers, int[] clusterIds, Map<Integer, String> templates) {

        /** The final template of parsed line i. */
        public String template(int i) {
            return templates.get(clusterIds[i]);
        }
    }

    private final LogFormat format;
    private final int threads;
    private final int maxLineBytes;

    /**
     * @param format the log format
     * @param threads threads reading and tokenising
     * @param maxLineBytes longest line kept
     */
    public LogParser(LogFormat format, int threads, int maxLineBytes) {
        this.format = Objects.requireNonNull(format, "format");
        this.threads = threads;
        this.maxLineBytes = maxLineBytes;
    }

    /** Streams every good line of {@code file} through {@code drain}, in order. */
    public ParseReport parse(Path file, Drain drain, Sink sink) {
        LogReader reader = new LogReader(format, maxLineBytes, threads);
        ParseReport report = reader.read(file, drain::tokenize, line -> sink.accept(line, drain.addTokens((String[]) line.prepared())));
        if (report.skipped() > 0) {
            LOG.debug("{}", report.describe(file.toString()));
        }
        return report;
    }

    /** Parses a whole file and keeps the template id of every line and every final template. */
    public Parsed parseFile(Path file, Drain drain) {
        Map<Integer, String> evicted = new HashMap<>();
        drain.onEviction(c -> evicted.put(c.id(), c.template()));
        long[][] lines = {new long[1024]};
        int[][] ids = {new int[1024]};
        int[] n = {0};
        ParseReport report = parse(file, drain, (line, r) -> {
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
                lines[0] = Arrays.copyOf(lines[0], n[0] * 2);
            }
            lines[0][n[0]] = line.lineNumber();
            ids[0][n[0]++] = r.clusterId();
        });
        Map<Integer, String> templates = new HashMap<>(evicted);
        for (LogCluster c : drain.clusters()) {
            templates.put(c.id(), c.template());
        }
        return new Parsed(report, Arrays.copyOf(lines[0], n[0]), Arrays.copyOf(ids[0], n[0]), templates);
    }

    /**
     * Parses {@code file} and writes loghub's {@code <name>_structured.csv} (LineId, the header fields,
     * EventId, EventTemplate; LineId is the line number in the file) and {@code <name>_templates.csv}
     * (EventId, EventTemplate, Occurrences, in order of first appearance) to {@code outDir}, atomically.
     * Every line carries the final template of its group, as Drain.py writes it.
     *
     * @return the parse result
     */
    public Parsed writeStructured(Path file, Drain drain, Path outDir) {
        Parsed parsed = parseFile(file, drain);
        String name = file.getFileName().toString();
        Map<String, long[]> occurrences = new LinkedHashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < parsed.clusterIds().length; i++) {
            String t = parsed.template(i);
            occurrences.computeIfAbsent(t, k -> new long[1])[0]++;
        }
        occurrences.keySet().forEach(t -> ids.put(t, LogCluster.eventId(t)));
        AtomicFiles.write(outDir.resolve(name + "_structured.csv"), out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write("LineId");
            for (String f : format.fields()) {
                w.write(',');
                w.write(csv(f));
            }
            w.write(",EventId,EventTemplate\n");
            int[] k = {0};
            LogReader reader = new LogReader(format, maxLineBytes, threads);
            reader.read(file, null, line -> {
                int i = k[0]++;
                if (i >= parsed.lineNumbers().length || parsed.lineNumbers()[i] != line.lineNumber()) {
                    throw new IllegalStateException(file + ": the file changed while it was parsed (line " + line.lineNumber() + ")");
                }
                try {
                    w.write(Long.toString(line.lineNumber()));
                    for (String v : line.fields()) {
                        w.write(',');
                        w.write(csv(v));
                    }
                    String t = parsed.template(i);
                    w.write(',');
                    w.write(ids.get(t));
                    w.write(',');
                    w.write(csv(t));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        });
        AtomicFiles.write(outDir.resolve(name + "_templates.csv"), out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("EventId,EventTemplate,Occurrences\n");
            for (Map.Entry<String, long[]> e : occurrences.entrySet()) {
                w.write(ids.get(e.getKey()) + "," + csv(e.getKey()) + "," + e.getValue()[0] + "\n");
            }
            w.flush();
        });
        return parsed;
    }

    /** A CSV field as pandas writes it: quoted when it holds a comma, quote or line break, quotes doubled. */
    static String csv(String v) {
        boolean quote = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
