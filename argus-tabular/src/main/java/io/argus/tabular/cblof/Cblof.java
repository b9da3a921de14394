package io.argus.tabular.cblof;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.cluster.KMeans;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cluster-Based Local Outlier Factor: rows are clustered with k-means; clusters are split into large
 * and small ones; a row of a large cluster scores its distance to its own centre, a row of a small
 * cluster its distance to the nearest large centre.
 *
 * <p>He, Xu, Deng, "Discovering cluster-based local outliers", Pattern Recognition Letters 24(9–10),
 * 2003, as PyOD implements it (the reference implementation ADBench uses). Clusters are sorted by size
 * |C₁| ≥ … ≥ |C_k| (ties by index); a boundary b (large = C₁..C_b) qualifies by the paper's two rules,
 * (a) |C₁| + … + |C_b| ≥ alpha · n and (b) |C_b| / |C_{b+1}| ≥ beta; the smallest b satisfying both is
 * taken, else the smallest satisfying (a), else the smallest satisfying (b). When no b in 1..k−1
 * qualifies, PyOD raises an error; here every cluster counts as large (each row scores the distance to its
 * own centre), so that a benchmark over many data sets completes. The paper multiplies each score by
 * the size of the row's cluster; PyOD's default, followed here, does not ({@code useWeights}).
 * New rows are assigned to their nearest centre and scored the same way. Higher is more anomalous; the
 * score is a Euclidean distance in the data's units (times a cluster size when weighted).
 *
 * <p>Clustering is {@link KMeans} with k-means++ seeding ({@code restarts} seeded restarts, scikit-learn's
 * iteration limit and tolerance), so scores depend on the seed.
 *
 * <p>Time: fit O(restarts · iterations · n · k · d), score O(n · k · d). Memory: O(n + k · d).
 */
public final class Cblof implements Detector<Table> {

    private final CblofParams params;

    /** A detector with the given parameters. */
    public Cblof(CblofParams params) {
        this.params = params;
    }

    /** The parameters. */
    public CblofParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        int k = params.clusters();
        if (n < 2) {
            throw new IllegalArgumentException("CBLOF needs at least 2 training rows, got " + n);
        }
        if (n < k) {
            throw new IllegalArgumentException("parameter clusters = " + k + " is too large for " + n + " training rows; allowed: [2, "
                    + Math.max(2, n) + "]");
        }
        KMeans kmeans = new KMeans(k, params.restarts(), KMeans.MAX_ITER_DEFAULT, KMeans.TOL_DEFAULT, 2 + (int) Math.log(k));
        ctx.progress().start("cblof: k-means with " + k + " clusters", -1);
        KMeans.Clustering c = kmeans.fit(train, ctx);
        ctx.progress().done();
        return new CblofModel(c.centers(), c.sizes(), largeClusters(c.sizes(), n, params.alpha(), params.beta()), train.cols(),
                params.useWeights());
    }

    /** The model for given centres, with labels and sizes from assigning every training row to its nearest centre. */
    static CblofModel fromCenters(Table train, double[] centers, CblofParams params) {
        int k = centers.length / train.cols();
        int[] sizes = new int[k];
        for (int i = 0; i < train.rows(); i++) {
            sizes[KMeans.nearest(train.values(), i, train.cols(), centers, k)]++;
        }
        return new CblofModel(centers.clone(), sizes, largeClusters(sizes, train.rows(), params.alpha(), params.beta()), train.cols(),
                params.useWeights());
    }

    /** Which clusters are large (1) or small (0), by the alpha/beta rules described on the class. */
    static int[] largeClusters(int[] sizes, int n, double alpha, double beta) {
        int k = sizes.length;
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
        int firstAlpha = -1;
        int firstBeta = -1;
        int firstBoth = -1;
        long sum = 0;
        for (int b = 1; b < k; b++) {
            sum += sizes[order[b - 1]];
            boolean a = sum >= n * alpha;
            // Double division as in PyOD: x / 0 = inf passes, 0 / 0 = NaN does not.
            boolean r = (double) sizes[order[b - 1]] / sizes[order[b]] >= beta;
            if (a && firstAlpha < 0) {
                firstAlpha = b;
            }
            if (r && firstBeta < 0) {
                firstBeta = b;
            }
            if (a && r && firstBoth < 0) {
                firstBoth = b;
            }
        }
        int boundary = firstBoth > 0 ? firstBoth : firstAlpha > 0 ? firstAlpha : firstBeta > 0 ? firstBeta : k;
        int[] large = new int[k];
        for (int i = 0; i < boundary; i++) {
            large[order[i]] = 1;
        }
        return large;
    }

    /** A fitted CBLOF model: the centres, the training size of each cluster and which clusters are large. */
    static final class CblofModel implements Model<Table> {
        private final double[] centers;
        private final int[] sizes;
        private final int[] large;
        private final int cols;
        private final boolean useWeights;

        CblofModel(double[] centers, int[] sizes, int[] large, int cols, boolean useWeights) {
            this.centers = centers;
            this.sizes = sizes;
            this.large = large;
            this.cols = cols;
            this.useWeights = useWeights;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(cols);
            int n = data.rows();
            int d = cols;
            int k = sizes.length;
            float[] v = data.values();
            double[] out = new double[n];
            ctx.parallelFor(n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int c = KMeans.nearest(v, i, d, centers, k);
                    double dist;
                    if (large[c] == 1) {
                        dist = KMeans.squaredDistance(v, i * d, centers, c * d, d);
                    } else {
                        dist = Double.POSITIVE_INFINITY;
                        for (int o = 0; o < k; o++) {
                            if (large[o] == 1) {
                                dist = Math.min(dist, KMeans.squaredDistance(v, i * d, centers, o * d, d));
                            }
                        }
                    }
                    double s = Math.sqrt(dist);
                    out[i] = useWeights ? s * sizes[c] : s;
                }
            });
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("centers", Tensor.f64(centers, sizes.length, cols));
            s.put("sizes", Tensor.i32(sizes));
            s.put("large", Tensor.i32(large));
            return s;
        }

        /** Rebuilds a model from {@link #state()}, checking shapes and that at least one cluster is large. */
        static CblofModel restore(CblofParams params, Map<String, Tensor> s) {
            long[] shape = StateTensors.shape(s, "centers", 2);
            if (shape[0] < 1 || shape[1] < 1) {
                throw new IllegalArgumentException("tensor 'centers' has shape " + Arrays.toString(shape) + "; expected [k >= 1, d >= 1]");
            }
            int k = (int) shape[0];
            double[] centers = StateTensors.doubles(s, "centers");
            int[] sizes = StateTensors.ints(s, "sizes", k);
            int[] large = StateTensors.ints(s, "large", k);
            boolean any = false;
            for (int c = 0; c < k; c++) {
                if (large[c] != 0 && large[c] != 1) {
                    throw new IllegalArgumentException("tensor 'large' holds " + large[c] + " at " + c + "; expected 0 or 1");
                }
                any |= large[c] == 1;
            }
            if (!any) {
                throw new IllegalArgumentException("tensor 'large' marks no cluster as large");
            }
            return new CblofModel(centers, sizes, large, (int) shape[1], params.useWeights());
        }
    }
}
