package io.argus.timeseries.io;

import io.argus.core.io.DataFormatException;
import io.argus.timeseries.prep.CleaningPolicy;
import io.argus.timeseries.prep.RawSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a series from a delimited text file with a header: an optional timestamp column, the chosen
 * value columns (all remaining columns when none are chosen), an optional 0/1 label column and an
 * optional 0/1 training-part column. Rows become steps in file order, then the {@link CleaningPolicy}
 * deals with unsorted or duplicate timestamps, gaps and missing values.
 *
 * <p>Cells: a value is a decimal number; an empty cell, {@code NaN}, {@code NA} or {@code null} is
 * missing. Timestamps are ISO-8601 date-times ({@code 2020-03-09 10:14:33}, {@code 2020-03-09T10:14:33},
 * optional fraction and offset, read as UTC when there is no offset), dates, or plain numbers (taken as
 * epoch milliseconds). Fields may be enclosed in double quotes; quoted delimiters are not supported.
 * Time and memory O(rows·columns).
 *
 * @param delimiter the field separator
 * @param timestampColumn the timestamp column's name, or null for none
 * @param valueColumns value columns by name, or an empty list for every column that is not the
 *        timestamp, label, training or ignored column
 * @param labelColumn the 0/1 label column, or null
 * @param trainColumn the 0/1 training-part column, or null
 * @param ignored columns to skip
 * @param policy what to do with defects
 */
public record SeriesCsvReader(char delimiter, String timestampColumn, List<String> valueColumns, String labelColumn, String trainColumn,
        List<String> ignored, CleaningPolicy policy) {

    public SeriesCsvReader {
        valueColumns = List.copyOf(valueColumns);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(policy, "policy");
    }

    /** Comma-separated, column {@code timestamp} when present, label {@code label}, training flag {@code train}, strict policy. */
    public static SeriesCsvReader defaults() {
        return new SeriesCsvReader(',', "timestamp", List.of(), "label", "train", List.of(), CleaningPolicy.STRICT);
    }

    /** This reader with another cleaning policy. */
    public SeriesCsvReader withPolicy(CleaningPolicy p) {
        return new SeriesCsvReader(delimiter, timestampColumn, valueColumns, labelColumn, trainColumn, ignored, p);
    }

    /**
     * Reads and cleans a file. A timestamp, label or training column that is named but absent from the
     * header is simply not used, so that one reader serves files with and without it; chosen value
     * columns must exist.
     *
     * @throws DataFormatException naming the file and line of the first problem
     */
    public RawSeries.Cleaned read(Path file) {
        return readRaw(file).clean(policy);
    }

    /** Reads the rows without cleaning them. */
    public RawSeries readRaw(Path file) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new DataFormatException(name, 1, "empty file; expected a header line");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            String[] cols = split(header);
            int tsIdx = timestampColumn == null ? -1 : indexOf(cols, timestampColumn);
            int labIdx = labelColumn == null ? -1 : indexOf(cols, labelColumn);
            int trIdx = trainColumn == null ? -1 : indexOf(cols, trainColumn);
            List<Integer> valIdx = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (valueColumns.isEmpty()) {
                for (int i = 0; i < cols.length; i++) {
                    if (i != tsIdx && i != labIdx && i != trIdx && !ignored.contains(cols[i])) {
                        valIdx.add(i);
                        names.add(cols[i]);
                    }
                }
            } else {
                for (String v : valueColumns) {
                    int i = indexOf(cols, v);
                    if (i < 0) {
                        throw new DataFormatException(name, 1, "value column '" + v + "' not found; the header has " + Arrays.toString(cols));
                    }
                    valIdx.add(i);
                    names.add(v);
                }
            }
            if (valIdx.isEmpty()) {
                throw new DataFormatException(name, 1, "no value columns; the header has " + Arrays.toString(cols));
            }
            int c = valIdx.size();
            double[] values = new double[1024 * c];
            long[] ts = tsIdx < 0 ? null : new long[1024];
            int[] lab = labIdx < 0 ? null : new int[1024];
            int[] tr = trIdx < 0 ? null : new int[1024];
            long[] lines = new long[1024];
            int n = 0;
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                if (f.length != cols.length) {
                    throw new DataFormatException(name, lineNo, "expected " + cols.length + " fields as in the header, found " + f.length);
                }
                if (n == lines.length) {
                    int cap = n * 2;
                    values = Arrays.copyOf(values, cap * c);
                    lines = Arrays.copyOf(lines, cap);
                    ts = ts == null ? null : Arrays.copyOf(ts, cap);
                    lab = lab == null ? null : Arrays.copyOf(lab, cap);
                    tr = tr == null ? null : Arrays.copyOf(tr, cap);
                }
                lines[n] = lineNo;
                for (int k = 0; k < c; k++) {
                    values[n * c + k] = number(f[valIdx.get(k)], name, lineNo, names.get(k));
                }
                if (ts != null) {
                    ts[n] = timestamp(f[tsIdx], name, lineNo);
                }
                if (lab != null) {
                    lab[n] = flag(f[labIdx], name, lineNo, cols[labIdx]);
                }
                if (tr != null) {
                    tr[n] = flag(f[trIdx], name, lineNo, cols[trIdx]);
                }
                n++;
            }
            return new RawSeries(name, c, names, ts == null ? null : Arrays.copyOf(ts, n),
                    Arrays.copyOf(values, n * c), lab == null ? null : Arrays.copyOf(lab, n), tr == null ? null : Arrays.copyOf(tr, n),
                    Arrays.copyOf(lines, n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String[] split(String line) {
        String[] f = line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
                s = s.substring(1, s.length() - 1);
            }
            f[i] = s;
        }
        return f;
    }

    private static int indexOf(String[] cols, String name) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double number(String s, String file, long line, String col) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.equals("nan") || l.equals("na") || l.equals("null")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "column " + col + ": expected a number, found '" + s + "'");
        }
    }

    private static int flag(String s, String file, long line, String col) {
        try {
            double v = Double.parseDouble(s);
            if (v == 0 || v == 1) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException(file, line, "column " + col + ": expected 0 or 1, found '" + s + "'");
    }

    /** Parses a timestamp cell to epoch milliseconds (see the class comment for the accepted forms). */
    static long timestamp(String s, String file, long line) {
        try {
            if (s.matches("-?\\d+(\\.\\d+)?")) {
                return (long) Double.parseDouble(s);
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DataFormatException(file, line, "cannot read timestamp '" + s
                    + "'; expected an ISO-8601 date-time such as 2020-03-09 10:14:33, a date, or epoch milliseconds");
        }
    }
}
