package io.argus.logs.detect.nextevent;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.logs.detect.EventReason;
import io.argus.logs.detect.ExplainsSessions;
import io.argus.logs.detect.IntrinsicThreshold;
import io.argus.logs.detect.Explanations;
import io.argus.logs.session.EventSessions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A next-event model over key sequences, the classic (n-gram) form of DeepLog's log-key anomaly
 * detection: from normal sessions it learns which events follow each history of up to h events, and
 * flags an event that is not among the g most frequent successors of its history.
 *
 * <p>Du, Li, Zheng, Srikumar, "DeepLog: Anomaly Detection and Diagnosis from System Logs through Deep
 * Learning", CCS 2017, §3.1: a session is normal when every key is among the top-g predictions given the
 * previous h keys. DeepLog predicts with an LSTM; this model counts successors of each history, as the
 * N-gram baseline of DeepLog's §5 does, and backs off to the longest suffix of the history that was seen
 * in training (down to no history: the event frequencies). A session starts with a start-of-session
 * marker, so its first events are checked too, and, when {@link NextEventParams#endOfSession()}, ends with
 * an end-of-session event that is predicted like any other. Events unseen in training are never among the
 * candidates. Candidates are ordered by count, then by event, so the model is deterministic.
 *
 * <p>Score: the number of events of a session that were not among the candidates (0 for a session that
 * follows the normal workflow); anomalous from 1 ({@link Trained#threshold()}). Explanation: each
 * unexpected event, its history and the events that were expected. Time: fit O(N h) map updates for N
 * training events, score O(N h) lookups; memory O(distinct histories × successors).
 */
public final class NextEventModel implements Detector<EventSessions> {

    private final NextEventParams params;

    /** A detector with these parameters. */
    public NextEventModel(NextEventParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        // the model's vocabulary: the events that occur in training, in vocabulary order
        int[] map = new int[train.vocabulary().size()];
        java.util.Arrays.fill(map, -1);
        for (int i = 0; i < train.size(); i++) {
            for (int e : train.events(i)) {
                map[e] = 0;
            }
        }
        List<String> vocab = new ArrayList<>();
        for (int e = 0; e < map.length; e++) {
            if (map[e] == 0) {
                map[e] = vocab.size();
                vocab.add(train.vocabulary().get(e));
            }
        }
        int m = vocab.size();
        Map<String, Map<Integer, long[]>> counts = new HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            int[] seq = symbols(train.events(i), map, m, params.endOfSession());
            for (int p = 1; p < seq.length; p++) {
                int max = Math.min(params.history(), p);
                for (int len = 0; len <= max; len++) {
                    counts.computeIfAbsent(key(seq, p - len, p), k -> new HashMap<>()).computeIfAbsent(seq[p], k -> new long[1])[0]++;
                }
            }
        }
        Map<String, int[]> top = new HashMap<>();
        counts.forEach((k, next) -> {
            List<Map.Entry<Integer, long[]>> e = new ArrayList<>(next.entrySet());
            e.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0]) : Integer.compare(a.getKey(), b.getKey()));
            int g = Math.min(params.candidates(), e.size());
            int[] c = new int[g];
            for (int t = 0; t < g; t++) {
                c[t] = e.get(t).getKey();
            }
            Arrays.sort(c);
            top.put(k, c);
        });
        return new Trained(params, vocab, top);
    }

    /** The session as symbols: start marker m, events 0..m−1 (−1 = unseen in training), end marker m+1 when asked. */
    static int[] symbols(int[] events, int[] map, int m, boolean end) {
        int[] seq = new int[events.length + (end ? 2 : 1)];
        seq[0] = m;
        for (int k = 0; k < events.length; k++) {
            seq[k + 1] = map[events[k]];
        }
        if (end) {
            seq[seq.length - 1] = m + 1;
        }
        return seq;
    }

    static String key(int[] seq, int from, int to) {
        char[] c = new char[to - from];
        for (int k = from; k < to; k++) {
            c[k - from] = (char) (seq[k] + 2);
        }
        return new String(c);
    }

    /** A fitted next-event model. Immutable. */
    public static final class Trained implements Model<EventSessions>, ExplainsSessions, IntrinsicThreshold {
        private final NextEventParams params;
        private final List<String> vocab;
        private final Map<String, Integer> index;
        private final Map<String, int[]> top;

        Trained(NextEventParams params, List<String> vocab, Map<String, int[]> top) {
            this.params = params;
            this.vocab = List.copyOf(vocab);
            this.index = new HashMap<>();
            for (int e = 0; e < vocab.size(); e++) {
                index.put(vocab.get(e), e);
            }
            this.top = top;
        }

        /** Number of distinct histories learned. */
        public int histories() {
            return top.size();
        }

        private int[] map(EventSessions data) {
            int[] map = new int[data.vocabulary().size()];
            for (int e = 0; e < map.length; e++) {
                map[e] = index.getOrDefault(data.vocabulary().get(e), -1);
            }
            return map;
        }

        /** The candidates for position p of seq: those of the longest seen suffix of its history. */
        private int[] candidates(int[] seq, int p, int[] usedLength) {
            for (int len = Math.min(params.history(), p); len >= 0; len--) {
                int[] c = top.get(key(seq, p - len, p));
                if (c != null) {
                    usedLength[0] = len;
                    return c;
                }
            }
            usedLength[0] = 0;
            return new int[0];
        }

        @Override
        public double threshold() {
            return 1;
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            int[] map = map(data);
            int m = vocab.size();
            double[] out = new double[data.size()];
            ctx.parallelFor(data.size(), 512, (from, to) -> {
                int[] used = new int[1];
                for (int i = from; i < to; i++) {
                    int[] seq = symbols(data.events(i), map, m, params.endOfSession());
                    int misses = 0;
                    for (int p = 1; p < seq.length; p++) {
                        if (seq[p] < 0 || Arrays.binarySearch(candidates(seq, p, used), seq[p]) < 0) {
                            misses++;
                        }
                    }
                    out[i] = misses;
                }
            });
            return Scores.of(out);
        }

        private String name(int symbol, int[] events, int p, List<String> dataVocab) {
            int m = vocab.size();
            if (symbol == m) {
                return "<start of session>";
            }
            if (symbol == m + 1) {
                return "<end of session>";
            }
            if (symbol < 0) {
                return dataVocab.get(events[p - 1]);
            }
            return vocab.get(symbol);
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            int[] map = map(data);
            int[] events = data.events(i);
            int[] seq = symbols(events, map, vocab.size(), params.endOfSession());
            List<EventReason> out = new ArrayList<>();
            int[] used = new int[1];
            for (int p = 1; p < seq.length && out.size() < limit; p++) {
                int[] c = candidates(seq, p, used);
                if (seq[p] >= 0 && Arrays.binarySearch(c, seq[p]) >= 0) {
                    continue;
                }
                List<String> hist = new ArrayList<>();
                for (int k = p - used[0]; k < p; k++) {
                    hist.add(name(seq[k], events, k, data.vocabulary()));
                }
                List<String> expected = new ArrayList<>();
                for (int s : c) {
                    expected.add(name(s, events, 0, data.vocabulary()));
                }
                String what = name(seq[p], events, p, data.vocabulary());
                out.add(new EventReason(what, 1, (seq[p] < 0 ? "event never seen in training" : "unexpected next event") + " at position " + p
                        + " after " + hist + "; expected one of " + expected));
            }
            return out;
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("vocabulary", Tensor.u8(String.join("\n", vocab).getBytes(StandardCharsets.UTF_8)));
            s.put("size", Tensor.i32(new int[] {vocab.size()}));
            List<Integer> flat = new ArrayList<>();
            // sorted by history so that model files are reproducible byte for byte
            new TreeMap<>(top).forEach((k, c) -> {
                flat.add(k.length());
                k.chars().forEach(ch -> flat.add(ch - 2));
                flat.add(c.length);
                for (int v : c) {
                    flat.add(v);
                }
            });
            s.put("histories", Tensor.i32(flat.stream().mapToInt(Integer::intValue).toArray()));
            return s;
        }

        /** Rebuilds a model from {@link #state()}. */
        public static Trained restore(NextEventParams params, Map<String, Tensor> state) {
            int size = StateTensors.ints(state, "size", 1)[0];
            byte[] names = StateTensors.require(state, "vocabulary", Tensor.DType.U8).bytes();
            List<String> vocab = size == 0 ? List.of() : List.of(new String(names, StandardCharsets.UTF_8).split("\n", -1));
            if (vocab.size() != size) {
                throw new IllegalArgumentException("model state tensor 'vocabulary' holds " + vocab.size() + " names, expected " + size);
            }
            int[] flat = StateTensors.ints(state, "histories");
            Map<String, int[]> top = new HashMap<>();
            int p = 0;
            while (p < flat.length) {
                int len = flat[p++];
                if (len < 0 || len > params.history() || p + len >= flat.length) {
                    throw new IllegalArgumentException("model state tensor 'histories' is malformed at element " + (p - 1));
                }
                int[] h = Arrays.copyOfRange(flat, p, p + len);
                p += len;
                int g = flat[p++];
                if (g < 0 || p + g > flat.length) {
                    throw new IllegalArgumentException("model state tensor 'histories' is malformed at element " + (p - 1));
                }
                int[] c = Arrays.copyOfRange(flat, p, p + g);
                p += g;
                for (int v : h) {
                    if (v < 0 || v > size + 1) {
                        throw new IllegalArgumentException("model state tensor 'histories' holds symbol " + v + " outside [0, " + (size + 1) + "]");
                    }
                }
                top.put(key(h, 0, len), c);
            }
            return new Trained(params, vocab, top);
        }
    }
}
