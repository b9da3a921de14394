package io.argus.tabular.lof;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local Outlier Factor: a row is anomalous when its local density is low compared with the density
 * of its neighbours.
 *
 * <p>Breunig, Kriegel, Ng, Sander, "LOF: Identifying Density-Based Local Outliers", ACM SIGMOD 2000.
 * With N_k(p) the k nearest neighbours of p, the reachability distance is
 * reach-dist_k(p, o) = max(k-distance(o), d(p, o)), the local reachability density is
 * lrd(p) = 1 / mean_{o∈N_k(p)} reach-dist_k(p, o), and LOF(p) = mean_{o∈N_k(p)} lrd(o) / lrd(p).
 *
 * <p>As in scikit-learn (so that results compare), neighbourhoods hold exactly k points (ties at the
 * k-distance are cut by index rather than enlarging the neighbourhood), a training row is not its own
 * neighbour, and 1e-10 is added to the mean reachability distance so duplicates give large but finite
 * densities instead of infinities. The score is LOF itself: about 1 inside a cluster, larger is more
 * anomalous (scikit-learn's {@code negative_outlier_factor_} is its negation).
 *
 * <p>Neighbours are exact or approximate (HNSW) as the {@code neighbors} parameter says, see
 * {@link io.argus.core.neighbors.NeighborIndex}.
 *
 * <p>Time: one k-NN self-query (see {@link ExactKnn}) plus O(n k). Memory: O(n k) for the
 * neighbourhoods during fitting, O(n d) for the model.
 */
public final class LocalOutlierFactor implements Detector<Table> {

    /** Added to the mean reachability distance, as scikit-learn does, so duplicate points keep a finite density. */
    static final double EPSILON = 1e-10;

    private final LofParams params;

    /** A detector with the given parameters. */
    public LocalOutlierFactor(LofParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        return fitScore(train, ctx).model();
    }

    @Override
    public Fit<Table> fitScore(Table train, Context ctx) {
        long t0 = System.nanoTime();
        int n = train.rows();
        KnnDistance.InSample in = KnnDistance.inSampleNeighbours("lof", train, params.k(), params.search(), ctx);
        NeighborSearch index = in.index();
        Neighbors nb = in.neighbours();
        float[] kDistance = new float[n];
        for (int i = 0; i < n; i++) {
            kDistance[i] = nb.kDistance(i);
        }
        double[] lrd = localReachabilityDensity(nb, kDistance);
        double[] lof = outlierFactor(nb, lrd, lrd);
        LofModel model = new LofModel(params, train.withoutLabels(), index, kDistance, lrd);
        return new Fit<>(model, Scores.of(lof), System.nanoTime() - t0, 0);
    }

    /** lrd of each query from its neighbours among the training rows and their k-distances. */
    static double[] localReachabilityDensity(Neighbors nb, float[] trainKDistance) {
        int q = nb.queries();
        int k = nb.k();
        double[] lrd = new double[q];
        for (int i = 0; i < q; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                int o = nb.index(i, j);
                sum += Math.max(trainKDistance[o], nb.distance(i, j));
            }
            lrd[i] = 1.0 / (sum / k + EPSILON);
        }
        return lrd;
    }

    /** LOF of each query: the mean ratio of its neighbours' lrd to its own. */
    static double[] outlierFactor(Neighbors nb, double[] queryLrd, double[] trainLrd) {
        int q = nb.queries();
        int k = nb.k();
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += trainLrd[nb.index(i, j)];
            }
            out[i] = sum / k / queryLrd[i];
        }
        return out;
    }

    /** The fitted model: training rows, their k-distances and densities. */
    static final class LofModel implements Model<Table> {
        private final LofParams params;
        private final Table train;
        private final NeighborSearch index;
        private final float[] kDistance;
        private final double[] lrd;

        LofModel(LofParams params, Table train, NeighborSearch index, float[] kDistance, double[] lrd) {
            this.params = params;
            this.train = train;
            this.index = index;
            this.kDistance = kDistance;
            this.lrd = lrd;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(train.cols());
            Neighbors nb = index.query(data, params.k(), ctx.threads());
            double[] queryLrd = localReachabilityDensity(nb, kDistance);
            return Scores.of(outlierFactor(nb, queryLrd, lrd));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("train", Tensor.f32(train.values(), train.rows(), train.cols()));
            s.put("k_distance", Tensor.f32(kDistance));
            s.put("lrd", Tensor.f64(lrd));
            KnnDistance.putIndexState(s, index);
            return s;
        }

        static LofModel restore(LofParams params, Map<String, Tensor> state) {
            Table train = KnnDistance.tableFromState(state);
            int n = train.rows();
            KnnDistance.checkK(params.k(), n);
            float[] kDistance = StateTensors.floats(state, "k_distance", n);
            double[] lrd = StateTensors.doubles(state, "lrd", n);
            return new LofModel(params, train, KnnDistance.restoreIndex(train, params.search(), state), kDistance, lrd);
        }
    }
}
