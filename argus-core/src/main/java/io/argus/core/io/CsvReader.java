package io.argus.core.io;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions.Header;
import io.argus.core.io.CsvOptions.MissingPolicy;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a delimited text file of numbers into a {@link Table}: RFC 4180 CSV (double quotes, {@code ""}
 * as an escaped quote, delimiters and line breaks inside quotes), or the same with tab, semicolon or
 * pipe delimiters, optionally gzip-compressed (detected by the gzip magic bytes).
 *
 * <p>Every error is a {@link DataFormatException} that names the file and the 1-based physical line
 * (a quoted field spanning lines counts each of its lines), the column, what was expected and the text
 * found. Blank lines are skipped. Numbers are parsed to the float32 nearest to the decimal text, exactly
 * as {@link Float#parseFloat} does, mostly without allocating. Reading is one pass, O(size of the file)
 * time and O(rows × columns) float32 memory.
 */
public final class CsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};

    private CsvReader() {
    }

    /** Reads a file with {@link CsvOptions#defaults()}. */
    public static Table read(Path file) {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a file, decompressing it when it starts with the gzip magic bytes.
     *
     * @throws DataFormatException when the file is missing or malformed, with its line
     * @throws UncheckedIOException on other I/O failures
     */
    public static Table read(Path file, CsvOptions options) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, options);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, "file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV bytes (UTF-8, gzip-compressed or not) from a stream, which is not closed.
     *
     * @param sourceName the name used in error messages and as the table's source
     * @throws DataFormatException when the content is malformed
     */
    public static Table read(InputStream in, String sourceName, CsvOptions options) {
        try {
            BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
            bin.mark(2);
            int b0 = bin.read();
            int b1 = bin.read();
            bin.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip && sourceName != null && sourceName.endsWith(".gz") && b0 >= 0) {
                throw new DataFormatException(sourceName, "expected gzip data (the name ends in .gz), found no gzip header");
            }
            InputStream raw = gzip ? new GZIPInputStream(bin, 1 << 16) : bin;
            return read(new InputStreamReader(raw, StandardCharsets.UTF_8), sourceName, options);
        } catch (IOException e) {
            throw new DataFormatException(sourceName, "cannot read the gzip header: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text from a reader, which is not closed.
     *
     * @param sourceName the name used in error messages and as the table's source
     * @throws DataFormatException when the content is malformed
     */
    public static Table read(Reader reader, String sourceName, CsvOptions options) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(options, "options");
        String name = sourceName == null ? "<csv>" : sourceName;
        return new Parse(reader, name, options).run();
    }

    /** One read: the tokenizer state and the growing result. */
    private static final class Parse {
        private final Reader reader;
        private final String file;
        private final CsvOptions opt;

        // input buffer
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int lim;
        private int pushed = -2;
        private long line = 1;

        // the current record: field texts concatenated in rec, bounds in start/end
        private char[] rec = new char[256];
        private int recLen;
        private int[] start = new int[16];
        private int[] end = new int[16];
        private long[] fieldLine = new long[16];
        private int nFields;
        private long recordLine;
        private char delim;
        private boolean firstFillHitEnd;

        Parse(Reader reader, String file, CsvOptions opt) {
            this.reader = reader;
            this.file = file;
            this.opt = opt;
        }

        Table run() {
            try {
                return parse();
            } catch (EOFException | ZipException e) {
                throw new DataFormatException(file, line, "corrupt or truncated gzip data: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private Table parse() throws IOException {
            fillFirst();
            if (lim > 0 && buf[0] == '\uFEFF') {
                pos = 1; // a UTF-8 byte order mark is not part of the first field
            }
            delim = opt.delimiter() == CsvOptions.DETECT_DELIMITER ? detectDelimiter() : opt.delimiter();
            if (!nextRecord()) {
                throw new DataFormatException(file, "no data rows: the file is empty");
            }
            int n = nFields;
            long firstLine = recordLine;
            int labelIdx = -1;
            boolean header;
            switch (opt.header()) {
                case YES:
                    header = true;
                    break;
                case NO:
                    header = false;
                    break;
                default:
                    header = !looksLikeData(labelIndexForDetection(n));
            }
            List<String> headerNames = null;
            if (header) {
                headerNames = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    headerNames.add(text(j).strip());
                }
            }
            CsvOptions.LabelColumn lc = opt.label();
            if (lc.name() != null) {
                if (headerNames == null) {
                    throw new DataFormatException(file, firstLine, "label column '" + lc.name() + "' is given by name"
                            + " but the file has no header row (header=" + opt.header() + "); expected a header, found "
                            + n + " numeric fields");
                }
                for (int j = 0; j < n; j++) {
                    if (headerNames.get(j).equals(lc.name())) {
                        if (labelIdx >= 0) {
                            throw new DataFormatException(file, firstLine, "label column '" + lc.name()
                                    + "' is ambiguous: expected one header field of that name, found it at fields "
                                    + (labelIdx + 1) + " and " + (j + 1));
                        }
                        labelIdx = j;
                    }
                }
                if (labelIdx < 0) {
                    throw new DataFormatException(file, firstLine, "no label column '" + lc.name()
                            + "'; expected one of the header names " + headerNames);
                }
            } else if (lc.index() != null) {
                labelIdx = resolveIndex(lc.index(), n, firstLine);
            }
            int d = labelIdx >= 0 ? n - 1 : n;
            if (d < 1) {
                throw new DataFormatException(file, firstLine, "no feature columns: expected at least one column besides"
                        + " the label column, found " + n + " field(s)");
            }
            String[] names = new String[n];
            List<String> featureNames = new ArrayList<>(d);
            for (int j = 0, k = 0; j < n; j++) {
                if (j == labelIdx) {
                    names[j] = headerNames != null ? headerNames.get(j) : "label";
                } else {
                    names[j] = headerNames != null ? headerNames.get(j) : "x" + k;
                    featureNames.add(names[j]);
                    k++;
                }
            }

            MissingPolicy policy = opt.missing();
            float[] values = new float[Math.max(d * 1024, 1024)];
            int[] labels = labelIdx >= 0 ? new int[1024] : null;
            double[] sum = policy == MissingPolicy.MEAN ? new double[d] : null;
            long[] present = policy == MissingPolicy.MEAN ? new long[d] : null;
            long missingCount = 0;
            long dropped = 0;
            int rows = 0;
            boolean have = !header || nextRecord();
            while (have) {
                if (nFields != n) {
                    throw new DataFormatException(file, recordLine, "expected " + n + " fields, found " + nFields
                            + " (the first row, line " + firstLine + ", has " + n + ")");
                }
                if ((long) (rows + 1) * d > Integer.MAX_VALUE - 8) {
                    throw new DataFormatException(file, recordLine, "too many values: expected at most "
                            + (Integer.MAX_VALUE - 8) + " values in a table, found more than " + ((long) rows * d));
                }
                if ((rows + 1) * d > values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max((long) values.length * 2, (long) (rows + 1) * d)));
                }
                if (labels != null && rows >= labels.length) {
                    labels = Arrays.copyOf(labels, (int) Math.min(Integer.MAX_VALUE - 8L, labels.length * 2L));
                }
                int base = rows * d;
                boolean drop = false;
                for (int j = 0, k = 0; j < n; j++) {
                    if (j == labelIdx) {
                        labels[rows] = parseLabel(j, names[j]);
                        continue;
                    }
                    float v = parseNumber(rec, start[j], end[j]);
                    if (v != v) { // NaN is the parser's "not a number" answer; NaN text counts as missing
                        if (!isMissing(j)) {
                            throw new DataFormatException(file, fieldLine[j], "non-numeric value in column '" + names[j]
                                    + "' (field " + (j + 1) + "): expected a number, found '" + text(j) + "'");
                        }
                        missingCount++;
                        switch (policy) {
                            case REJECT:
                                throw new DataFormatException(file, fieldLine[j], "missing value in column '" + names[j]
                                        + "' (field " + (j + 1) + "): expected a number, found '" + text(j)
                                        + "'; choose a missing-value policy (DROP_ROW, MEAN or ZERO) to accept missing values");
                            case DROP_ROW:
                                drop = true;
                                break;
                            case ZERO:
                                v = 0f;
                                break;
                            default:
                                break; // MEAN: keep NaN as the marker, filled in after the last row
                        }
                    } else if (Float.isInfinite(v)) {
                        throw new DataFormatException(file, fieldLine[j], "non-finite value in column '" + names[j]
                                + "' (field " + (j + 1) + "): expected a finite float32 number, found '" + text(j) + "'");
                    } else if (sum != null) {
                        sum[k] += v;
                        present[k]++;
                    }
                    values[base + k] = v;
                    k++;
                }
                if (drop) {
                    dropped++;
                } else {
                    rows++;
                }
                have = nextRecord();
            }
            if (rows == 0) {
                if (dropped > 0) {
                    throw new DataFormatException(file, "no data rows: all " + dropped
                            + " rows had missing values and the policy is DROP_ROW");
                }
                throw new DataFormatException(file, "no data rows: expected at least one row after the header, found"
                        + " only the header (line " + firstLine + ")");
            }
            if (sum != null && missingCount > 0) {
                imputeMeans(values, rows, d, sum, present, featureNames);
            }
            if (missingCount > 0) {
                LOG.debug("{}: {} missing values handled by policy {} ({} rows dropped)", file, missingCount, policy, dropped);
            }
            float[] exact = values.length == rows * d ? values : Arrays.copyOf(values, rows * d);
            int[] exactLabels = labels == null ? null : labels.length == rows ? labels : Arrays.copyOf(labels, rows);
            try {
                return Table.of(rows, d, exact, featureNames, exactLabels, file);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "invalid table: " + e.getMessage(), e);
            }
        }

        private void imputeMeans(float[] values, int rows, int d, double[] sum, long[] present, List<String> featureNames) {
            float[] mean = new float[d];
            for (int k = 0; k < d; k++) {
                mean[k] = present[k] == 0 ? Float.NaN : (float) (sum[k] / present[k]);
            }
            for (int i = 0; i < rows; i++) {
                for (int k = 0, at = i * d; k < d; k++, at++) {
                    if (values[at] != values[at]) {
                        if (present[k] == 0) {
                            throw new DataFormatException(file, "cannot impute the mean of column '" + featureNames.get(k)
                                    + "': expected at least one present value, found all " + rows + " values missing");
                        }
                        values[at] = mean[k];
                    }
                }
            }
        }

        private int resolveIndex(int index, int n, long firstLine) {
            int idx = index < 0 ? n + index : index;
            if (idx < 0 || idx >= n) {
                throw new DataFormatException(file, firstLine, "label column index " + index + " is out of range: expected "
                        + -n + ".." + (n - 1) + " for " + n + " fields, found " + index);
            }
            return idx;
        }

        /** The label index used while guessing whether the first row is a header (the row length is known). */
        private int labelIndexForDetection(int n) {
            Integer i = opt.label().index();
            if (i == null) {
                return -1;
            }
            int idx = i < 0 ? n + i : i;
            return idx >= 0 && idx < n ? idx : -1;
        }

        private boolean looksLikeData(int labelIdx) {
            for (int j = 0; j < nFields; j++) {
                float v = parseNumber(rec, start[j], end[j]);
                if (v == v || isMissing(j)) {
                    continue;
                }
                if (j == labelIdx && labelValue(j) >= 0) {
                    continue;
                }
                return false;
            }
            return true;
        }

        private int parseLabel(int j, String column) {
            int v = labelValue(j);
            if (v < 0) {
                throw new DataFormatException(file, fieldLine[j], "bad label in column '" + column + "' (field " + (j + 1)
                        + "): expected 0 or 1 (also 0.0/1.0, true/false), found '" + text(j) + "'");
            }
            return v;
        }

        /** 0 or 1, or -1 when the field is not a label. */
        private int labelValue(int j) {
            int s = start[j];
            int e = end[j];
            while (s < e && rec[s] == ' ') {
                s++;
            }
            while (e > s && rec[e - 1] == ' ') {
                e--;
            }
            if (regionEquals(s, e, "true")) {
                return 1;
            }
            if (regionEquals(s, e, "false")) {
                return 0;
            }
            float v = parseNumber(rec, s, e);
            return v == 0f ? 0 : v == 1f ? 1 : -1;
        }

        private boolean isMissing(int j) {
            int s = start[j];
            int e = end[j];
            while (s < e && rec[s] == ' ') {
                s++;
            }
            while (e > s && rec[e - 1] == ' ') {
                e--;
            }
            return s == e || regionEquals(s, e, "na") || regionEquals(s, e, "nan") || regionEquals(s, e, "null")
                    || (e - s == 1 && rec[s] == '?');
        }

        private boolean regionEquals(int s, int e, String lower) {
            if (e - s != lower.length()) {
                return false;
            }
            for (int i = 0; i < lower.length(); i++) {
                if (Character.toLowerCase(rec[s + i]) != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String text(int j) {
            int len = end[j] - start[j];
            return len <= 60 ? new String(rec, start[j], len) : new String(rec, start[j], 60) + "...";
        }

        // ------------------------------------------------------------ tokenizer

        private void fill() throws IOException {
            int r = reader.read(buf, 0, buf.length);
            pos = 0;
            lim = Math.max(r, 0);
        }

        /** Fills the whole buffer (or up to the end of input) so that delimiter detection sees whole lines. */
        private void fillFirst() throws IOException {
            pos = 0;
            lim = 0;
            while (lim < buf.length) {
                int r = reader.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    firstFillHitEnd = true;
                    break;
                }
                lim += r;
            }
        }

        private int next() throws IOException {
            if (pushed != -2) {
                int c = pushed;
                pushed = -2;
                return c;
            }
            if (pos >= lim) {
                fill();
                if (lim == 0) {
                    return -1;
                }
            }
            return buf[pos++];
        }

        private void append(int c) {
            if (recLen == rec.length) {
                rec = Arrays.copyOf(rec, rec.length * 2);
            }
            rec[recLen++] = (char) c;
        }

        private void endField(int s, long fLine) {
            if (nFields == start.length) {
                start = Arrays.copyOf(start, nFields * 2);
                end = Arrays.copyOf(end, nFields * 2);
                fieldLine = Arrays.copyOf(fieldLine, nFields * 2);
            }
            start[nFields] = s;
            end[nFields] = recLen;
            fieldLine[nFields] = fLine;
            nFields++;
        }

        /** Consumes a line break that began with {@code c} ({@code \n}, {@code \r} or {@code \r\n}). */
        private void lineBreak(int c) throws IOException {
            if (c == '\r') {
                int n = next();
                if (n != '\n') {
                    pushed = n;
                }
            }
            line++;
        }

        /** Reads the next non-blank record into the field buffers; false at the end of input. */
        private boolean nextRecord() throws IOException {
            nFields = 0;
            recLen = 0;
            int c = next();
            while (c == '\n' || c == '\r') {
                lineBreak(c);
                c = next();
            }
            if (c == -1) {
                return false;
            }
            recordLine = line;
            while (true) {
                int s = recLen;
                long fLine = line;
                if (c == '"') {
                    while (true) {
                        c = next();
                        if (c == -1) {
                            throw new DataFormatException(file, fLine, "unterminated quoted field (field " + (nFields + 1)
                                    + "): expected a closing '\"', found the end of the file");
                        }
                        if (c == '"') {
                            c = next();
                            if (c == '"') {
                                append('"');
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        } else if (c == '\r') {
                            int n = next();
                            append('\r');
                            if (n == '\n') {
                                append('\n');
                            } else {
                                pushed = n;
                            }
                            line++;
                            continue;
                        }
                        append(c);
                    }
                    while (c == ' ' && delim != ' ') {
                        c = next();
                    }
                    if (c != delim && c != '\n' && c != '\r' && c != -1) {
                        throw new DataFormatException(file, line, "unexpected character '" + (char) c
                                + "' after a closing quote (field " + (nFields + 1) + "): expected the delimiter '"
                                + printable(delim) + "' or the end of the line");
                    }
                } else {
                    while (c != delim && c != '\n' && c != '\r' && c != -1) {
                        append(c);
                        c = next();
                    }
                }
                endField(s, fLine);
                if (c == delim) {
                    c = next();
                    continue;
                }
                if (c != -1) {
                    lineBreak(c);
                }
                return true;
            }
        }

        /**
         * Picks the candidate delimiter that splits the first lines of the buffer into the same, largest
         * number of fields; falls back to the most frequent candidate, then to ','.
         */
        private char detectDelimiter() {
            int[][] counts = new int[CANDIDATE_DELIMITERS.length][11];
            int lines = 0;
            boolean quoted = false;
            boolean partial = false;
            for (int i = pos; i < lim && lines < 10; i++) {
                char ch = buf[i];
                if (ch == '"') {
                    quoted = !quoted;
                    partial = true;
                } else if (!quoted && (ch == '\n' || ch == '\r')) {
                    if (partial) {
                        lines++;
                        partial = false;
                    }
                } else {
                    partial = true;
                    if (!quoted) {
                        for (int k = 0; k < CANDIDATE_DELIMITERS.length; k++) {
                            if (ch == CANDIDATE_DELIMITERS[k]) {
                                counts[k][lines]++;
                            }
                        }
                    }
                }
            }
            // a last line without a line break is complete only when the input ended there
            int complete = Math.max(1, Math.min(10, lines + (partial && firstFillHitEnd ? 1 : 0)));
            int best = -1;
            int bestCount = 0;
            for (int k = 0; k < CANDIDATE_DELIMITERS.length; k++) {
                int first = counts[k][0];
                boolean consistent = first > 0;
                for (int l = 1; l < complete && consistent; l++) {
                    consistent = counts[k][l] == first;
                }
                if (consistent && first > bestCount) {
                    best = k;
                    bestCount = first;
                }
            }
            if (best < 0) {
                long bestTotal = 0;
                for (int k = 0; k < CANDIDATE_DELIMITERS.length; k++) {
                    long total = Arrays.stream(counts[k]).sum();
                    if (total > bestTotal) {
                        best = k;
                        bestTotal = total;
                    }
                }
            }
            char chosen = best < 0 ? CsvOptions.DELIMITER_DEFAULT : CANDIDATE_DELIMITERS[best];
            LOG.debug("{}: detected delimiter '{}'", file, printable(chosen));
            return chosen;
        }
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    // ---------------------------------------------------------------- numbers

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /**
     * The float32 nearest to the decimal number in {@code a[s..e)} (surrounding spaces allowed), or NaN
     * when the text is not a decimal number or an infinity. The result equals {@link Float#parseFloat}.
     *
     * <p>Numbers take Clinger's fast path: a mantissa below 2^53 times or divided by an exact power of
     * ten up to 10^22 is one correctly rounded double operation. Rounding that double to float is then
     * exact unless the double sits exactly on a midpoint between two floats (the true value and its
     * double rounding lie on the same side of every midpoint otherwise). Longer mantissas are cut to 15
     * digits m; the value lies in [m, m+1)·10^e, and when both ends round to the same float so does the
     * value, rounding being monotone. Midpoints, disagreeing ends and large exponents go to
     * {@link Float#parseFloat}.
     */
    static float parseNumber(char[] a, int s, int e) {
        while (s < e && (a[s] == ' ' || a[s] == '\t')) {
            s++;
        }
        while (e > s && (a[e - 1] == ' ' || a[e - 1] == '\t')) {
            e--;
        }
        if (s == e) {
            return Float.NaN;
        }
        int i = s;
        boolean negative = false;
        if (a[i] == '+' || a[i] == '-') {
            negative = a[i] == '-';
            i++;
        }
        if (i < e && (a[i] == 'i' || a[i] == 'I')) {
            return isInfinity(a, i, e) ? (negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY) : Float.NaN;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int exp10 = 0;
        boolean truncated = false; // a nonzero digit beyond the first 15 significant ones was dropped
        while (i < e && a[i] >= '0' && a[i] <= '9') {
            if (mantissa != 0 || a[i] != '0') {
                if (significant < 15) {
                    mantissa = mantissa * 10 + (a[i] - '0');
                } else {
                    exp10++;
                    truncated |= a[i] != '0';
                }
                significant++;
            }
            digits++;
            i++;
        }
        if (i < e && a[i] == '.') {
            i++;
            while (i < e && a[i] >= '0' && a[i] <= '9') {
                if (mantissa != 0 || a[i] != '0') {
                    if (significant < 15) {
                        mantissa = mantissa * 10 + (a[i] - '0');
                        exp10--;
                    } else {
                        truncated |= a[i] != '0';
                    }
                    significant++;
                } else {
                    exp10--;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        if (i < e && (a[i] == 'e' || a[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < e && (a[i] == '+' || a[i] == '-')) {
                expNegative = a[i] == '-';
                i++;
            }
            int expStart = i;
            int x = 0;
            while (i < e && a[i] >= '0' && a[i] <= '9') {
                if (x < 100_000) {
                    x = x * 10 + (a[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return Float.NaN;
            }
            exp10 += expNegative ? -x : x;
        }
        if (i != e) {
            return Float.NaN;
        }
        if (mantissa == 0) {
            return negative ? -0f : 0f; // only zeros can give a zero mantissa: the first digit kept is nonzero
        }
        if (exp10 >= -22 && exp10 <= 22) {
            float f = fastFloat(mantissa, exp10);
            if (truncated && f == f) {
                // the value lies in [m, m+1) * 10^e: when both ends round to the same float, so does it
                float g = fastFloat(mantissa + 1, exp10);
                f = g == f ? f : Float.NaN;
            }
            if (f == f) {
                return negative ? -f : f;
            }
        }
        return Float.parseFloat(new String(a, s, e - s));
    }

    /**
     * m * 10^e rounded to float via one correctly rounded double operation (m below 2^53, |e| <= 22),
     * or NaN when the double is a float midpoint and double rounding could differ from direct rounding.
     */
    private static float fastFloat(long m, int exp10) {
        double d = exp10 >= 0 ? m * POW10[exp10] : m / POW10[-exp10];
        // the low 29 bits of a double's mantissa are what float rounding drops: 1 followed by zeros is a tie
        return (Double.doubleToRawLongBits(d) & 0x1FFF_FFFFL) == 0x1000_0000L ? Float.NaN : (float) d;
    }

    private static boolean isInfinity(char[] a, int i, int e) {
        String t = new String(a, i, e - i).toLowerCase(java.util.Locale.ROOT);
        return t.equals("inf") || t.equals("infinity");
    }
}
