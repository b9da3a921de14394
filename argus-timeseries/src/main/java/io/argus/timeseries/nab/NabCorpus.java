package io.argus.timeseries.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.core.data.Series;
import io.argus.core.io.DataFormatException;
import io.argus.metrics.series.NabScore;
import io.argus.metrics.series.Range;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the Numenta Anomaly Benchmark (Lavin &amp; Ahmad, ICMLA 2015; {@code numenta/NAB}): the files
 * {@code data/<category>/<name>.csv} with header {@code timestamp,value} and the scoring windows of
 * {@code labels/combined_windows.json} ({@code {"<category>/<name>.csv": [[start, end], ...]}}).
 *
 * <p>Each file becomes a univariate {@link Series} whose labels are 1 on the steps inside a window
 * (NAB's windows, not its point labels: the windows are what NAB scores). Files are returned sorted by
 * name.
 *
 * <p><b>Timestamps.</b> NAB's detectors and scorer treat each row as one step, in file order, and eight
 * of the 58 files have repeated timestamps (daylight-saving changes, e.g.
 * {@code ec2_disk_write_bytes_1ef3de.csv} repeats 2014-03-09 03:00:00 twelve times) or one step back
 * ({@code machine_temperature_system_failure.csv}). Two explicit policies:
 * {@link TimestampPolicy#ROWS} (NAB's: every row is a step; a window covers the rows from the first
 * whose timestamp is ≥ its start to the last whose timestamp is ≤ its end; the series carries its
 * timestamps only when they increase strictly) and {@link TimestampPolicy#STRICT} (a clear error at
 * the first timestamp that does not increase).
 *
 * <p>Errors name the file and line: a wrong header, a row without two fields, a value that is not a
 * finite number, a timestamp that does not parse (or, under STRICT, does not increase), a data file
 * without an entry in the windows file, or a window that covers no row.
 */
public final class NabCorpus {

    private NabCorpus() {
    }

    /** What to do with timestamps that do not increase strictly. */
    public enum TimestampPolicy {
        /** NAB's: rows are steps in file order; the series has timestamps only when they increase strictly. */
        ROWS,
        /** Fail at the first timestamp that does not follow the previous one. */
        STRICT
    }

    /**
     * One NAB data file.
     *
     * @param name the file's key in the windows file, {@code <category>/<name>.csv}
     * @param series its values, timestamps and window labels
     * @param windows NAB's scoring windows as step ranges (sorted, disjoint)
     */
    public record File(String name, Series series, List<Range> windows) {

        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(series, "series");
            windows = List.copyOf(windows);
        }

        /** The category, the part of the name before the slash. */
        public String category() {
            int slash = name.indexOf('/');
            return slash < 0 ? "" : name.substring(0, slash);
        }
    }

    /**
     * Reads every data file of the corpus rooted at {@code root} (the folder holding {@code data/} and
     * {@code labels/}).
     *
     * @throws DataFormatException naming the file (and line) at the first malformed input
     * @throws UncheckedIOException when a file cannot be read
     */
    public static List<File> read(Path root) {
        return read(root, TimestampPolicy.ROWS);
    }

    /** Reads the corpus with an explicit timestamp policy. */
    public static List<File> read(Path root, TimestampPolicy policy) {
        Path data = root.resolve("data");
        Path labels = root.resolve("labels").resolve("combined_windows.json");
        if (!Files.isDirectory(data)) {
            throw new DataFormatException(data.toString(), "NAB data folder not found (expected data/<category>/<name>.csv under " + root + ")");
        }
        Map<String, List<LocalDateTime[]>> windows = readWindows(labels);
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
        List<File> out = new ArrayList<>();
        for (Path f : files) {
            String key = data.relativize(f).toString().replace('\\', '/');
            List<LocalDateTime[]> w = windows.get(key);
            if (w == null) {
                throw new DataFormatException(labels.toString(), "no windows entry for data file " + key);
            }
            out.add(readFile(f, key, w, policy));
        }
        return List.copyOf(out);
    }

    /** Reads one data file with its windows given as timestamp pairs. */
    public static File readFile(Path csv, String name, List<LocalDateTime[]> windows, TimestampPolicy policy) {
        List<LocalDateTime> ts = new ArrayList<>();
        List<Float> vals = new ArrayList<>();
        String where = csv.toString();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals("timestamp,value")) {
                throw new DataFormatException(where, 1, "expected the header 'timestamp,value', got '" + header + "'");
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                    throw new DataFormatException(where, lineNo, "expected 2 fields 'timestamp,value', got '" + line + "'");
                }
                LocalDateTime t;
                try {
                    t = NabScore.parseTimestamp(line.substring(0, comma));
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(where, lineNo, e.getMessage(), e);
                }
                if (policy == TimestampPolicy.STRICT && !ts.isEmpty() && !t.isAfter(ts.get(ts.size() - 1))) {
                    throw new DataFormatException(where, lineNo, "timestamp " + t + " does not follow " + ts.get(ts.size() - 1)
                            + " (timestamps must increase strictly: unsorted or duplicate)");
                }
                float v;
                try {
                    v = Float.parseFloat(line.substring(comma + 1).trim());
                } catch (NumberFormatException e) {
                    throw new DataFormatException(where, lineNo, "value '" + line.substring(comma + 1) + "' is not a number", e);
                }
                if (!Float.isFinite(v)) {
                    throw new DataFormatException(where, lineNo, "value is " + v + "; NAB values must be finite");
                }
                ts.add(t);
                vals.add(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        int n = ts.size();
        boolean increasing = true;
        for (int i = 1; i < n && increasing; i++) {
            increasing = ts.get(i).isAfter(ts.get(i - 1));
        }
        List<Range> ranges;
        try {
            ranges = increasing ? NabScore.windowRanges(ts, windows) : rowRanges(ts, windows);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(where, "windows of " + name + ": " + e.getMessage(), e);
        }
        float[] v = new float[n];
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = vals.get(i);
            ms[i] = ts.get(i).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        int[] labels = new int[n];
        for (Range r : ranges) {
            for (int i = r.start(); i <= r.endInclusive(); i++) {
                labels[i] = 1;
            }
        }
        Series s = Series.of(n, 1, v, increasing ? ms : null, List.of("value"), labels, name);
        return new File(name, s, ranges);
    }

    /** Windows as row ranges when timestamps repeat: first row at or after the start to the last row at or before the end. */
    private static List<Range> rowRanges(List<LocalDateTime> ts, List<LocalDateTime[]> windows) {
        List<Range> out = new ArrayList<>();
        for (LocalDateTime[] w : windows) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < ts.size(); i++) {
                if (first < 0 && !ts.get(i).isBefore(w[0])) {
                    first = i;
                }
                if (!ts.get(i).isAfter(w[1])) {
                    last = i;
                }
            }
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("window [" + w[0] + ", " + w[1] + "] covers no row");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).endInclusive() >= first) {
                throw new IllegalArgumentException("window [" + w[0] + ", " + w[1] + "] overlaps the previous one");
            }
            out.add(new Range(first, last));
        }
        return List.copyOf(out);
    }

    /** Reads {@code combined_windows.json}: file key to its windows as {start, end} timestamps. */
    public static Map<String, List<LocalDateTime[]>> readWindows(Path json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new DataFormatException(json.toString(), "cannot read NAB windows: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(json.toString(), "expected a JSON object {\"<category>/<name>.csv\": [[start, end], ...]}");
        }
        Map<String, List<LocalDateTime[]>> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new DataFormatException(json.toString(), "entry " + e.getKey() + " is not a list of windows");
            }
            List<LocalDateTime[]> ws = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                if (!w.isArray() || w.size() != 2 || !w.get(0).isTextual() || !w.get(1).isTextual()) {
                    throw new DataFormatException(json.toString(), "entry " + e.getKey() + ": a window must be [start, end] timestamps, got " + w);
                }
                try {
                    ws.add(new LocalDateTime[] {NabScore.parseTimestamp(w.get(0).asText()), NabScore.parseTimestamp(w.get(1).asText())});
                } catch (IllegalArgumentException ex) {
                    throw new DataFormatException(json.toString(), "entry " + e.getKey() + ": " + ex.getMessage(), ex);
                }
            }
            out.put(e.getKey(), List.copyOf(ws));
        }
        return out;
    }
}
