package io.argus.bench;

import io.argus.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code results.csv} of a benchmark run: one row per (data set, method, seed) with columns
 * {@code suite,dataset,method,seed,n,fit_seconds,score_seconds,status} and then one per metric. The file
 * is rewritten atomically after every run, so an interrupted benchmark leaves a valid file that a rerun
 * extends.
 */
public final class ResultsStore {

    /** The fixed leading columns. */
    public static final List<String> COLUMNS = List.of("suite", "dataset", "method", "seed", "n", "fit_seconds", "score_seconds", "status");

    private final Path file;
    private final List<String> metrics;
    private final List<ResultRow> rows = new ArrayList<>();

    private ResultsStore(Path file, List<String> metrics) {
        this.file = file;
        this.metrics = List.copyOf(metrics);
    }

    /**
     * Opens the store at {@code file}, reading the rows already there.
     *
     * @throws IllegalArgumentException when the existing file's header differs from this suite's columns
     */
    public static ResultsStore open(Path file, List<String> metrics) {
        ResultsStore store = new ResultsStore(file, metrics);
        if (Files.exists(file)) {
            store.readExisting();
        }
        return store;
    }

    /** The rows so far, in run order. */
    public List<ResultRow> rows() {
        return List.copyOf(rows);
    }

    /** The metric columns. */
    public List<String> metrics() {
        return metrics;
    }

    /** Whether a finished (ok) row exists for this run. */
    public boolean done(String suite, String dataset, String method, long seed) {
        String key = ResultRow.key(suite, dataset, method, seed);
        return rows.stream().anyMatch(r -> r.ok() && r.key().equals(key));
    }

    /** Adds a row (replacing an earlier failed row of the same run) and rewrites the file atomically. */
    public void add(ResultRow row) {
        rows.removeIf(r -> r.key().equals(row.key()));
        rows.add(row);
        write();
    }

    private void write() {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(metrics);
        sb.append(String.join(",", header)).append('\n');
        for (ResultRow r : rows) {
            sb.append(quote(r.suite())).append(',').append(quote(r.dataset())).append(',').append(quote(r.method())).append(',')
                    .append(r.seed()).append(',').append(r.n()).append(',').append(fmt(r.fitSeconds())).append(',')
                    .append(fmt(r.scoreSeconds())).append(',').append(quote(r.status()));
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6f", v));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private void readExisting() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            return;
        }
        List<String> header = parseLine(lines.get(0));
        List<String> expected = new ArrayList<>(COLUMNS);
        expected.addAll(metrics);
        if (!header.equals(expected)) {
            throw new IllegalArgumentException(file + ":1: existing results have columns " + header + ", this run writes "
                    + expected + "; use another --out folder");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = parseLine(lines.get(i));
            if (f.size() != expected.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + expected.size() + " fields, found " + f.size());
            }
            try {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int j = 0; j < metrics.size(); j++) {
                    String v = f.get(COLUMNS.size() + j);
                    if (!v.isEmpty()) {
                        m.put(metrics.get(j), Double.parseDouble(v));
                    }
                }
                rows.add(new ResultRow(f.get(0), f.get(1), f.get(2), Long.parseLong(f.get(3)), Long.parseLong(f.get(4)),
                        Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6)), f.get(7), m));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed number: " + e.getMessage(), e);
            }
        }
    }

    static String quote(String s) {
        // Line breaks become spaces: results.csv keeps one run per physical line, so it can be read
        // line by line and extended by appending.
        String flat = s.replace('\r', ' ').replace('\n', ' ');
        if (flat.indexOf(',') < 0 && flat.indexOf('"') < 0) {
            return flat;
        }
        return '"' + flat.replace("\"", "\"\"") + '"';
    }

    static List<String> parseLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
