package io.argus.logs.detect;

import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.logs.session.EventSessions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-count vectors of sessions, weighted and normalised as loglizer's {@code FeatureExtractor}
 * ({@code loglizer/preprocessing.py}): one column per event seen in the training sessions, counts per
 * session, then optionally tf-idf weighting (idf = log(n / (df + 1e-8)) over the n training sessions) and
 * zero-mean or sigmoid normalisation with the training statistics.
 *
 * <p>Events unseen in training: loglizer drops them by default ({@code oov=False}) or counts, in one extra
 * column, how many distinct unseen events a session has ({@code oov=True}). Argus' log detectors default
 * to {@code oov=true}: a model fitted on normal data should not be blind to events it has never seen. The
 * extra column is zero on the training data, so tf-idf gives it the weight log(n / 1e-8).
 *
 * <p>Events are matched by name, so a test vocabulary may order or extend the training one. Immutable.
 */
public final class CountFeatures {

    /** Term weighting. */
    public enum Weighting {
        /** Raw counts. */
        NONE,
        /** Counts times idf. */
        TFIDF
    }

    /** Column normalisation. */
    public enum Normalization {
        /** None. */
        NONE,
        /** Subtract the training mean of each column. */
        ZERO_MEAN,
        /** Non-zero values x become 1 / (1 + e^−x). */
        SIGMOID
    }

    private final List<String> events;
    private final Map<String, Integer> column;
    private final boolean oov;
    private final Weighting weighting;
    private final Normalization normalization;
    private final double[] idf;
    private final double[] mean;

    private CountFeatures(List<String> events, boolean oov, Weighting weighting, Normalization normalization, double[] idf, double[] mean) {
        this.events = List.copyOf(events);
        this.column = new HashMap<>();
        for (int j = 0; j < events.size(); j++) {
            column.put(events.get(j), j);
        }
        this.oov = oov;
        this.weighting = weighting;
        this.normalization = normalization;
        this.idf = idf;
        this.mean = mean;
    }

    /**
     * Fits the columns and statistics on training sessions.
     *
     * @throws IllegalArgumentException when there are no training sessions
     */
    public static CountFeatures fit(EventSessions train, Weighting weighting, Normalization normalization, boolean oov) {
        int n = train.size();
        if (n < 1) {
            throw new IllegalArgumentException("count features need at least 1 training session, got 0");
        }
        boolean[] seen = new boolean[train.vocabulary().size()];
        for (int i = 0; i < n; i++) {
            for (int e : train.events(i)) {
                seen[e] = true;
            }
        }
        List<String> events = new ArrayList<>();
        for (int e = 0; e < seen.length; e++) {
            if (seen[e]) {
                events.add(train.vocabulary().get(e));
            }
        }
        CountFeatures raw = new CountFeatures(events, oov, Weighting.NONE, Normalization.NONE, null, null);
        double[][] x = raw.rawCounts(train);
        int m = raw.width();
        double[] idf = null;
        if (weighting == Weighting.TFIDF) {
            idf = new double[m];
            for (int j = 0; j < m; j++) {
                int df = 0;
                for (double[] row : x) {
                    if (row[j] > 0) {
                        df++;
                    }
                }
                idf[j] = Math.log(n / (df + 1e-8));
            }
        }
        double[] mean = null;
        if (normalization == Normalization.ZERO_MEAN) {
            mean = new double[m];
            for (double[] row : x) {
                for (int j = 0; j < m; j++) {
                    mean[j] += idf == null ? row[j] : row[j] * idf[j];
                }
            }
            for (int j = 0; j < m; j++) {
                mean[j] /= n;
            }
        }
        return new CountFeatures(events, oov, weighting, normalization, idf, mean);
    }

    /** Number of feature columns (events seen in training, plus one when counting unseen events). */
    public int width() {
        return events.size() + (oov ? 1 : 0);
    }

    /** The name of column j: an event, or {@code <unseen events>}. */
    public String columnName(int j) {
        return j < events.size() ? events.get(j) : "<unseen events>";
    }

    /** The events of the columns, without the unseen-events column. */
    public List<String> events() {
        return events;
    }

    /** Whether the last column counts unseen events. */
    public boolean oov() {
        return oov;
    }

    /** Raw per-session counts over the columns (unseen: number of distinct unseen events). */
    public double[][] rawCounts(EventSessions data) {
        int m = width();
        int[] map = columnMap(data);
        double[][] x = new double[data.size()][m];
        for (int i = 0; i < data.size(); i++) {
            double[] row = x[i];
            boolean[] unseen = null;
            for (int e : data.events(i)) {
                int j = map[e];
                if (j >= 0) {
                    row[j]++;
                } else if (oov) {
                    if (unseen == null) {
                        unseen = new boolean[map.length];
                    }
                    if (!unseen[e]) {
                        unseen[e] = true;
                        row[m - 1]++;
                    }
                }
            }
        }
        return x;
    }

    /** Column of each vocabulary entry of {@code data}, -1 when unseen in training. */
    int[] columnMap(EventSessions data) {
        int[] map = new int[data.vocabulary().size()];
        for (int e = 0; e < map.length; e++) {
            map[e] = column.getOrDefault(data.vocabulary().get(e), -1);
        }
        return map;
    }

    /** The weighted and normalised features of every session, n × {@link #width()}. */
    public double[][] transform(EventSessions data) {
        double[][] x = rawCounts(data);
        int m = width();
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                double v = row[j];
                if (idf != null) {
                    v *= idf[j];
                }
                if (mean != null) {
                    v -= mean[j];
                }
                if (normalization == Normalization.SIGMOID && v != 0) {
                    v = 1 / (1 + Math.exp(-v));
                }
                row[j] = v;
            }
        }
        return x;
    }

    /** {@link #transform} as a float table with the event names as columns (labels carried over). */
    public Table table(EventSessions data) {
        double[][] x = transform(data);
        int m = width();
        float[] flat = new float[x.length * m];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m; j++) {
                flat[i * m + j] = (float) x[i][j];
            }
        }
        List<String> names = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            names.add(columnName(j));
        }
        return Table.of(x.length, m, flat, names, data.labels().orElse(null), "sessions");
    }

    /** The state as tensors (names as UTF-8 lines, flags, idf and mean), under {@code prefix}. */
    public Map<String, Tensor> state(String prefix) {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put(prefix + "events", Tensor.u8(String.join("\n", events).getBytes(StandardCharsets.UTF_8)));
        s.put(prefix + "options", Tensor.i32(new int[] {oov ? 1 : 0, weighting.ordinal(), normalization.ordinal(), events.size()}));
        if (idf != null) {
            s.put(prefix + "idf", Tensor.f64(idf));
        }
        if (mean != null) {
            s.put(prefix + "mean", Tensor.f64(mean));
        }
        return s;
    }

    /** Rebuilds from {@link #state(String)}. */
    public static CountFeatures restore(Map<String, Tensor> state, String prefix) {
        int[] opt = StateTensors.ints(state, prefix + "options", 4);
        if (opt[0] < 0 || opt[0] > 1 || opt[1] < 0 || opt[1] >= Weighting.values().length || opt[2] < 0 || opt[2] >= Normalization.values().length
                || opt[3] < 0) {
            throw new IllegalArgumentException("model state tensor '" + prefix + "options' holds invalid values " + Arrays.toString(opt));
        }
        byte[] names = StateTensors.require(state, prefix + "events", Tensor.DType.U8).bytes();
        List<String> events = opt[3] == 0 ? List.of() : List.of(new String(names, StandardCharsets.UTF_8).split("\n", -1));
        if (events.size() != opt[3]) {
            throw new IllegalArgumentException("model state tensor '" + prefix + "events' holds " + events.size() + " names, expected " + opt[3]);
        }
        boolean oov = opt[0] == 1;
        int m = events.size() + (oov ? 1 : 0);
        Weighting w = Weighting.values()[opt[1]];
        Normalization nz = Normalization.values()[opt[2]];
        double[] idf = w == Weighting.TFIDF ? StateTensors.doubles(state, prefix + "idf", m) : null;
        double[] mean = nz == Normalization.ZERO_MEAN ? StateTensors.doubles(state, prefix + "mean", m) : null;
        return new CountFeatures(events, oov, w, nz, idf, mean);
    }
}
