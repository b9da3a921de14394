package io.argus.logs.session;

import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogFormat;
import io.argus.logs.parse.LogReader;
import io.argus.logs.parse.ParseReport;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed log as a sequence of events: for each line kept, its line number, its event (the index of its
 * final Drain template in {@link #vocabulary()}, templates in order of first appearance), and optionally
 * its Content, timestamp and label. This is what {@link Sessions} groups into sessions and windows.
 *
 * @param lineNumbers 1-based line numbers
 * @param events event index per line
 * @param vocabulary the templates
 * @param contents Content per line, or null when not kept
 * @param timestamps epoch milliseconds per line, or null
 * @param labels 0/1 per line, or null
 * @param report lines the reader skipped
 * @param badTimestamps lines skipped because their timestamp did not parse
 */
public record EventLog(long[] lineNumbers, int[] events, List<String> vocabulary, String[] contents, long[] timestamps, int[] labels,
        ParseReport report, long badTimestamps) {

    /** Extracts a value from a line's header fields (in format order). */
    @FunctionalInterface
    public interface FieldFunction<T> {
        /**
         * @return the value, or null when the fields do not hold one (the line is then skipped and counted)
         */
        T apply(String[] fields);
    }

    public EventLog {
        Objects.requireNonNull(lineNumbers, "lineNumbers");
        Objects.requireNonNull(events, "events");
        vocabulary = List.copyOf(vocabulary);
        if (events.length != lineNumbers.length) {
            throw new IllegalArgumentException("shape mismatch: " + lineNumbers.length + " lines but " + events.length + " events");
        }
    }

    /** Number of lines. */
    public int size() {
        return events.length;
    }

    /**
     * Parses a log file with Drain into an event log.
     *
     * @param timestamp epoch milliseconds of a line, or null to keep no timestamps
     * @param label 0/1 label of a line, or null to keep no labels
     * @param keepContent whether to keep each line's Content (needed for {@link Sessions#byIdentifier})
     */
    public static EventLog parse(Path file, LogFormat format, Drain drain, int threads, FieldFunction<Long> timestamp,
            FieldFunction<Integer> label, boolean keepContent) {
        return read(file, format, drain, threads, timestamp, label, keepContent, true);
    }

    /**
     * Reads a log file against a trained parser in match-only mode ({@link Drain#match}): the templates
     * never change, so the events mean what they meant when a model was fitted. A line that matches no
     * template becomes the event named by its own masked tokens (a template seen only here), which a model
     * then treats as unseen.
     */
    public static EventLog match(Path file, LogFormat format, Drain drain, int threads, FieldFunction<Long> timestamp,
            FieldFunction<Integer> label, boolean keepContent) {
        return read(file, format, drain, threads, timestamp, label, keepContent, false);
    }

    private static EventLog read(Path file, LogFormat format, Drain drain, int threads, FieldFunction<Long> timestamp,
            FieldFunction<Integer> label, boolean keepContent, boolean learn) {
        List<Long> lines = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<String> contents = keepContent ? new ArrayList<>() : null;
        List<Long> times = timestamp == null ? null : new ArrayList<>();
        List<Integer> labs = label == null ? null : new ArrayList<>();
        long[] bad = {0};
        Map<Integer, String> evicted = new HashMap<>();
        if (learn) {
            drain.onEviction(c -> evicted.put(c.id(), c.template()));
        }
        LogReader reader = new LogReader(format, LogReader.MAX_LINE_BYTES_DEFAULT, threads);
        ParseReport report = reader.read(file, drain::tokenize, line -> {
            String[] tokens = (String[]) line.prepared();
            Long t = null;
            if (timestamp != null) {
                t = timestamp.apply(line.fields());
                if (t == null) {
                    bad[0]++;
                    return;
                }
            }
            Integer l = null;
            if (label != null) {
                l = label.apply(line.fields());
                if (l == null) {
                    bad[0]++;
                    return;
                }
            }
            if (learn) {
                clusters.add(drain.addTokens(tokens).clusterId());
            } else {
                var m = drain.matchTokens(tokens);
                if (m.isPresent()) {
                    clusters.add(m.get().clusterId());
                } else {
                    // negative ids index the unmatched lines' own templates
                    unmatched.add(String.join(" ", tokens));
                    clusters.add(-unmatched.size());
                }
            }
            lines.add(line.lineNumber());
            if (contents != null) {
                contents.add(line.fields()[format.contentIndex()]);
            }
            if (times != null) {
                times.add(t);
            }
            if (labs != null) {
                labs.add(l);
            }
        });
        for (int k = 0; k < unmatched.size(); k++) {
            evicted.put(-(k + 1), unmatched.get(k));
        }
        Map<Integer, String> finalTemplate = new HashMap<>(evicted);
        drain.clusters().forEach(c -> finalTemplate.put(c.id(), c.template()));
        Map<String, Integer> index = new LinkedHashMap<>();
        int n = clusters.size();
        int[] events = new int[n];
        for (int i = 0; i < n; i++) {
            String t = finalTemplate.get(clusters.get(i));
            events[i] = index.computeIfAbsent(t, k -> index.size());
        }
        return new EventLog(lines.stream().mapToLong(Long::longValue).toArray(), events, new ArrayList<>(index.keySet()),
                contents == null ? null : contents.toArray(new String[0]),
                times == null ? null : times.stream().mapToLong(Long::longValue).toArray(),
                labs == null ? null : labs.stream().mapToInt(Integer::intValue).toArray(), report, bad[0]);
    }

    /** A field holding epoch seconds (BGL's Timestamp), as milliseconds; null when it is not an integer. */
    public static FieldFunction<Long> epochSeconds(LogFormat format, String field) {
        int j = fieldIndex(format, field);
        return f -> {
            try {
                return Math.multiplyExact(Long.parseLong(f[j]), 1000L);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        };
    }

    /**
     * Fields joined by a space and read with a {@link DateTimeFormatter} pattern in UTC, e.g. HDFS's Date
     * and Time with {@code yyMMdd HHmmss}; null when they do not parse.
     */
    public static FieldFunction<Long> dateTime(LogFormat format, String pattern, String... fields) {
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern(pattern);
        int[] js = Arrays.stream(fields).mapToInt(f -> fieldIndex(format, f)).toArray();
        return f -> {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < js.length; k++) {
                if (k > 0) {
                    sb.append(' ');
                }
                sb.append(f[js[k]]);
            }
            try {
                return LocalDateTime.parse(sb, fmt).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                return null;
            }
        };
    }

    /** Label 0 when {@code field} equals {@code normal}, else 1 (BGL: first column '-' = normal). */
    public static FieldFunction<Integer> labelUnless(LogFormat format, String field, String normal) {
        int j = fieldIndex(format, field);
        return f -> f[j] == null ? null : f[j].equals(normal) ? 0 : 1;
    }

    private static int fieldIndex(LogFormat format, String field) {
        int j = format.fields().indexOf(field);
        if (j < 0) {
            throw new IllegalArgumentException("log format '" + format.spec() + "' has no field <" + field + ">; fields: " + format.fields());
        }
        return j;
    }
}
