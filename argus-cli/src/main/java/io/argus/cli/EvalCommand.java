package io.argus.cli;

import io.argus.metrics.BinaryMetric;
import io.argus.metrics.BinaryMetrics;
import io.argus.core.io.NpyArray;
import io.argus.core.io.NpyReader;
import io.argus.metrics.pixel.AnomalyMap;
import io.argus.metrics.pixel.GroundTruthMask;
import io.argus.metrics.pixel.PixelMetrics;
import io.argus.metrics.series.SeriesMetric;
import io.argus.metrics.series.SeriesMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code argus eval}: metrics of a score file against a label file, for files made by anything. A file
 * is either one value per line, or a CSV (comma or tab) with a header row whose column is chosen by
 * name ({@code score} and {@code label} by default; a single-column CSV is used whatever its header), so
 * the {@code row,score,calibrated,flag} file of {@code argus score} and a labelled data CSV work as they
 * are. Prints one {@code name=value} line per metric, or one JSON object with {@code --json}.
 */
@Command(name = "eval", description = "Evaluate scores against labels; print one name=value line per metric (or JSON).")
final class EvalCommand implements Runnable {

    /** The kinds of evaluation: scores per unit, anomaly maps per image, or scores per time step. */
    enum Kind {
        BINARY, PIXEL, SERIES
    }

    static final String SCORE_COLUMN_DEFAULT = "score";
    static final String LABEL_COLUMN_DEFAULT = "label";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "scores: one per line, or a CSV with a header; for --kind pixel a .npy of maps [images, height, width]")
    Path scores;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "labels 0/1: one per line, or a CSV with a header; for --kind pixel a .npy of masks like the maps")
    Path labels;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "binary", description = "binary (default), pixel or series")
    Kind kind;

    @Option(names = "--metrics", paramLabel = "NAMES", split = ",", description = "metrics to print (default: all of the kind); "
            + "binary: auroc, ap, auprc_trapezoid, f1_max, precision_at_n, recall_at_fpr_<x>")
    List<String> metrics;

    @Option(names = "--json", description = "print one JSON object instead of name=value lines")
    boolean json;

    @Option(names = "--column", paramLabel = "NAME", description = "score column of a CSV scores file (default: score)")
    String column;

    @Option(names = "--label-column", paramLabel = "NAME", description = "label column of a CSV labels file (default: label)")
    String labelColumn;

    @Override
    public void run() {
        if (kind == Kind.PIXEL) {
            print(pixelMetrics());
            return;
        }
        double[] s = readColumn(scores, column, SCORE_COLUMN_DEFAULT, "--column", "score");
        double[] y = readColumn(labels, labelColumn, LABEL_COLUMN_DEFAULT, "--label-column", "label");
        if (s.length != y.length) {
            throw new IllegalArgumentException("length mismatch: " + s.length + " scores in " + scores + " but " + y.length + " labels in " + labels);
        }
        int[] yi = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException(labels + ": label #" + (i + 1) + " is " + y[i] + "; binary labels must be 0 or 1");
            }
            yi[i] = (int) y[i];
        }
        Map<String, Double> values = kind == Kind.SERIES ? seriesMetrics(s, yi) : binaryMetrics(s, yi);
        print(values);
    }

    private void print(Map<String, Double> values) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringBuilder sb = new StringBuilder("{");
            for (var e : values.entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            }
            out.println(sb.append('}'));
        } else {
            values.forEach((k, v) -> out.println(k + "=" + v));
        }
        out.flush();
    }

    private List<String> chosenNames() {
        List<String> names = new ArrayList<>();
        if (metrics != null) {
            for (String m : metrics) {
                String name = m.trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("--metrics: empty metric name in '" + String.join(",", metrics) + "'");
                }
                names.add(name);
            }
        }
        return names;
    }

    private Map<String, Double> binaryMetrics(double[] s, int[] y) {
        List<BinaryMetric> chosen = new ArrayList<>();
        List<String> names = chosenNames();
        if (names.isEmpty()) {
            chosen.addAll(BinaryMetrics.all());
        } else {
            names.forEach(n -> chosen.add(BinaryMetrics.byName(n)));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (BinaryMetric m : chosen) {
            if (m == BinaryMetrics.F1_MAX) {
                var f1 = BinaryMetrics.f1Max(s, y);
                values.put(m.name(), f1.f1());
                values.put(m.name() + "_threshold", f1.threshold());
            } else {
                values.put(m.name(), m.compute(s, y));
            }
        }
        return values;
    }

    /** Scores per step against 0/1 labels per step; thresholded metrics take the best of SeriesMetrics' thresholds. */
    private Map<String, Double> seriesMetrics(double[] s, int[] y) {
        List<SeriesMetric> chosen = new ArrayList<>();
        List<String> names = chosenNames();
        if (names.isEmpty()) {
            chosen.addAll(SeriesMetrics.all());
        } else {
            names.forEach(n -> chosen.add(SeriesMetrics.byName(n)));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (SeriesMetric m : chosen) {
            values.put(m.name(), m.compute(s, y));
        }
        return values;
    }

    /**
     * Anomaly maps against ground-truth masks: both .npy arrays of shape [images, height, width] (or one
     * [height, width] image), maps of any numeric dtype, masks 0/1 (any non-zero value is anomalous).
     */
    private Map<String, Double> pixelMetrics() {
        NpyArray mapArray = NpyReader.readAsFloat(scores);
        NpyArray maskArray = NpyReader.read(labels);
        int[] ms = imageShape(mapArray, scores);
        int[] ks = imageShape(maskArray, labels);
        if (!java.util.Arrays.equals(ms, ks)) {
            throw new IllegalArgumentException("shape mismatch: maps " + scores + " are " + java.util.Arrays.toString(ms)
                    + " but masks " + labels + " are " + java.util.Arrays.toString(ks) + " (images, height, width)");
        }
        int images = ms[0];
        int h = ms[1];
        int w = ms[2];
        float[] mapValues = mapArray.toFloatArray();
        List<AnomalyMap> maps = new ArrayList<>(images);
        List<GroundTruthMask> masks = new ArrayList<>(images);
        int px = h * w;
        for (int i = 0; i < images; i++) {
            maps.add(new AnomalyMap(w, h, java.util.Arrays.copyOfRange(mapValues, i * px, (i + 1) * px)));
            boolean[] m = new boolean[px];
            for (int p = 0; p < px; p++) {
                m[p] = maskArray.getDouble(i * px + p) != 0;
            }
            masks.add(new GroundTruthMask(w, h, m));
        }
        List<String> names = chosenNames();
        if (names.isEmpty()) {
            names = PixelMetrics.NAMES;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, PixelMetrics.compute(name, maps, masks));
        }
        return values;
    }

    private static int[] imageShape(NpyArray a, Path file) {
        int[] s = a.shape();
        if (s.length == 2) {
            return new int[] {1, s[0], s[1]};
        }
        if (s.length == 3) {
            return s.clone();
        }
        throw new IllegalArgumentException(file + ": expected an array of shape [images, height, width] or [height, width], found "
                + java.util.Arrays.toString(s));
    }

    /**
     * The values of one file: one number per line, or the named column of a CSV with a header. Blank
     * lines are skipped; NaN and infinite values are rejected with the file and line.
     */
    static double[] readColumn(Path file, String explicitColumn, String defaultColumn, String option, String what) {
        String wanted = explicitColumn == null ? defaultColumn : explicitColumn;
        double[] values = new double[1024];
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            int col = -1; // -1: one value per line
            char delimiter = ',';
            boolean first = true;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    delimiter = line.indexOf('\t') >= 0 ? '\t' : ',';
                    List<String> fields = split(line, delimiter);
                    if (fields.size() == 1 && isNumber(fields.get(0))) {
                        if (explicitColumn != null) {
                            throw new IllegalArgumentException(file + ": " + option + " " + explicitColumn
                                    + " given, but the file has no header row (one value per line)");
                        }
                    } else if (fields.stream().allMatch(EvalCommand::isNumber)) {
                        throw new IllegalArgumentException(file + ":1: " + fields.size() + " columns but no header row; "
                                + "a CSV needs a header naming its columns (e.g. " + defaultColumn + ")");
                    } else {
                        col = findColumn(fields, wanted, explicitColumn != null);
                        if (col < 0) {
                            throw new IllegalArgumentException(file + ": no column '" + wanted + "'; columns: " + String.join(", ", fields)
                                    + "; choose one with " + option);
                        }
                        continue;
                    }
                }
                String text;
                if (col < 0) {
                    text = line.trim();
                    if (text.indexOf(delimiter) >= 0 || (delimiter == ',' && text.indexOf('\t') >= 0)) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": several values on one line in a file of one value per line");
                    }
                } else {
                    List<String> fields = split(line, delimiter);
                    if (fields.size() <= col) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": " + fields.size() + " fields, but column '" + wanted
                                + "' is field " + (col + 1));
                    }
                    text = fields.get(col).trim();
                }
                double v = parse(text, file, lineNo, what);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = v;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no " + what + " values");
        }
        return Arrays.copyOf(values, n);
    }

    private static int findColumn(List<String> header, String wanted, boolean explicit) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equals(wanted)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return header.size() == 1 && !explicit ? 0 : -1;
    }

    private static double parse(String text, Path file, int lineNo, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": empty " + what + " value");
        }
        double v;
        try {
            // Double.parseDouble also takes Java suffixes ("1d"); reject anything but plain decimal numbers.
            char last = Character.toLowerCase(text.charAt(text.length() - 1));
            if (last == 'd' || last == 'f') {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("nan") || lower.matches("[+-]?inf(inity)?")) {
                v = Double.NaN;
            } else {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + what + " '" + text + "' is not a number");
            }
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": " + what + " is " + text + "; values must be finite numbers");
        }
        return v;
    }

    private static boolean isNumber(String field) {
        String t = field.trim();
        if (t.isEmpty()) {
            return false;
        }
        if (t.toLowerCase(Locale.ROOT).matches("nan|[+-]?inf(inity)?")) {
            return true; // a value (rejected later with its line), not a header
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits one CSV line; double-quoted fields may hold the delimiter and doubled quotes. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
