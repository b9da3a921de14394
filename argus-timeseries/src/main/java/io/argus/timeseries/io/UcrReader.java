package io.argus.timeseries.io;

import io.argus.core.data.Series;
import io.argus.core.data.Series.LabelRange;
import io.argus.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one series of the UCR Time Series Anomaly Archive (Wu and Keogh, "Current Time Series Anomaly
 * Detection Benchmarks are Flawed and are Creating the Illusion of Progress", IEEE TKDE 2021; KDD Cup
 * 2021): a text file of numbers separated by white space (one per line, or several on a line), named
 * {@code <id>_UCR_Anomaly_<name>_<trainEnd>_<anomalyStart>_<anomalyEnd>.txt}. Points 1..trainEnd
 * (1-based) are anomaly-free training data; the single anomaly is [anomalyStart, anomalyEnd], both
 * inclusive and 1-based. The series returned is 0-based: training steps 0..trainEnd−1 and the label
 * range [anomalyStart−1, anomalyEnd−1].
 *
 * <p>Time and memory O(n).
 */
public final class UcrReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_UCR_Anomaly_(.+)_(\\d+)_(\\d+)_(\\d+)\\.txt");

    private UcrReader() {
    }

    /**
     * One UCR series.
     *
     * @param id the archive number
     * @param name the series name
     * @param series the values with per-step labels (1 inside the anomaly)
     * @param trainEnd number of training steps (steps 0..trainEnd−1)
     * @param anomaly the labelled anomaly, 0-based, inclusive
     */
    public record UcrSeries(int id, String name, Series series, int trainEnd, LabelRange anomaly) {

        /** The training part, without labels. */
        public Series train() {
            return series.slice(0, trainEnd).withoutLabels();
        }
    }

    /** Whether a file name follows the archive's naming scheme. */
    public static boolean matches(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Reads a file of the archive.
     *
     * @throws DataFormatException when the name does not follow the scheme, a token is not a finite
     *         number (with its line), or the split or range does not fit the series
     */
    public static UcrSeries read(Path file) {
        String fname = file.getFileName().toString();
        Matcher mt = NAME.matcher(fname);
        if (!mt.matches()) {
            throw new DataFormatException(file.toString(),
                    "file name does not follow the UCR archive scheme <id>_UCR_Anomaly_<name>_<trainEnd>_<anomalyStart>_<anomalyEnd>.txt");
        }
        int id = Integer.parseInt(mt.group(1));
        String name = mt.group(2);
        int trainEnd = Integer.parseInt(mt.group(3));
        int start = Integer.parseInt(mt.group(4));
        int end = Integer.parseInt(mt.group(5));
        float[] values = new float[1024];
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                for (String tok : line.trim().split("[\\s,]+")) {
                    if (tok.isEmpty()) {
                        continue;
                    }
                    float v;
                    try {
                        v = Float.parseFloat(tok);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file.toString(), lineNo, "expected a number, found '" + tok + "'");
                    }
                    if (!Float.isFinite(v)) {
                        throw new DataFormatException(file.toString(), lineNo, "value " + tok + " is not finite");
                    }
                    if (n == values.length) {
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    values[n++] = v;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (trainEnd < 1 || trainEnd >= n) {
            throw new DataFormatException(file.toString(), "training end " + trainEnd + " from the file name must lie in [1, " + (n - 1)
                    + "] for a series of " + n + " values");
        }
        if (start < 1 || end < start || end > n) {
            throw new DataFormatException(file.toString(), "anomaly [" + start + ", " + end + "] from the file name must satisfy 1 <= start <= end <= "
                    + n);
        }
        LabelRange anomaly = new LabelRange(start - 1, end - 1);
        int[] labels = LabelRange.toLabels(java.util.List.of(anomaly), n);
        Series s = Series.of(n, 1, java.util.Arrays.copyOf(values, n), null, java.util.List.of("value"), labels, fname);
        return new UcrSeries(id, name, s, trainEnd, anomaly);
    }
}
