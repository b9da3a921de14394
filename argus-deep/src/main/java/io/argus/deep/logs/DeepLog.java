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
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.Explanations;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.session.EventSessions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DeepLog's log-key anomaly model over sessions of log events: an LSTM learns, from normal sessions, the
 * distribution of the next event (log key) given the h events before it; a session is anomalous when
 * some event in it is not among the g most probable predictions.
 *
 * <p>Du, Li, Zheng, Srikumar, "DeepLog: Anomaly Detection and Diagnosis from System Logs through Deep
 * Learning", ACM CCS 2017, §3.1 (defaults in {@link DeepLogParams}). The model's keys are the events
 * that occur in the training sessions, in vocabulary order, stored by name, so that a test log parsed
 * on its own (whose event indices differ) is read by name; an event never seen in training is not a
 * key. Input keys are one-hot vectors (the paper's encoding; class 0 is padding); the LSTM's last hidden
 * state goes through a linear layer to a softmax over the keys; training minimises cross-entropy on every
 * window of every training session. Sessions shorter than h + 1 events are left-padded, so that their
 * events are checked too; an empty session has nothing to check and scores 0.
 *
 * <p>Score: the highest rank (1 = most probable) that the model gives to an actual next event over all
 * windows of the session; an unseen event, or a window whose history holds one, gets the worst rank,
 * V + 1 for V keys. The paper's rule "anomalous when a key is outside the top g" is exactly score &gt; g,
 * so the model's threshold ({@link IntrinsicThreshold}, flag when score &ge; g + 1) comes from g, chosen
 * on the training sessions as {@link DeepLogParams} describes. Higher is more anomalous. Each alert names
 * the events outside the top g, with their history and the g keys that were expected
 * ({@link ExplainsSessions}).
 *
 * <p>Time: training O(epochs · W · h · L · α²) for W distinct windows; scoring caches distinct windows,
 * so it costs one forward pass per distinct (history, event) pair. Memory: the weights and one batch of
 * one-hot windows (batch · h · (V + 1) floats).
 */
public final class DeepLog implements Detector<EventSessions> {

    static final String NAME = "deeplog";
    static final String ARCHITECTURE = "architecture";
    static final String VOCABULARY = "vocabulary";
    static final String WEIGHTS = "net.";
    static final String THRESHOLD = "g";
    /** Largest number of keys accepted from a model file (a sanity bound before allocating). */
    static final int MAX_CLASSES = 1 << 20;
    private static final int SCORE_BATCH = 4096;

    private final DeepLogParams params;

    public DeepLog(DeepLogParams params) {
        this.params = params;
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(NAME + " needs at least 1 training session, got 0");
        }
        // the model's keys: events that occur in training, in vocabulary order, as classes 1..V (0 pads)
        int[] map = new int[train.vocabulary().size()];
        for (int i = 0; i < train.size(); i++) {
            for (int e : train.events(i)) {
                map[e] = 1;
            }
        }
        List<String> vocab = new ArrayList<>();
        for (int e = 0; e < map.length; e++) {
            if (map[e] == 1) {
                vocab.add(train.vocabulary().get(e));
                map[e] = vocab.size();
            }
        }
        if (vocab.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the " + train.size() + " training sessions hold no events");
        }
        int classes = vocab.size() + 1;
        int h = params.window();
        // Distinct (history, next key) pairs weighted by their counts: the same loss as over every window
        // (HDFS: 46,575 windows, 4,092 distinct), at a tenth of the cost per epoch.
        Map<List<Integer>, Integer> index = new LinkedHashMap<>();
        List<int[]> windows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            for (int[] w : windows(asKeys(train.events(i), map), h)) {
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
            throw new IllegalArgumentException(NAME + ": every training window predicts the same event '" + vocab.get(targets[0] - 1)
                    + "'; there is nothing to learn (need at least two different events)");
        }
        Objective objective = new Objective() {
            @Override
            public NDList inputs(NDManager m, int[] rows) {
                return new NDList(oneHot(m, windows, rows, h, classes));
            }

            @Override
            public NDArray loss(NDManager m, NDList outputs, int[] rows) {
                float[] y = new float[rows.length * classes];
                float[] wt = new float[rows.length];
                double total = 0;
                for (int i = 0; i < rows.length; i++) {
                    y[i * classes + targets[rows[i]]] = 1f;
                    total += weight[rows[i]];
                }
                for (int i = 0; i < rows.length; i++) {
                    wt[i] = (float) (weight[rows[i]] / total);
                }
                NDArray logp = outputs.singletonOrThrow().logSoftmax(1);
                NDArray picked = logp.mul(m.create(y, new Shape(rows.length, classes))).sum(new int[] {1});
                return picked.mul(m.create(wt)).sum().neg();
            }
        };
        TrainConfig cfg = TrainConfig.adam(params.epochs(), params.batchSize(), params.learningRate(), 0)
                .withValidation(params.validationFraction(), params.patience());
        Training.Result r = Training.fit(NAME, () -> network(classes, params), new Shape[] {new Shape(2, h, classes)}, windows.size(),
                objective, cfg, WEIGHTS, ctx);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(ARCHITECTURE, Tensor.i64(architecture(classes, params)));
        state.put(VOCABULARY, Tensor.u8(String.join("\n", vocab).getBytes(StandardCharsets.UTF_8)));
        state.putAll(r.weights());
        state.put(THRESHOLD, Tensor.i32(new int[] {params.topG()}));
        int g = chooseG(new DeepLogModel(params, vocab, state).score(train, ctx).values(), params);
        state.put(THRESHOLD, Tensor.i32(new int[] {g}));
        return new DeepLogModel(params, vocab, state);
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

    /** A session's events as keys through {@code map} (event → key, 0 = not a key: seen only here). */
    private static int[] asKeys(int[] events, int[] map) {
        int[] out = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            out[i] = map[events[i]];
        }
        return out;
    }

    /**
     * Windows of h keys followed by the next key (h + 1 values each), the session left-padded with 0 to
     * h + 1 keys; none for an empty session.
     */
    static List<int[]> windows(int[] session, int h) {
        if (session.length == 0) {
            return List.of();
        }
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
                int k = w[t] >= 0 && w[t] < classes ? w[t] : 0;
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

    /** A fitted DeepLog model. Immutable. */
    public static final class DeepLogModel implements Model<EventSessions>, IntrinsicThreshold, ExplainsSessions {
        /** Key of an event the model has never seen (in a window's history or as its next event). */
        private static final int UNSEEN = -1;

        private final DeepLogParams params;
        private final List<String> vocab;
        private final Map<String, Integer> keyOf;
        private final int classes;
        private final Map<String, Tensor> state;
        private final String description;

        DeepLogModel(DeepLogParams params, List<String> vocab, Map<String, Tensor> state) {
            this.params = params;
            this.vocab = List.copyOf(vocab);
            this.keyOf = new HashMap<>();
            for (int k = 0; k < vocab.size(); k++) {
                keyOf.put(vocab.get(k), k + 1);
            }
            this.classes = vocab.size() + 1;
            this.state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
            this.description = NAME + " " + Arrays.toString(architecture(classes, params)) + " (classes, window, hidden, layers)";
        }

        static DeepLogModel restore(DeepLogParams params, Map<String, Tensor> state) {
            long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
            if (a.length != 4 || a[0] < 2 || a[0] > MAX_CLASSES || a[1] != params.window() || a[2] != params.hidden() || a[3] != params.layers()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                        + " but the parameters give [classes, " + params.window() + ", " + params.hidden() + ", " + params.layers() + "]");
            }
            int classes = (int) a[0];
            byte[] names = StateTensors.require(state, VOCABULARY, Tensor.DType.U8).bytes();
            List<String> vocab = List.of(new String(names, StandardCharsets.UTF_8).split("\n", -1));
            if (vocab.size() != classes - 1 || vocab.stream().distinct().count() != vocab.size()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + VOCABULARY + "' holds " + vocab.size()
                        + " names (distinct: " + vocab.stream().distinct().count() + "), but the architecture has " + (classes - 1) + " keys");
            }
            int g = StateTensors.ints(state, THRESHOLD, 1)[0];
            if (g < 1 || g > params.topG()) {
                throw new IllegalArgumentException(NAME + ": model state tensor '" + THRESHOLD + "' is " + g + ", outside [1, topG = " + params.topG() + "]");
            }
            DeepLogModel m = new DeepLogModel(params, vocab, state);
            Torch.call(1, () -> {
                try (Network n = Network.load(() -> network(classes, params), new Shape[] {new Shape(2, params.window(), classes)}, m.state, WEIGHTS,
                        m.description)) {
                    return null;
                }
            });
            return m;
        }

        /** g: a session is anomalous when one of its events is outside the g most probable next events. */
        public int g() {
            return StateTensors.ints(state, THRESHOLD, 1)[0];
        }

        /** Flag when score &ge; g + 1: scores are ranks (integers), so this is the paper's "outside the top g". */
        @Override
        public double threshold() {
            return g() + 1;
        }

        /** The keys (event names) the model knows, key k + 1 at index k. */
        public List<String> keys() {
            return vocab;
        }

        /** Event index of {@code data} → the model's key (UNSEEN for an event not seen in training). */
        private int[] map(EventSessions data) {
            int[] map = new int[data.vocabulary().size()];
            for (int e = 0; e < map.length; e++) {
                map[e] = keyOf.getOrDefault(data.vocabulary().get(e), UNSEEN);
            }
            return map;
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            int h = params.window();
            int[] map = map(data);
            // distinct (history, next key) pairs: HDFS sessions repeat the same windows thousands of times
            Map<List<Integer>, Integer> index = new HashMap<>();
            List<int[]> distinct = new ArrayList<>();
            int[][] perSession = new int[data.size()][];
            for (int s = 0; s < data.size(); s++) {
                List<int[]> ws = windows(asKeys(data.events(s), map), h);
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
            int[] rank = new int[distinct.size()];
            Arrays.fill(rank, classes); // the worst rank, kept by windows that hold an unseen event
            forward(distinct, ctx.threads(), ctx, (row, logits, off) -> rank[row] = rankOf(logits, off, distinct.get(row)));
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

        /** Receives the logits of one window. */
        private interface LogitsSink {
            void accept(int row, float[] logits, int offset);
        }

        /** Forward passes over {@code windows} in batches, under the engine lock; windows with an unseen key are skipped. */
        private void forward(List<int[]> windows, int threads, Context ctx, LogitsSink sink) {
            int h = params.window();
            int[] known = new int[windows.size()];
            int n = 0;
            for (int i = 0; i < windows.size(); i++) {
                if (Arrays.stream(windows.get(i)).allMatch(k -> k != UNSEEN)) {
                    known[n++] = i;
                }
            }
            int count = n;
            Torch.call(threads, () -> {
                try (Network net = Network.load(() -> network(classes, params), new Shape[] {new Shape(2, h, classes)}, state, WEIGHTS,
                        description)) {
                    for (int from = 0; from < count; from += SCORE_BATCH) {
                        if (ctx != null) {
                            ctx.checkCancelled();
                        }
                        int[] rows = Arrays.copyOfRange(known, from, Math.min(count, from + SCORE_BATCH));
                        try (NDManager m = net.manager().newSubManager()) {
                            float[] logits = net.forward(new NDList(oneHot(m, windows, rows, h, classes))).singletonOrThrow().toFloatArray();
                            for (int i = 0; i < rows.length; i++) {
                                sink.accept(rows[i], logits, i * classes);
                            }
                        }
                    }
                }
                return null;
            });
        }

        /** Rank (1 = most probable) of the window's next key among the V keys; V + 1 when the window holds an unseen event. */
        private int rankOf(float[] logits, int off, int[] w) {
            int key = w[params.window()];
            float v = logits[off + key];
            int r = 1;
            for (int c = 1; c < classes; c++) { // the padding class 0 is never a prediction
                if (c != key && logits[off + c] > v) {
                    r++;
                }
            }
            return r;
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            int h = params.window();
            int g = g();
            int[] events = data.events(i);
            int[] keys = asKeys(events, map(data));
            List<int[]> ws = windows(keys, h);
            int pad = Math.max(0, h + 1 - events.length);
            int[] rank = new int[ws.size()];
            int[][] top = new int[ws.size()][];
            Arrays.fill(rank, classes);
            forward(ws, 1, null, (row, logits, off) -> {
                rank[row] = rankOf(logits, off, ws.get(row));
                top[row] = topKeys(logits, off, g);
            });
            List<Integer> bad = new ArrayList<>();
            for (int w = 0; w < ws.size(); w++) {
                if (rank[w] > g) {
                    bad.add(w);
                }
            }
            // most responsible first: the worst rank, then the earliest position
            bad.sort((a, b) -> rank[a] != rank[b] ? Integer.compare(rank[b], rank[a]) : Integer.compare(a, b));
            List<EventReason> out = new ArrayList<>();
            for (int w : bad.subList(0, Math.min(limit, bad.size()))) {
                int pos = w + h - pad; // position of the window's next event in the session
                List<String> history = new ArrayList<>();
                for (int p = Math.max(0, pos - h); p < pos; p++) {
                    history.add(data.vocabulary().get(events[p]));
                }
                String what = data.vocabulary().get(events[pos]);
                String reason;
                if (keys[pos] == UNSEEN) {
                    reason = "event never seen in training, at position " + pos;
                } else if (top[w] == null) {
                    reason = "at position " + pos + " after " + history + ", which holds an event never seen in training";
                } else {
                    List<String> expected = new ArrayList<>();
                    for (int k : top[w]) {
                        expected.add(vocab.get(k - 1));
                    }
                    reason = "ranked " + rank[w] + " of " + (classes - 1) + " next events at position " + pos + " after " + history
                            + "; the top " + g + " were " + expected;
                }
                out.add(new EventReason(what, rank[w], reason));
            }
            return out;
        }

        /** The g most probable keys (ties by key), most probable first. */
        private int[] topKeys(float[] logits, int off, int g) {
            Integer[] order = new Integer[classes - 1];
            for (int c = 1; c < classes; c++) {
                order[c - 1] = c;
            }
            Arrays.sort(order, (a, b) -> logits[off + a] != logits[off + b] ? Float.compare(logits[off + b], logits[off + a]) : Integer.compare(a, b));
            int[] out = new int[Math.min(g, order.length)];
            for (int k = 0; k < out.length; k++) {
                out[k] = order[k];
            }
            return out;
        }

        @Override
        public Map<String, Tensor> state() {
            return state;
        }
    }
}
