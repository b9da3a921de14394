package io.argus.timeseries.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The context memory of {@link CadOse}: Smirnov's "context operator" ({@code context_operator.py} of
 * CAD OSE in NAB). A context is a pair (left facts, right facts) of sorted fact tuples: the left facts
 * describe the previous step (its sensor facts and its active "neurons"), the right facts the current
 * sensor facts. Contexts are stored as pairs of semi-contexts, one per side, so that contexts sharing a
 * side share its matching work.
 *
 * <p>Per context it keeps [selected count, matched weight, activation count, right facts, zero-level
 * flag, left hash, right hash] as the reference does; per semi-context its size, the facts of the
 * current input it matched, and (left side) the map right semi-context id → context id.
 *
 * <p>Behaviours of the Python 2 reference kept on purpose, because they change which contexts exist
 * and therefore the scores:
 * <ul>
 *   <li>semi-contexts are keyed by Python 2's hash of their fact tuple ({@link #tupleHash}), not by
 *       the tuple: two tuples of equal hash share one semi-context;</li>
 *   <li>the left semi-context's map is iterated in CPython 2.7's dict order ({@link Py2IntDict}), which
 *       decides the order, hence the ids, of new contexts;</li>
 *   <li>the id of "the context created this step", which the update skips, is reset to Python's
 *       {@code False}, which equals 0, so context 0 is never updated.</li>
 * </ul>
 *
 * <p>Crossing visits only the semi-contexts that share a fact with the input (through a fact → semi-
 * contexts index), in id order, which is the order in which the reference's scan over all of them
 * finds them. Memory grows with the number of distinct contexts, as in the reference: CAD OSE never
 * forgets a context. Not thread-safe.
 */
final class CadOseContexts {

    /** One side's semi-context. */
    private static final class Semi {
        final int size;
        /** Left side only: right semi-context id → context id, in CPython 2.7 dict order. */
        final Py2IntDict contexts;
        long[] matched = new long[4];
        int matchedCount;

        Semi(int size, boolean left) {
            this.size = size;
            this.contexts = left ? new Py2IntDict() : null;
        }

        void match(long fact) {
            if (matchedCount == matched.length) {
                matched = Arrays.copyOf(matched, matchedCount * 2);
            }
            matched[matchedCount++] = fact;
        }

        long[] matchedFacts() {
            return Arrays.copyOf(matched, matchedCount);
        }
    }

    /** One context's record. */
    private static final class Context {
        int selected;
        int weight;
        int activations;
        final long[] rightFacts;
        boolean zeroLevel;
        final long leftHash;
        final long rightHash;

        Context(long[] rightFacts, boolean zeroLevel, long leftHash, long rightHash) {
            this.rightFacts = rightFacts;
            this.zeroLevel = zeroLevel;
            this.leftHash = leftHash;
            this.rightHash = rightHash;
        }
    }

    /**
     * A (left facts, right facts) pair, compared by content as the reference's tuples are.
     *
     * @param left sorted left facts
     * @param right sorted right facts
     */
    record Pair(long[] left, long[] right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Arrays.equals(left, p.left) && Arrays.equals(right, p.right);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(left) + Arrays.hashCode(right);
        }

        @Override
        public String toString() {
            return "(" + Arrays.toString(left) + ", " + Arrays.toString(right) + ")";
        }
    }

    /**
     * A context that matched the input completely, with its sort key.
     *
     * @param id context id
     * @param activations its activation count
     * @param leftHash hash of its left facts
     * @param rightHash hash of its right facts
     */
    record Active(int id, int activations, long leftHash, long rightHash) {
    }

    /**
     * What the right-side crossing returns.
     *
     * @param active contexts matched completely (left at the previous step, right now)
     * @param selected contexts whose left side matched completely
     * @param potential potential new contexts, in the reference's order, duplicates kept
     */
    record Crossing(List<Active> active, int selected, List<Pair> potential) {
    }

    /**
     * What the left-side crossing returns.
     *
     * @param added contexts really added from the potential ones
     * @param predictions right facts of the best-predicting contexts
     */
    record Prediction(int added, Set<Long> predictions) {
    }

    private final int maxLeftLength;
    @SuppressWarnings("unchecked")
    private final Map<Long, Integer>[] semiByHash = new Map[] {new HashMap<>(), new HashMap<>()};
    @SuppressWarnings("unchecked")
    private final Map<Long, int[]>[] factIndex = new Map[] {new HashMap<>(), new HashMap<>()};
    @SuppressWarnings("unchecked")
    private final List<Semi>[] semis = new List[] {new ArrayList<>(), new ArrayList<>()};
    private final int[][] crossed = {new int[0], new int[0]};
    private final List<Context> contexts = new ArrayList<>();
    /** The zero-level context created this step; 0 stands for Python's False (which equals 0). */
    private int newContextId;

    CadOseContexts(int maxLeftLength) {
        this.maxLeftLength = maxLeftLength;
    }

    /** Number of contexts held. */
    int contexts() {
        return contexts.size();
    }

    /** Number of semi-contexts held on the left (side 0) or right (side 1). */
    int semiContexts(int side) {
        return semis[side].size();
    }

    /**
     * Python 2's {@code hash()} of a tuple of ints (CPython 2.7 {@code tuplehash} on a 64-bit build;
     * the hash of an int is the int, −1 becoming −2): x = 0x345678, mult = 1000003; per item
     * x = (x ^ hash(item))·mult, mult += 82520 + 2·(items left); then x += 97531, and −1 becomes −2.
     * Arithmetic wraps modulo 2^64 as C's long does.
     */
    static long tupleHash(long[] items) {
        long x = 0x345678L;
        long mult = 1000003L;
        int len = items.length;
        for (long item : items) {
            long y = item == -1 ? -2 : item;
            x = (x ^ y) * mult;
            len--;
            mult += 82520L + len + len;
        }
        x += 97531L;
        return x == -1 ? -2 : x;
    }

    /**
     * Stores the contexts not yet known ({@code getContextByFacts}).
     *
     * @return for a zero-level context (a one-element list): 1 when it is new, 0 when it existed (it is
     *         then flagged zero-level); otherwise the number of contexts really added
     */
    int add(List<Pair> pairs, boolean zeroLevel) {
        int added = 0;
        for (Pair p : pairs) {
            long leftHash = tupleHash(p.left());
            long rightHash = tupleHash(p.right());
            int leftId = semiId(0, leftHash, p.left());
            int rightId = semiId(1, rightHash, p.right());
            int next = contexts.size();
            int id = semis[0].get(leftId).contexts.setDefault(rightId, next);
            if (id == next) {
                added++;
                contexts.add(new Context(p.right(), zeroLevel, leftHash, rightHash));
                if (zeroLevel) {
                    newContextId = id;
                    return 1;
                }
            } else if (zeroLevel) {
                contexts.get(id).zeroLevel = true;
                return 0;
            }
        }
        return added;
    }

    private int semiId(int side, long hash, long[] facts) {
        Integer id = semiByHash[side].get(hash);
        if (id != null) {
            return id;
        }
        int next = semis[side].size();
        semiByHash[side].put(hash, next);
        semis[side].add(new Semi(facts.length, side == 0));
        for (long f : facts) {
            int[] list = factIndex[side].get(f);
            if (list == null) {
                factIndex[side].put(f, new int[] {1, next});
            } else {
                if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    factIndex[side].put(f, list);
                }
                list[++list[0]] = next;
            }
        }
        return next;
    }

    /** Matches {@code facts} against one side's semi-contexts; the matched ones become that side's crossed list, in id order. */
    private void cross(int side, long[] facts) {
        List<Semi> s = semis[side];
        for (int id : crossed[side]) {
            s.get(id).matchedCount = 0;
        }
        int[] touched = new int[16];
        int n = 0;
        for (long f : facts) {
            int[] list = factIndex[side].get(f);
            if (list == null) {
                continue;
            }
            for (int k = 1; k <= list[0]; k++) {
                Semi semi = s.get(list[k]);
                if (semi.matchedCount == 0) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = list[k];
                }
                semi.match(f);
            }
        }
        int[] ids = Arrays.copyOf(touched, n);
        Arrays.sort(ids);
        crossed[side] = ids;
    }

    /**
     * Crosses the current sensor facts with the right semi-contexts, then updates the contexts whose
     * left side was crossed at the previous step and collects the active and the potential new ones
     * ({@code contextCrosser(leftOrRight=1)} and {@code updateContextsAndGetActive}).
     */
    Crossing crossRight(long[] facts, boolean newContext) {
        cross(1, facts);
        List<Active> active = new ArrayList<>();
        List<Pair> potential = new ArrayList<>();
        int[] selected = {0};
        List<Semi> right = semis[1];
        for (int leftId : crossed[0]) {
            Semi left = semis[0].get(leftId);
            boolean full = left.size == left.matchedCount;
            boolean shortLeft = left.matchedCount <= maxLeftLength;
            left.contexts.forEach((rightId, contextId) -> {
                if (contextId == newContextId) {
                    return;
                }
                Context c = contexts.get(contextId);
                Semi r = right.get(rightId);
                if (full) {
                    selected[0]++;
                    c.selected += r.size;
                    if (r.matchedCount > 0) {
                        c.weight += r.matchedCount;
                        if (r.size == r.matchedCount) {
                            c.activations++;
                            active.add(new Active(contextId, c.activations, c.leftHash, c.rightHash));
                        } else if (c.zeroLevel && newContext && shortLeft) {
                            potential.add(new Pair(left.matchedFacts(), r.matchedFacts()));
                        }
                    }
                } else if (c.zeroLevel && newContext && r.matchedCount > 0 && shortLeft) {
                    potential.add(new Pair(left.matchedFacts(), r.matchedFacts()));
                }
            });
        }
        newContextId = 0;
        return new Crossing(active, selected[0], potential);
    }

    /**
     * Stores the potential new contexts, crosses the left facts (this step's sensor facts and active
     * neurons) with the left semi-contexts, and predicts the next sensor facts: the union of the right
     * facts of the contexts of completely matched left sides whose weight (matched weight / selected
     * count, 0 when never selected) is the largest ({@code contextCrosser(leftOrRight=0)}).
     */
    Prediction crossLeft(long[] facts, List<Pair> potential) {
        int added = potential.isEmpty() ? 0 : add(potential, false);
        cross(0, facts);
        double[] best = {0.0};
        List<Context> predicting = new ArrayList<>();
        for (int leftId : crossed[0]) {
            Semi left = semis[0].get(leftId);
            if (left.size != left.matchedCount) {
                continue;
            }
            left.contexts.forEach((rightId, contextId) -> {
                Context c = contexts.get(contextId);
                double w = c.selected > 0 ? c.weight / (double) c.selected : 0.0;
                if (w > best[0]) {
                    best[0] = w;
                    predicting.clear();
                    predicting.add(c);
                } else if (w == best[0]) {
                    predicting.add(c);
                }
            });
        }
        Set<Long> predictions = new HashSet<>();
        for (Context c : predicting) {
            for (long f : c.rightFacts) {
                predictions.add(f);
            }
        }
        return new Prediction(added, predictions);
    }
}
