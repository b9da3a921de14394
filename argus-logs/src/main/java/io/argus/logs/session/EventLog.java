package io.argus.logs.session;

import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogFormat;
import io.argus.logs.parse.LogParser;
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
        List<Long> lines = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<String> contents = keepContent ? new ArrayList<>() : null;
        List<Long> times = timestamp == null ? null : new ArrayList<>();
        List<Integer> labs = label == null ? null : new ArrayList<>();
        long[] bad = {0};
        Map<Integer, String> evicted = new HashMap<>();
        drain.onEviction(c -> evicted.put(c.id(), c.template()));
        ParseReport report = new LogParser(format, threads, LogReader.MAX_LINE_BYTES_DEFAULT).parse(file, drain, (line, r) -> {
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
            lines.add(line.lineNumber());
            clusters.add(r.clusterId());
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
