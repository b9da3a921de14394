package io.argus.timeseries.prep;

import io.argus.core.data.Series;
import io.argus.core.io.DataFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of a series as a reader found them, before cleaning: timestamps possibly unsorted or repeated,
 * values possibly NaN, each row with the file line it came from. {@link #clean} applies a
 * {@link CleaningPolicy} and builds the {@link Series} (plus the per-step training flags, when the file
 * had them).
 *
 * <p>Time O(n log n) (the sort), memory O(n·C).
 */
public final class RawSeries {

    private static final Logger LOG = LoggerFactory.getLogger(RawSeries.class);

    private final String file;
    private final int channels;
    private final List<String> names;
    private final long[] timestamps;
    private final double[] values;
    private final int[] labels;
    private final int[] train;
    private final long[] lines;

    /**
     * @param file the file name, for messages
     * @param channels number of value columns
     * @param names channel names (size {@code channels})
     * @param timestamps one per row (epoch ms), or null when the file has none
     * @param values row-major, n × channels, NaN for missing
     * @param labels one 0/1 per row, or null
     * @param train one 0/1 per row (1 = training part), or null
     * @param lines the 1-based file line of each row
     */
    public RawSeries(String file, int channels, List<String> names, long[] timestamps, double[] values, int[] labels, int[] train, long[] lines) {
        this.file = file;
        this.channels = channels;
        this.names = List.copyOf(names);
        this.timestamps = timestamps;
        this.values = values;
        this.labels = labels;
        this.train = train;
        this.lines = lines;
        int n = lines.length;
        if (values.length != (long) n * channels || (timestamps != null && timestamps.length != n) || (labels != null && labels.length != n)
                || (train != null && train.length != n) || names.size() != channels) {
            throw new IllegalArgumentException(file + ": inconsistent raw series shapes");
        }
    }

    /** Number of rows. */
    public int rows() {
        return lines.length;
    }

    /**
     * A cleaned series and the training flags that came with it.
     *
     * @param series the series (labels included when the file had them)
     * @param train per-step 1 = training part, or null when the file did not say
     * @param sortedRows rows moved by sorting
     * @param droppedDuplicates rows removed or merged as duplicates
     * @param insertedSteps steps inserted into gaps
     * @param imputedValues values filled by the missing-value policy
     */
    public record Cleaned(Series series, int[] train, int sortedRows, int droppedDuplicates, int insertedSteps, int imputedValues) {
    }

    /**
     * Applies the policy and builds the series.
     *
     * @throws DataFormatException naming the file and line of the first defect the policy rejects
     */
    public Cleaned clean(CleaningPolicy policy) {
        int n = rows();
        if (n == 0) {
            throw new DataFormatException(file, "no data rows");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int moved = 0;
        if (timestamps != null) {
            for (int i = 1; i < n; i++) {
                if (timestamps[i] < timestamps[i - 1]) {
                    if (policy.order() == CleaningPolicy.Order.REJECT) {
                        throw new DataFormatException(file, lines[i], "timestamp " + timestamps[i] + " is earlier than the previous row's "
                                + timestamps[i - 1] + "; rows must be in time order (or choose the policy order=SORT)");
                    }
                }
            }
            Arrays.sort(order, Comparator.comparingLong(i -> timestamps[i]));
            for (int i = 0; i < n; i++) {
                if (order[i] != i) {
                    moved++;
                }
            }
        }
        // Merge duplicates.
        List<int[]> groups = new ArrayList<>();
        int dropped = 0;
        for (int k = 0; k < n; ) {
            int e = k + 1;
            while (timestamps != null && e < n && timestamps[order[e]] == timestamps[order[k]]) {
                e++;
            }
            if (e - k > 1) {
                if (policy.duplicates() == CleaningPolicy.Duplicates.REJECT) {
                    int row = order[k + 1];
                    throw new DataFormatException(file, lines[row], "duplicate timestamp " + timestamps[row]
                            + " (also on line " + lines[order[k]] + "); choose a duplicates policy (KEEP_FIRST, KEEP_LAST, MEAN)");
                }
                dropped += e - k - 1;
            }
            int[] g = new int[e - k];
            for (int q = k; q < e; q++) {
                g[q - k] = order[q];
            }
            groups.add(g);
            k = e;
        }
        int m = groups.size();
        double[] v = new double[m * channels];
        long[] ts = timestamps == null ? null : new long[m];
        int[] lab = labels == null ? null : new int[m];
        int[] tr = train == null ? null : new int[m];
        long[] ln = new long[m];
        for (int s = 0; s < m; s++) {
            int[] g = groups.get(s);
            int pick = policy.duplicates() == CleaningPolicy.Duplicates.KEEP_FIRST ? g[0] : g[g.length - 1];
            ln[s] = lines[pick];
            if (ts != null) {
                ts[s] = timestamps[pick];
            }
            for (int c = 0; c < channels; c++) {
                if (g.length > 1 && policy.duplicates() == CleaningPolicy.Duplicates.MEAN) {
                    double sum = 0;
                    int cnt = 0;
                    for (int r : g) {
                        double x = values[r * channels + c];
                        if (Double.isFinite(x)) {
                            sum += x;
                            cnt++;
                        }
                    }
                    v[s * channels + c] = cnt == 0 ? Double.NaN : sum / cnt;
                } else {
                    v[s * channels + c] = values[pick * channels + c];
                }
            }
            if (lab != null) {
                int any = 0;
                for (int r : g) {
                    any |= policy.duplicates() == CleaningPolicy.Duplicates.MEAN ? labels[r] : 0;
                }
                lab[s] = policy.duplicates() == CleaningPolicy.Duplicates.MEAN ? any : labels[pick];
            }
            if (tr != null) {
                tr[s] = train[pick];
            }
        }
        // Gaps.
        int inserted = 0;
        if (ts != null && m > 2 && policy.gaps() != CleaningPolicy.Gaps.IGNORE) {
            long[] diffs = new long[m - 1];
            for (int i = 1; i < m; i++) {
                diffs[i - 1] = ts[i] - ts[i - 1];
            }
            long[] sortedDiffs = diffs.clone();
            Arrays.sort(sortedDiffs);
            long step = sortedDiffs[sortedDiffs.length / 2];
            int[] missingAfter = new int[m];
            for (int i = 1; i < m; i++) {
                if (diffs[i - 1] > 1.5 * step) {
                    int k = (int) Math.round((double) diffs[i - 1] / step) - 1;
                    if (policy.gaps() == CleaningPolicy.Gaps.REJECT) {
                        throw new DataFormatException(file, ln[i], "gap of " + k + " missing step(s) before this row (sampling interval "
                                + step + " ms, found " + diffs[i - 1] + " ms); choose the policy gaps=FILL or gaps=IGNORE");
                    }
                    missingAfter[i - 1] = k;
                    inserted += k;
                }
            }
            if (inserted > 0) {
                int total = m + inserted;
                double[] v2 = new double[total * channels];
                long[] ts2 = new long[total];
                int[] lab2 = lab == null ? null : new int[total];
                int[] tr2 = tr == null ? null : new int[total];
                long[] ln2 = new long[total];
                int o = 0;
                for (int i = 0; i < m; i++) {
                    System.arraycopy(v, i * channels, v2, o * channels, channels);
                    ts2[o] = ts[i];
                    ln2[o] = ln[i];
                    if (lab2 != null) {
                        lab2[o] = lab[i];
                    }
                    if (tr2 != null) {
                        tr2[o] = tr[i];
                    }
                    o++;
                    for (int k = 1; k <= missingAfter[i]; k++) {
                        Arrays.fill(v2, o * channels, (o + 1) * channels, Double.NaN);
                        ts2[o] = ts[i] + k * (ts[i + 1] - ts[i]) / (missingAfter[i] + 1);
                        ln2[o] = ln[i + 1];
                        if (tr2 != null) {
                            tr2[o] = tr[i] & tr[i + 1];
                        }
                        o++;
                    }
                }
                v = v2;
                ts = ts2;
                lab = lab2;
                tr = tr2;
                ln = ln2;
                m = total;
            }
        }
        int imputed = impute(v, m, ln, policy.missing());
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
            if (!Float.isFinite(f[i])) {
                throw new DataFormatException(file, ln[i / channels], "value of column " + names.get(i % channels) + " is " + v[i]
                        + " after conversion to float32; values must lie within ±3.4e38");
            }
        }
        if (moved + dropped + inserted + imputed > 0) {
            LOG.debug("{}: sorted {} rows, merged {} duplicates, inserted {} steps, imputed {} values", file, moved, dropped, inserted, imputed);
        }
        Series series = Series.of(m, channels, f, ts, names, lab, file);
        return new Cleaned(series, tr, moved, dropped, inserted, imputed);
    }

    private int impute(double[] v, int m, long[] ln, CleaningPolicy.Missing rule) {
        int count = 0;
        for (int c = 0; c < channels; c++) {
            int firstValid = -1;
            for (int t = 0; t < m; t++) {
                if (Double.isFinite(v[t * channels + c])) {
                    firstValid = t;
                    break;
                }
            }
            for (int t = 0; t < m; t++) {
                if (Double.isFinite(v[t * channels + c])) {
                    continue;
                }
                if (rule == CleaningPolicy.Missing.REJECT) {
                    throw new DataFormatException(file, ln[t], "missing or non-finite value in column " + names.get(c)
                            + "; choose a missing-value policy (LINEAR, FORWARD_FILL, ZERO)");
                }
                if (firstValid < 0 && rule != CleaningPolicy.Missing.ZERO) {
                    throw new DataFormatException(file, "column " + names.get(c) + " has no valid value to impute from");
                }
                count++;
                double fill;
                if (rule == CleaningPolicy.Missing.ZERO) {
                    fill = 0;
                } else if (t < firstValid) {
                    fill = v[firstValid * channels + c];
                } else if (rule == CleaningPolicy.Missing.FORWARD_FILL) {
                    fill = v[(t - 1) * channels + c];
                } else {
                    int next = t + 1;
                    while (next < m && !Double.isFinite(v[next * channels + c])) {
                        next++;
                    }
                    double prev = v[(t - 1) * channels + c];
                    if (next == m) {
                        fill = prev;
                    } else {
                        double nv = v[next * channels + c];
                        // previous step t-1 is valid or already imputed on the same line, so interpolate from it
                        fill = prev + (nv - prev) / (next - t + 1);
                    }
                }
                v[t * channels + c] = fill;
            }
        }
        return count;
    }
}
