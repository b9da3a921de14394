package io.argus.tabular.cof;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.NeighborSearch;
import io.argus.core.neighbors.Neighbors;
import io.argus.tabular.knn.KnnDistance;
import io.argus.core.vector.VectorKernels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connectivity-based Outlier Factor: a row is anomalous when it is less well connected to its
 * neighbours than they are to theirs, which also catches outliers next to low-density patterns (points
 * strung along a line) where density-based LOF does not.
 *
 * <p>Tang, Chen, Fu, Cheung, "Enhancing Effectiveness of Outlier Detections for Low Density Patterns",
 * PAKDD 2002. With N_k(p) the k nearest neighbours of p and G = {p} ∪ N_k(p) (r = k + 1 points), the
 * set-based nearest path from p adds at each step the point of G not yet on the path that is nearest to
 * the set already on it, and its cost description e_1..e_k holds those nearest set distances. The
 * average chaining distance is ac-dist(p) = Σ_{i=1..k} 2(r − i) / (r(r − 1)) · e_i, and
 * COF_k(p) = ac-dist(p) / mean_{o ∈ N_k(p)} ac-dist(o). The score is COF itself: about 1 inside a
 * pattern, larger is more anomalous; it is invariant to translation and uniform scaling.
 *
 * <p>As in {@link io.argus.tabular.lof.LocalOutlierFactor}, neighbourhoods hold exactly k points (ties
 * at the k-distance cut by index), a training row is not its own neighbour, and ac-dist of a neighbour
 * o is always taken on o's own training neighbourhood. Distances along the path are recomputed in double
 * from the float32 rows, and ties on the path go to the nearer neighbour of p. Where every neighbour's
 * ac-dist is 0 (duplicates), COF is 1 when p's is 0 too, and ac-dist(p) / 1e-10 otherwise (LOF's
 * epsilon, so the score stays finite). PyOD's COF differs from the paper: it orders the path by
 * distance to p rather than to the set, so its values differ wherever the two orders do.
 *
 * <p>Neighbours are exact or approximate (HNSW) as the {@code neighbors} parameter says, see
 * {@link io.argus.core.neighbors.NeighborIndex}.
 *
 * <p>Time: one k-NN query (see {@link ExactKnn}), then O(n k² d) for the paths. Memory: O(n k) for
 * the neighbourhoods during fitting, O(n d) for the model.
 */
public final class ConnectivityOutlierFactor implements Detector<Table> {

    /** Stands in for a zero mean ac-dist of the neighbours, as LOF's epsilon does for a zero reachability distance. */
    static final double EPSILON = 1e-10;

    /** Rows per parallel block when computing paths. */
    private static final int BLOCK = 256;

    private final CofParams params;

    /** A detector with the given parameters. */
    public ConnectivityOutlierFactor(CofParams params) {
        this.params = params;
    }

    /** The parameters. */
    public CofParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        return fitScore(train, ctx).model();
    }

    @Override
    public Fit<Table> fitScore(Table train, Context ctx) {
        long t0 = System.nanoTime();
        int n = train.rows();
        KnnDistance.InSample in = KnnDistance.inSampleNeighbours("cof", train, params.k(), params.search(), ctx);
        NeighborSearch index = in.index();
        Neighbors nb = in.neighbours();
        double[] ac = averageChainingDistances(train, train, nb, ctx);
        double[] cof = outlierFactor(nb, ac, ac);
        CofModel model = new CofModel(params, train.withoutLabels(), index, ac);
        return new Fit<>(model, Scores.of(cof), System.nanoTime() - t0, 0);
    }

    /** ac-dist of every query row over itself and its neighbours among the training rows. */
    static double[] averageChainingDistances(Table queries, Table train, Neighbors nb, Context ctx) {
        int q = nb.queries();
        double[] out = new double[q];
        ctx.progress().start("cof: chaining distances", q);
        ctx.parallelFor(q, BLOCK, (from, to) -> {
            int k = nb.k();
            double[] toSet = new double[k];
            boolean[] onPath = new boolean[k];
            int[] members = new int[k];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < k; j++) {
                    members[j] = nb.index(i, j);
                }
                out[i] = averageChainingDistance(queries.values(), i * queries.cols(), train.values(), members, train.cols(), toSet, onPath);
            }
            ctx.progress().advance(to - from);
        });
        ctx.progress().done();
        return out;
    }

    /**
     * ac-dist of the point at {@code p[pOff..]} over G = {p} ∪ {train rows {@code members}}: Prim's order
     * from p, each step's cost the distance from the path so far to the point it adds.
     */
    static double averageChainingDistance(float[] p, int pOff, float[] train, int[] members, int d, double[] toSet, boolean[] onPath) {
        int k = members.length;
        int r = k + 1;
        for (int j = 0; j < k; j++) {
            toSet[j] = distance(p, pOff, train, members[j] * d, d);
            onPath[j] = false;
        }
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            int next = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                if (!onPath[j] && toSet[j] < best) {
                    best = toSet[j];
                    next = j;
                }
            }
            sum += 2.0 * (r - i) / ((double) r * (r - 1)) * best;
            onPath[next] = true;
            int nOff = members[next] * d;
            for (int j = 0; j < k; j++) {
                if (!onPath[j]) {
                    double dist = distance(train, nOff, train, members[j] * d, d);
                    if (dist < toSet[j]) {
                        toSet[j] = dist;
                    }
                }
            }
        }
        return sum;
    }

    /** COF of each query: its ac-dist over the mean ac-dist of its neighbours. */
    static double[] outlierFactor(Neighbors nb, double[] queryAc, double[] trainAc) {
        int q = nb.queries();
        int k = nb.k();
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += trainAc[nb.index(i, j)];
            }
            double mean = sum / k;
            out[i] = mean > 0 ? queryAc[i] / mean : queryAc[i] > 0 ? queryAc[i] / EPSILON : 1.0;
        }
        return out;
    }

    private static double distance(float[] x, int aOff, float[] y, int bOff, int d) {
        return VectorKernels.distance64(x, aOff, y, bOff, d);
    }

    /** The fitted model: training rows and their average chaining distances. */
    static final class CofModel implements Model<Table> {
        private final CofParams params;
        private final Table train;
        private final NeighborSearch index;
        private final double[] ac;

        CofModel(CofParams params, Table train, NeighborSearch index, double[] ac) {
            this.params = params;
            this.train = train;
            this.index = index;
            this.ac = ac;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(train.cols());
            Neighbors nb = index.query(data, params.k(), ctx.threads());
            double[] queryAc = averageChainingDistances(data, train, nb, ctx);
            return Scores.of(outlierFactor(nb, queryAc, ac));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("train", Tensor.f32(train.values(), train.rows(), train.cols()));
            s.put("ac_dist", Tensor.f64(ac));
            KnnDistance.putIndexState(s, index);
            return s;
        }

        static CofModel restore(CofParams params, Map<String, Tensor> state) {
            Table train = KnnDistance.tableFromState(state);
            KnnDistance.checkK(params.k(), train.rows());
            double[] ac = StateTensors.doubles(state, "ac_dist", train.rows());
            return new CofModel(params, train, KnnDistance.restoreIndex(train, params.search(), state), ac);
        }
    }
}
