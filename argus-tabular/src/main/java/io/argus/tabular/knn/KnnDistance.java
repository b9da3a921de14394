package io.argus.tabular.knn;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.Hnsw;
import io.argus.core.neighbors.NeighborIndex;
import io.argus.core.neighbors.NeighborSearch;
import io.argus.core.neighbors.Neighbors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distance-based outliers: a row is as anomalous as it is far from its k nearest training rows.
 *
 * <p>Ramaswamy, Rastogi, Shim, "Efficient Algorithms for Mining Outliers from Large Data Sets",
 * ACM SIGMOD 2000: the score D^k(p) is the Euclidean distance to the k-th nearest neighbour
 * ({@code largest}); {@code mean} averages the distances to the k nearest neighbours (Angiulli and
 * Pizzuti, PKDD 2002), as PyOD's KNN offers. In-sample scoring ({@link #fitScore}) excludes each row
 * from its own neighbours. The score is a distance in the data's units: 0 means a duplicate of k
 * training rows, larger is more anomalous, and it has no fixed upper bound.
 *
 * <p>Neighbours are exact ({@link ExactKnn}) or approximate ({@link Hnsw}) as the {@code neighbors}
 * parameter says ({@link NeighborIndex}); a model fitted with HNSW records the graph's seed and
 * rebuilds the same graph when it is loaded.
 *
 * <p>Time: neighbour queries, see {@link ExactKnn} and {@link Hnsw}. Memory: the training rows (n·d
 * floats), plus about (2M + 2) ints per row for an HNSW graph.
 */
public final class KnnDistance implements Detector<Table> {

    private final KnnParams params;

    /** A detector with the given parameters. */
    public KnnDistance(KnnParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        checkK(params.k(), train.rows());
        return new KnnModel(params, train.withoutLabels(), index("knn", train, params.search(), ctx));
    }

    @Override
    public Fit<Table> fitScore(Table train, Context ctx) {
        long t0 = System.nanoTime();
        InSample in = inSampleNeighbours("knn", train, params.k(), params.search(), ctx);
        Scores scores = Scores.of(aggregate(in.neighbours(), params));
        return new Fit<>(new KnnModel(params, train.withoutLabels(), in.index()), scores, System.nanoTime() - t0, 0);
    }

    /**
     * The index over the training rows and each row's k nearest other rows.
     *
     * @param index the search over the training rows, kept by the fitted model for scoring new rows
     * @param neighbours each training row's k nearest other rows (itself excluded by index)
     */
    public record InSample(NeighborSearch index, Neighbors neighbours) {
    }

    /**
     * The in-sample neighbour query every neighbour method starts from: checks k against n, indexes the
     * rows as {@code search} says, reports progress under the method's name, and stops if the context
     * was cancelled.
     */
    public static InSample inSampleNeighbours(String method, Table train, int k, NeighborIndex.Settings search, Context ctx) {
        checkK(k, train.rows());
        NeighborSearch index = index(method, train, search, ctx);
        ctx.progress().start(method + ": neighbours of " + train.rows() + " rows", -1);
        Neighbors nb = index.selfQuery(k, ctx.threads());
        ctx.progress().done();
        ctx.checkCancelled();
        return new InSample(index, nb);
    }

    /** The in-sample neighbour query with exact search, as before the {@code neighbors} parameter existed. */
    public static InSample inSampleNeighbours(String method, Table train, int k, Context ctx) {
        return inSampleNeighbours(method, train, k, new NeighborIndex.Settings(NeighborIndex.Method.EXACT, Hnsw.Options.DEFAULTS), ctx);
    }

    /**
     * The index over the training rows that {@code search} asks for; an HNSW graph is seeded with the
     * context's seed.
     */
    public static NeighborSearch index(String method, Table train, NeighborIndex.Settings search, Context ctx) {
        NeighborSearch index = NeighborIndex.build(train, search, ctx.seed(), ctx.progress(), ctx::isCancelled);
        ctx.checkCancelled();
        return index;
    }

    /** Records in a model's state what is needed to rebuild its index: the seed of an HNSW graph. */
    public static void putIndexState(Map<String, Tensor> state, NeighborSearch index) {
        if (index instanceof Hnsw h) {
            state.put(HNSW_SEED, Tensor.i64(new long[] {h.seed()}));
        }
    }

    /**
     * The index a saved model searches: the HNSW graph rebuilt from its recorded seed when the state
     * has one, else exact search (model files written before HNSW existed have none, and were exact).
     */
    public static NeighborSearch restoreIndex(Table train, NeighborIndex.Settings search, Map<String, Tensor> state) {
        if (!state.containsKey(HNSW_SEED)) {
            return ExactKnn.index(train);
        }
        long[] seed = StateTensors.require(state, HNSW_SEED, Tensor.DType.I64).longs();
        if (seed.length != 1) {
            throw new IllegalArgumentException("model state tensor '" + HNSW_SEED + "' has " + seed.length + " elements, expected 1");
        }
        return Hnsw.build(train, search.hnsw(), seed[0]);
    }

    /** The state tensor holding an HNSW graph's seed. */
    static final String HNSW_SEED = "hnsw_seed";

    /**
     * Checks that k leaves k other rows for every training row (in-sample scoring excludes the row itself).
     *
     * @throws IllegalArgumentException naming k, n and the allowed range
     */
    public static void checkK(int k, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("neighbour methods need at least 2 training rows, got " + n);
        }
        if (k > n - 1) {
            throw new IllegalArgumentException("parameter k = " + k + " is too large for " + n + " training rows; allowed: [1, "
                    + (n - 1) + "] (k must be smaller than the number of rows)");
        }
    }

    static double[] aggregate(Neighbors nb, KnnParams params) {
        int q = nb.queries();
        int k = nb.k();
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            if (params.aggregate() == KnnParams.Aggregate.LARGEST) {
                out[i] = nb.kDistance(i);
            } else {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += nb.distance(i, j);
                }
                out[i] = sum / k;
            }
        }
        return out;
    }

    /** The fitted model: the training rows and their neighbour index. */
    static final class KnnModel implements Model<Table> {
        private final KnnParams params;
        private final Table train;
        private final NeighborSearch index;

        KnnModel(KnnParams params, Table train, NeighborSearch index) {
            this.params = params;
            this.train = train;
            this.index = index;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(train.cols());
            Neighbors nb = index.query(data, params.k(), ctx.threads());
            return Scores.of(aggregate(nb, params));
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("train", Tensor.f32(train.values(), train.rows(), train.cols()));
            putIndexState(s, index);
            return s;
        }

        static KnnModel restore(KnnParams params, Map<String, Tensor> state) {
            Table train = tableFromState(state);
            checkK(params.k(), train.rows());
            return new KnnModel(params, train, restoreIndex(train, params.search(), state));
        }
    }

    /** The training rows stored as tensor {@code train} of shape [n, d]. */
    public static Table tableFromState(Map<String, Tensor> state) {
        long[] shape = StateTensors.shape(state, "train", 2);
        float[] values = StateTensors.floats(state, "train");
        if (shape[1] < 1 || shape[0] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model state tensor 'train' has an unusable shape [" + shape[0] + ", " + shape[1] + "]");
        }
        return Table.of((int) shape[0], (int) shape[1], values, null, null, "model");
    }
}
