package io.argus.deep.logs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.deep.nn.Network;
import io.argus.deep.nn.Objective;
import io.argus.deep.nn.TrainConfig;
import io.argus.deep.nn.Torch;
import io.argus.deep.nn.Training;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DeepLog's log-key anomaly model: an LSTM learns, from normal sessions, the distribution of the next
 * log key given the h keys before it; a session is anomalous when some key in it is not among the g
 * most probable predictions.
 *
 * <p>Du, Li, Zheng, Srikumar, "DeepLog: Anomaly Detection and Diagnosis from System Logs through Deep
 * Learning", ACM CCS 2017, §3.1 (defaults in {@link DeepLogParams}). Input keys are one-hot vectors
 * (the paper's encoding); the LSTM's last hidden state goes through a linear layer to a softmax over the
 * keys; training minimises cross-entropy on every window of every training session. Sessions shorter
 * than h + 1 keys are left-padded with a padding key 0, so that their keys are checked too.
 *
 * <p>Score: the highest rank (1 = most probable) that the model gives to an actual next key over all
 * windows of the session; a key never seen in training gets the worst rank, V + 1 for V known keys. The
 * paper's rule "anomalous when a key is outside the top g" is exactly score &gt; g, so {@code topG} is
 * the model's threshold ({@link DeepLogModel#threshold()}, chosen from training sessions as
 * {@link DeepLogParams} describes). Higher is more anomalous.
 *
 * <p>Time: training O(epochs · W · h · L · α²) for W windows; scoring caches distinct windows, so it
 * costs one forward pass per distinct (history, key) pair. Memory: the weights and one batch of one-hot
 * windows (batch · h · (V + 1) floats).
 */
public final class DeepLog implements Detector<KeySequences> {

    static final String NAME = "deeplog";
    static final String ARCHITECTURE = "architecture";
    static final String WEIGHTS = "net.";
    static final String THRESHOLD = "g";
    private static final int SCORE_BATCH = 4096;

    private final DeepLogParams params;

    public DeepLog(DeepLogParams params) {
        this.params = params;
    }

    @Override
    public Model<KeySequences> fit(KeySequences train, Context ctx) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(NAME + " needs at least 1 training session, got 0");
        }
        int h = params.window();
        int vocab = 0;
        for (int[] s : train.sessions()) {
            for (int k : s) {
                vocab = Math.max(vocab, k);
            }
        }
        int classes = vocab + 1;
        // Distinct (history, next key) pairs weighted by their counts: the same loss as over every window
        // (HDFS: 46,575 windows, 4,092 distinct), at a tenth of the cost per epoch.
        Map<List<Integer>, Integer> index = new LinkedHashMap<>();
        List<int[]> windows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int[] s : train.sessions()) {
            for (int[] w : windows(s, h)) {
                List<Integer> key = Arrays.stream(w).boxed().toList();
                Integer id = index.get(key);
                if (id == null) {
                    index.put(key, windows.size());
                    windows.add(w);
                    counts.add(1);
                } else {
                    counts.set(id, counts.get(id) + 1);
                }
            }
        }
        int[] targets = new int[windows.size()];
        float[] weight = new float[windows.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = windows.get(i)[h];
            weight[i] = counts.get(i);
        }
        if (Arrays.stream(targets).distinct().count() < 2) {
            throw new IllegalArgumentException(NAME + ": every training window predicts the same key " + targets[0]
                    + "; there is nothing to learn (need at least two different keys)");
        }
        int fClasses = classes;
        Objective objective = new Objective() {
            @Override
            public NDList inputs(NDManager m, int[] rows) {
                return new NDList(oneHot(m, windows, rows, h, fClasses));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                float[] y = new float[rows.length * fClasses];
                float[] wt = new float[rows.length];
                double total = 0;
                for (int i = 0; i < rows.length; i++) {
                    y[i * fClasses + targets[rows[i]]] = 1f;
                    total += weight[rows[i]];
                }
                for (int i = 0; i < rows.length; i++) {
                    wt[i] = (float) (weight[rows[i]] / total);
                }
                NDArray logp = outputs.singletonOrThrow().logSoftmax(1);
                NDArray picked = logp.mul(m.create(y, new Shape(rows.length, fClasses))).sum(new int[] {1});
                return picked.mul(m.create(wt)).sum().neg();
            }
        };
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), 0)
                .withValidation(params.validationFraction(), params.patience());
        Training.Result r = Training.fit(NAME, () -> network(classes, params), new Shape[] {new Shape(2, h, classes)}, windows.size(),
                objective, cfg, WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(classes, params)));
        state.putAll(r.weights());
        state.put(THRESHOLD, Tensor.i32(new int[] {params.topG()}));
        int g = chooseG(new DeepLogModel(params, classes, state).score(train, ctx).values(), params);
        state.put(THRESHOLD, Tensor.i32(new int[] {g}));
        return new DeepLogModel(params, classes, state);
    }

    /** The smallest g in [1, topG] whose false-positive rate on the (normal) training sessions is at most fprTarget. */
    static int chooseG(double[] trainingScores, DeepLogParams p) {
        if (p.fprTarget() == 0) {
            return p.topG();
        }
        for (int g = 1; g < p.topG(); g++) {
            int flagged = 0;
            for (double s : trainingScores) {
                if (s > g) {
                    flagged++;
                }
            }
            if (flagged <= p.fprTarget() * trainingScores.length) {
                return g;
            }
        }
        return p.topG();
    }

    /** [classes, window, hidden, layers]: what the weights were built for. */
    static long[] architecture(int classes, DeepLogParams p) {
        return new long[] {classes, p.window(), p.hidden(), p.layers()};
    }

    /** Windows of h keys followed by the next key (h + 1 values each), the session left-padded with 0 to h + 1 keys. */
    static List<int[]> windows(int[] session, int h) {
        int pad = Math.max(0, h + 1 - session.length);
        int[] p = new int[session.length + pad];
        System.arraycopy(session, 0, p, pad, session.length);
        List<int[]> out = new ArrayList<>(p.length - h);
        for (int i = 0; i + h < p.length; i++) {
            out.add(Arrays.copyOfRange(p, i, i + h + 1));
        }
        return out;
    }

    static NDArray oneHot(NDManager m, List<int[]> windows, int[] rows, int h, int classes) {
        float[] x = new float[rows.length * h * classes];
        for (int i = 0; i < rows.length; i++) {
            int[] w = windows.get(rows[i]);
            for (int t = 0; t < h; t++) {
                int k = w[t] < classes ? w[t] : 0;
                x[(i * h + t) * classes + k] = 1f;
            }
        }
        return m.create(x, new Shape(rows.length, h, classes));
    }

    /** One-hot (batch, h, classes) → LSTM(layers × hidden) → last step → Linear(classes) logits. */
    static Block network(int classes, DeepLogParams p) {
        SequentialBlock s = new SequentialBlock();
        s.add(LSTM.builder().setStateSize(p.hidden()).setNumLayers(p.layers()).optBatchFirst(true).build());
        s.add(list -> new NDList(list.get(0).get(":, -1, :")));
        s.add(Linear.builder().setUnits(classes).build());
        return s;
    }

    /** A fitted DeepLog model. */
    public static final class DeepLogModel implements Model<KeySequences> {
        private final DeepLogParams params;
        private final int classes;
        private final Map<String, Tensor> state;
        private final String description;

        DeepLogModel(DeepLogParams params, int classes, Map<String, Tensor> state) {
            this.params = params;
            this.classes = classes;
            this.state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
            this.description = NAME + " " + Arrays.toString(architecture(classes, params)) + " (classes, window, hidden, layers)";
        }

        static DeepLogModel restore(DeepLogParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            if (a.length != 4 || a[0] < 2 || a[0] > KeySequences.MAX_KEY + 1 || a[1] != params.window() || a[2] != params.hidden()
                    || a[3] != params.layers()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [classes, " + params.window() + ", " + params.hidden() + ", " + params.layers() + "]");
            }
            int classes = (int) a[0];
            int g = StateTensors.ints(state, THRESHOLD, 1)[0];
            if (g < 1 || g > params.topG()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + THRESHOLD + "' is " + g + ", outside [1, topG = " + params.topG() + "]");
            }
            Map<String, Tensor> copy = new LinkedHashMap<>(state);
            DeepLogModel m = new DeepLogModel(params, classes, copy);
            Torch.call(1, () -> {
                try (Network n = Network.load(() -> network(classes, params), new Shape[] {new Shape(2, params.window(), classes)}, copy, WEIGHTS,
                        m.description)) {
                    return null;
                }
            });
            return m;
        }

        /** The threshold g: a session whose score exceeds it is anomalous. */
        public int threshold() {
            int[] g = StateTensors.ints(state, THRESHOLD, 1);
            return g[0];
        }

        /** The number of keys the model knows (the largest training key). */
        int knownKeys() {
            return classes - 1;
        }

        @Override
        public Scores score(KeySequences data, Context ctx) {
            int h = params.window();
            // distinct (history, next key) pairs: HDFS sessions repeat the same windows thousands of times
            Map<List<Integer>, Integer> index = new HashMap<>();
            List<int[]> distinct = new ArrayList<>();
            int[][] perSession = new int[data.size()][];
            for (int s = 0; s < data.size(); s++) {
                List<int[]> ws = windows(data.get(s), h);
                int[] ids = new int[ws.size()];
                for (int i = 0; i < ws.size(); i++) {
                    int[] w = ws.get(i);
                    List<Integer> key = Arrays.stream(w).boxed().toList();
                    Integer id = index.get(key);
                    if (id == null) {
                        id = distinct.size();
                        index.put(key, id);
                        distinct.add(w);
                    }
                    ids[i] = id;
                }
                perSession[s] = ids;
            }
            int[] rank = ranks(distinct, ctx);
            double[] out = new double[data.size()];
            for (int s = 0; s < out.length; s++) {
                int worst = 0;
                for (int id : perSession[s]) {
                    worst = Math.max(worst, rank[id]);
                }
                out[s] = worst;
            }
            return Scores.of(out);
        }

        /** Rank (1 = most probable) of each window's actual next key; unknown keys and unknown history keys rank last. */
        private int[] ranks(List<int[]> windows, Context ctx) {
            int h = params.window();
            int[] rank = new int[windows.size()];
            Torch.call(ctx, () -> {
                try (Network net = Network.load(() -> network(classes, params), new Shape[] {new Shape(2, h, classes)}, state, WEIGHTS,
                        description)) {
                    for (int from = 0; from < windows.size(); from += SCORE_BATCH) {
                        ctx.checkCancelled();
                        int to = Math.min(windows.size(), from + SCORE_BATCH);
                        int[] rows = new int[to - from];
                        for (int i = 0; i < rows.length; i++) {
                            rows[i] = from + i;
                        }
                        try (NDManager m = net.manager().newSubManager()) {
                            float[] logits = net.forward(new NDList(oneHot(m, windows, rows, h, classes))).singletonOrThrow().toFloatArray();
                            for (int i = 0; i < rows.length; i++) {
                                int[] w = windows.get(rows[i]);
                                rank[rows[i]] = rankOf(logits, i * classes, classes, w, h);
                            }
                        }
                    }
                }
                return null;
            });
            return rank;
        }

        private int rankOf(float[] logits, int off, int classes, int[] w, int h) {
            int worst = classes; // V + 1 for V known keys (the padding class is never a prediction)
            for (int t = 0; t < h; t++) {
                if (w[t] >= classes) {
                    return worst; // the history holds a key never seen in training
                }
            }
            int key = w[h];
            if (key >= classes) {
                return worst;
            }
            float v = logits[off + key];
            int r = 1;
            for (int c = 1; c < classes; c++) {
                if (c != key && logits[off + c] > v) {
                    r++;
                }
            }
            return r;
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}
