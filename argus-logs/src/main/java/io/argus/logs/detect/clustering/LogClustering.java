package io.argus.logs.detect.clustering;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.logs.detect.CountFeatures;
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.detect.Explanations;
import io.argus.logs.session.EventSessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * LogClustering: clusters the weighted event-count vectors of normal sessions and flags a session whose
 * cosine distance to the nearest cluster centre exceeds a threshold.
 *
 * <p>Lin, Zhang, Lou, Zhang, Chen, "Log Clustering based Problem Identification for Online Service
 * Systems", ICSE-SEIP 2016; as loglizer's {@code models/LogClustering.py} in its default online mode: the
 * first {@code bootstrap} training sessions are clustered by complete-linkage agglomerative clustering cut
 * at {@code maxDistance} (scipy's {@code fcluster(linkage(pdist, 'complete'), t, 'distance')}, computed
 * here with the nearest-neighbour chain, exact for complete linkage); each cluster is represented by its
 * mean; every later training session joins the nearest centre within {@code maxDistance} (updating its
 * running mean) or founds a new cluster. Distance: 1 − x·y / (‖x‖‖y‖ + 1e-8), zero below 1e-8. Lin et
 * al.'s contrast-based event weighting is not in loglizer and not here (features are tf-idf).
 *
 * <p>Score: the distance to the nearest centre, higher = more anomalous; anomalous above
 * {@code anomalyThreshold} ({@link Trained#threshold()}). Explanation: the events whose weight differs
 * most from the nearest centre. Deterministic for a given training order. Time: fit O(b² m) for b
 * bootstrap sessions plus O(n c m) online, score O(c m) per session with c clusters; memory O(b²).
 */
public final class LogClustering implements Detector<EventSessions> {

    private final LogClusteringParams params;

    /** A detector with these parameters. */
    public LogClustering(LogClusteringParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    static double distance(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        double d = 1 - dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-8);
        return d < 1e-8 ? 0 : d;
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        CountFeatures f = CountFeatures.fit(train, CountFeatures.Weighting.TFIDF, CountFeatures.Normalization.NONE, params.oov());
        double[][] x = f.transform(train);
        int b = Math.min(params.bootstrap(), x.length);
        int[] label = completeLinkage(x, b, params.maxDistance(), ctx);
        List<double[]> reps = new ArrayList<>();
        List<long[]> sizes = new ArrayList<>();
        int clusters = 0;
        for (int l : label) {
            clusters = Math.max(clusters, l + 1);
        }
        for (int c = 0; c < clusters; c++) {
            reps.add(new double[f.width()]);
            sizes.add(new long[1]);
        }
        for (int i = 0; i < b; i++) {
            double[] r = reps.get(label[i]);
            for (int j = 0; j < r.length; j++) {
                r[j] += x[i][j];
            }
            sizes.get(label[i])[0]++;
        }
        for (int c = 0; c < clusters; c++) {
            double[] r = reps.get(c);
            for (int j = 0; j < r.length; j++) {
                r[j] /= sizes.get(c)[0];
            }
        }
        for (int i = b; i < x.length; i++) {
            int best = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int c = 0; c < reps.size(); c++) {
                double d = distance(x[i], reps.get(c));
                if (d < 1e-8) {
                    best = c;
                    min = 0;
                    break;
                } else if (d < min) {
                    min = d;
                    best = c;
                }
            }
            if (best >= 0 && min <= params.maxDistance()) {
                long s = ++sizes.get(best)[0];
                double[] r = reps.get(best);
                for (int j = 0; j < r.length; j++) {
                    r[j] += (x[i][j] - r[j]) / s;
                }
            } else {
                reps.add(x[i].clone());
                sizes.add(new long[] {1});
            }
        }
        double[][] centres = reps.toArray(new double[0][]);
        long[] counts = sizes.stream().mapToLong(a -> a[0]).toArray();
        return new Trained(f, centres, counts, params.anomalyThreshold());
    }

    /**
     * Flat clusters of the first {@code b} rows: complete linkage cut at {@code t} (merges at height ≤ t),
     * labelled 0.. in order of each cluster's first row. Nearest-neighbour chain: O(b²) time and memory.
     */
    static int[] completeLinkage(double[][] x, int b, double t, Context ctx) {
        double[] d = new double[b * b];
        ctx.parallelFor(b, 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < b; j++) {
                    d[i * b + j] = i == j ? 0 : distance(x[i], x[j]);
                }
            }
        });
        int[] parent = new int[b];
        for (int i = 0; i < b; i++) {
            parent[i] = i;
        }
        boolean[] active = new boolean[b];
        Arrays.fill(active, true);
        int remaining = b;
        int[] chain = new int[b];
        int top = 0;
        while (remaining > 1) {
            if (top == 0) {
                for (int i = 0; i < b; i++) {
                    if (active[i]) {
                        chain[top++] = i;
                        break;
                    }
                }
            }
            int a = chain[top - 1];
            int prev = top >= 2 ? chain[top - 2] : -1;
            int nn = -1;
            double best = Double.POSITIVE_INFINITY;
            if (prev >= 0) {
                nn = prev;
                best = d[a * b + prev];
            }
            for (int k = 0; k < b; k++) {
                if (active[k] && k != a && d[a * b + k] < best) {
                    best = d[a * b + k];
                    nn = k;
                }
            }
            if (nn == prev) {
                top -= 2;
                // merge prev into a: complete linkage keeps the larger distance
                for (int k = 0; k < b; k++) {
                    if (active[k] && k != a && k != prev) {
                        double v = Math.max(d[a * b + k], d[prev * b + k]);
                        d[a * b + k] = v;
                        d[k * b + a] = v;
                    }
                }
                active[prev] = false;
                // The chain finds merges out of height order, but complete linkage is monotone: a cluster
                // formed above t only ever merges above t, so cutting at t keeps exactly the merges <= t.
                if (best <= t) {
                    union(parent, a, prev);
                }
                remaining--;
            } else {
                chain[top++] = nn;
            }
        }
        int[] label = new int[b];
        int[] rootLabel = new int[b];
        Arrays.fill(rootLabel, -1);
        int next = 0;
        for (int i = 0; i < b; i++) {
            int r = find(parent, i);
            if (rootLabel[r] < 0) {
                rootLabel[r] = next++;
            }
            label[i] = rootLabel[r];
        }
        return label;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[rb] = ra;
        }
    }

    /** Fitted cluster centres. Immutable. */
    public static final class Trained implements Model<EventSessions>, ExplainsSessions, IntrinsicThreshold {
        private final CountFeatures features;
        private final double[][] centres;
        private final long[] sizes;
        private final double anomalyThreshold;

        Trained(CountFeatures features, double[][] centres, long[] sizes, double anomalyThreshold) {
            this.features = features;
            this.centres = centres;
            this.sizes = sizes;
            this.anomalyThreshold = anomalyThreshold;
        }

        /** Number of clusters. */
        public int clusters() {
            return centres.length;
        }

        private int nearest(double[] x, double[] dist) {
            int best = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = distance(x, centres[c]);
                if (d < 1e-8) {
                    dist[0] = 0;
                    return c;
                } else if (d < min) {
                    min = d;
                    best = c;
                }
            }
            dist[0] = min;
            return best;
        }

        @Override
        public double threshold() {
            return Math.nextUp(anomalyThreshold);
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            double[][] x = features.transform(data);
            double[] out = new double[x.length];
            ctx.parallelFor(x.length, 256, (from, to) -> {
                double[] dist = new double[1];
                for (int i = from; i < to; i++) {
                    nearest(x[i], dist);
                    out[i] = dist[0];
                }
            });
            return Scores.of(out);
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            EventSessions one = data.select(new int[] {i});
            double[] x = features.transform(one)[0];
            double[] raw = features.rawCounts(one)[0];
            double[] dist = new double[1];
            int c = nearest(x, dist);
            double[] w = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                w[j] = Math.abs(x[j] - centres[c][j]);
            }
            return Explanations.top(w, limit, features::columnName, j -> String.format(Locale.ROOT,
                    "%.0f occurrence(s), weight %.3g where the nearest normal cluster (#%d of %d sessions) has %.3g; distance %.3f > %.3f",
                    raw[j], x[j], c, sizes[c], centres[c][j], dist[0], anomalyThreshold));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>(features.state("features."));
            int m = features.width();
            double[] flat = new double[centres.length * m];
            for (int c = 0; c < centres.length; c++) {
                System.arraycopy(centres[c], 0, flat, c * m, m);
            }
            s.put("centres", Tensor.f64(flat, centres.length, m));
            s.put("sizes", Tensor.i64(sizes));
            s.put("threshold", Tensor.f64(new double[] {anomalyThreshold}));
            return s;
        }

        /** Rebuilds a model from {@link #state()}. */
        public static Trained restore(Map<String, Tensor> state) {
            CountFeatures f = CountFeatures.restore(state, "features.");
            long[] shape = StateTensors.shape(state, "centres", 2);
            if (shape[1] != f.width() || shape[0] < 1 || shape[0] * shape[1] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("model state tensor 'centres' has shape [" + shape[0] + ", " + shape[1] + "], expected [c >= 1, "
                        + f.width() + "]");
            }
            int c = (int) shape[0];
            int m = (int) shape[1];
            double[] flat = StateTensors.doubles(state, "centres", c * m);
            double[][] centres = new double[c][];
            for (int k = 0; k < c; k++) {
                centres[k] = Arrays.copyOfRange(flat, k * m, (k + 1) * m);
            }
            Tensor sz = StateTensors.require(state, "sizes", Tensor.DType.I64);
            if (sz.length() != c) {
                throw new IllegalArgumentException("model state tensor 'sizes' has " + sz.length() + " elements, expected " + c);
            }
            double t = StateTensors.doubles(state, "threshold", 1)[0];
            return new Trained(f, centres, sz.longs(), t);
        }
    }
}
