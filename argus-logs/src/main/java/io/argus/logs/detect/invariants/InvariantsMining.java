package io.argus.logs.detect.invariants;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.linalg.SymmetricEigen;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invariants Mining: sparse integer linear relations between event counts that hold in (almost) every
 * normal session, such as "every file opened is closed" (count(open) − count(close) = 0); a session that
 * breaks one is anomalous.
 *
 * <p>Lou, Fu, Yang, Xu, Li, "Mining Invariants from Console Logs for System Problem Detection", USENIX
 * ATC 2010; as loglizer's {@code models/InvariantsMiner.py}: the dimension r of the invariant space is the
 * number of smallest singular vectors v of XᵀX with |x·v| &lt; epsilon on at least {@code percentage} of
 * the sessions; candidates are searched Apriori-style by growing column sets (a set is a candidate when
 * all its subsets one smaller are still candidates); a set's invariant is the eigenvector of its smallest
 * eigenvalue, scaled so its smallest entry is s ∈ {1..maxScale} and rounded to integers, valid when it
 * holds exactly on at least {@code percentage} of the sessions; finding one prunes the sets that would
 * combine it with another; all-zero columns are invariants "count = 0"; the search stops once r
 * invariants are found. The search is exponential in the number of events in the worst case (loglizer
 * has no bound); Argus stops it after {@link InvariantsParams#maxCandidates()} candidate checks, keeping
 * the invariants found so far, which never binds on HDFS's sessions.
 *
 * <p>Score: Σ over invariants of |x·θ|, the total amount by which a session breaks them; anomalous when
 * above 1e-6 as in loglizer ({@link Trained#threshold()}). Explanation: the broken invariants and their
 * events. Deterministic. Time: fit O(n m²) plus O(n·len) per candidate checked (worst case exponential
 * in m, bounded in practice by r); score O(Σ invariant sizes) per session.
 */
public final class InvariantsMining implements Detector<EventSessions> {

    private static final double ZERO = 1e-8;
    private static final Logger LOG = LoggerFactory.getLogger(InvariantsMining.class);

    private final InvariantsParams params;

    /** A detector with these parameters. */
    public InvariantsMining(InvariantsParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<EventSessions> fit(EventSessions train, Context ctx) {
        CountFeatures f = CountFeatures.fit(train, CountFeatures.Weighting.NONE, CountFeatures.Normalization.NONE, params.oov());
        double[][] x = f.transform(train);
        int r = invariantSpace(x, f.width());
        Map<List<Integer>, int[]> inv = search(x, f.width(), r, ctx);
        List<int[]> cols = new ArrayList<>();
        List<int[]> thetas = new ArrayList<>();
        inv.forEach((c, t) -> {
            cols.add(c.stream().mapToInt(Integer::intValue).toArray());
            thetas.add(t);
        });
        return new Trained(f, cols, thetas);
    }

    private int invariantSpace(double[][] x, int m) {
        int n = x.length;
        double[] c = new double[m * m];
        for (double[] row : x) {
            for (int a = 0; a < m; a++) {
                if (row[a] != 0) {
                    for (int b = 0; b < m; b++) {
                        c[a * m + b] += row[a] * row[b];
                    }
                }
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(c, m);
        int dim = 0;
        for (int i = m - 1; i >= 0; i--) {
            double[] v = eig.vector(i);
            int count = 0;
            for (double[] row : x) {
                double d = 0;
                for (int j = 0; j < m; j++) {
                    d += row[j] * v[j];
                }
                if (Math.abs(d) < params.epsilon()) {
                    count++;
                }
            }
            if (count < n * params.percentage()) {
                break;
            }
            dim++;
        }
        return dim;
    }

    private Map<List<Integer>, int[]> search(double[][] x, int m, int r, Context ctx) {
        Map<List<Integer>, int[]> invariants = new LinkedHashMap<>();
        Set<List<Integer>> space = new HashSet<>();
        List<List<Integer>> items = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            List<Integer> col = List.of(j);
            space.add(col);
            boolean zero = true;
            for (double[] row : x) {
                if (row[j] != 0) {
                    zero = false;
                    break;
                }
            }
            if (zero) {
                invariants.put(col, new int[] {1});
                space.remove(col);
            } else {
                items.add(col);
            }
        }
        int length = 2;
        long checked = 0;
        while (!items.isEmpty()) {
            ctx.checkCancelled();
            if (params.longestInvariant() > 0 && items.get(0).size() >= params.longestInvariant()) {
                break;
            }
            List<List<Integer>> joined = join(items, length);
            for (List<Integer> cand : joined) {
                if (subsetsIn(cand, space)) {
                    space.add(cand);
                }
            }
            items = new ArrayList<>();
            boolean stop = false;
            for (List<Integer> item : joined) {
                if (invariants.containsKey(item) || !space.contains(item)) {
                    continue;
                }
                if (length > 2 && !subsetsIn(item, space)) {
                    space.remove(item);
                    continue;
                }
                if (++checked > params.maxCandidates()) {
                    LOG.debug("invariants mining: stopped after {} candidates with {} of {} invariants", params.maxCandidates(), invariants.size(), r);
                    stop = true;
                    break;
                }
                int[] theta = validInvariant(x, item);
                if (theta != null) {
                    prune(invariants.keySet(), item, space);
                    invariants.put(item, theta);
                    space.remove(item);
                } else {
                    items.add(item);
                }
                if (invariants.size() >= r) {
                    stop = true;
                    break;
                }
            }
            if (stop) {
                break;
            }
            length++;
        }
        return invariants;
    }

    /**
     * loglizer's _join_set followed by its subset check, as the classic Apriori join: two items of the
     * (sorted) list that share all but their last column give their union. Every union that can pass
     * {@link #subsetsIn} contains two such items (drop its last or its second-to-last column), so the
     * candidates that survive are exactly loglizer's, found in O(pairs with a common prefix) instead of
     * O(items²). Sorted, without duplicates.
     */
    private static List<List<Integer>> join(List<List<Integer>> items, int length) {
        List<List<Integer>> sorted = new ArrayList<>(items);
        sorted.sort(InvariantsMining::compareLists);
        List<List<Integer>> out = new ArrayList<>();
        int n = sorted.size();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && samePrefix(sorted.get(start), sorted.get(end))) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int j = i + 1; j < end; j++) {
                    List<Integer> a = sorted.get(i);
                    List<Integer> b = sorted.get(j);
                    if (a.size() + 1 != length) {
                        continue;
                    }
                    List<Integer> u = new ArrayList<>(a);
                    u.add(b.get(b.size() - 1));
                    out.add(List.copyOf(u));
                }
            }
            start = end;
        }
        out.sort(InvariantsMining::compareLists);
        return out;
    }

    private static boolean samePrefix(List<Integer> a, List<Integer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size() - 1; k++) {
            if (!a.get(k).equals(b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int c = Integer.compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** loglizer's _check_candi_valid: every subset one smaller is still in the search space. */
    private static boolean subsetsIn(List<Integer> item, Set<List<Integer>> space) {
        for (int skip = 0; skip < item.size(); skip++) {
            List<Integer> sub = new ArrayList<>(item.size() - 1);
            for (int k = 0; k < item.size(); k++) {
                if (k != skip) {
                    sub.add(item.get(k));
                }
            }
            if (!space.contains(sub)) {
                return false;
            }
        }
        return true;
    }

    /** loglizer's _prune: drop the sets that would join the new invariant with an existing one minus a shared column. */
    private static void prune(Set<List<Integer>> valid, List<Integer> item, Set<List<Integer>> space) {
        Set<Integer> added = new HashSet<>(item);
        for (List<Integer> se : valid) {
            Set<Integer> inter = new HashSet<>(se);
            inter.retainAll(added);
            if (inter.isEmpty()) {
                continue;
            }
            Set<Integer> union = new java.util.TreeSet<>(se);
            union.addAll(added);
            for (int shared : inter) {
                List<Integer> diff = new ArrayList<>(union);
                diff.remove(Integer.valueOf(shared));
                space.remove(diff);
            }
        }
    }

    /** loglizer's _check_invar_validity: the scaled, rounded smallest eigenvector, or null when it holds too rarely. */
    private int[] validInvariant(double[][] x, List<Integer> cols) {
        int k = cols.size();
        int n = x.length;
        double[] c = new double[k * k];
        for (double[] row : x) {
            for (int a = 0; a < k; a++) {
                double va = row[cols.get(a)];
                if (va != 0) {
                    for (int b = 0; b < k; b++) {
                        c[a * k + b] += va * row[cols.get(b)];
                    }
                }
            }
        }
        double[] theta = SymmetricEigen.of(c, k).vector(k - 1);
        int minIndex = 0;
        for (int a = 0; a < k; a++) {
            if (theta[a] == 0) {
                return null;
            }
            if (Math.abs(theta[a]) < Math.abs(theta[minIndex])) {
                minIndex = a;
            }
        }
        for (int s = 1; s <= params.maxScale(); s++) {
            double scale = s / theta[minIndex];
            int[] t = new int[k];
            boolean zero = false;
            for (int a = 0; a < k; a++) {
                t[a] = (int) Math.round(theta[a] * scale);
                if (t[a] == 0 && a != minIndex) {
                    zero = true;
                }
            }
            t[minIndex] = s;
            if (zero) {
                continue;
            }
            int holds = 0;
            for (double[] row : x) {
                double d = 0;
                for (int a = 0; a < k; a++) {
                    d += row[cols.get(a)] * t[a];
                }
                if (Math.abs(d) < ZERO) {
                    holds++;
                }
            }
            if (holds >= params.percentage() * n) {
                return t;
            }
        }
        return null;
    }

    /** A fitted set of invariants. Immutable. */
    public static final class Trained implements Model<EventSessions>, ExplainsSessions, IntrinsicThreshold {
        /** loglizer's decision rule: broken when |x·θ| summed over invariants exceeds 1e-6. */
        private static final double BROKEN = 1e-6;

        private final CountFeatures features;
        private final List<int[]> cols;
        private final List<int[]> thetas;

        Trained(CountFeatures features, List<int[]> cols, List<int[]> thetas) {
            this.features = features;
            this.cols = List.copyOf(cols);
            this.thetas = List.copyOf(thetas);
        }

        /** The invariants as readable equations, e.g. {@code 1·c(E5) − 1·c(E22) = 0}. */
        public List<String> invariants() {
            List<String> out = new ArrayList<>();
            for (int v = 0; v < cols.size(); v++) {
                out.add(equation(v));
            }
            return out;
        }

        private String equation(int v) {
            StringBuilder sb = new StringBuilder();
            int[] c = cols.get(v);
            int[] t = thetas.get(v);
            for (int a = 0; a < c.length; a++) {
                if (a > 0) {
                    sb.append(t[a] < 0 ? " - " : " + ");
                } else if (t[a] < 0) {
                    sb.append('-');
                }
                sb.append(Math.abs(t[a])).append("*count(").append(features.columnName(c[a])).append(')');
            }
            return sb.append(" = 0").toString();
        }

        private double violation(double[] row, int v) {
            int[] c = cols.get(v);
            int[] t = thetas.get(v);
            double d = 0;
            for (int a = 0; a < c.length; a++) {
                d += row[c[a]] * t[a];
            }
            return Math.abs(d);
        }

        @Override
        public double threshold() {
            return Math.nextUp(BROKEN);
        }

        @Override
        public Scores score(EventSessions data, Context ctx) {
            double[][] x = features.transform(data);
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int v = 0; v < cols.size(); v++) {
                    s += violation(x[i], v);
                }
                out[i] = s;
            }
            return Scores.of(out);
        }

        @Override
        public List<EventReason> explain(EventSessions data, int i, int limit) {
            Explanations.check(i, data.size(), limit);
            double[] row = features.transform(data.select(new int[] {i}))[0];
            double[] w = new double[cols.size()];
            for (int v = 0; v < cols.size(); v++) {
                w[v] = violation(row, v);
            }
            return Explanations.top(w, limit, v -> {
                StringBuilder names = new StringBuilder();
                for (int c : cols.get(v)) {
                    if (!names.isEmpty()) {
                        names.append(" | ");
                    }
                    names.append(features.columnName(c));
                }
                return names.toString();
            }, v -> {
                StringBuilder counts = new StringBuilder();
                for (int c : cols.get(v)) {
                    counts.append(counts.isEmpty() ? "" : ", ").append((long) row[c]);
                }
                return "breaks invariant " + equation(v) + " by " + (long) w[v] + " (counts here: " + counts + ")";
            });
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>(features.state("features."));
            List<Integer> flat = new ArrayList<>();
            for (int v = 0; v < cols.size(); v++) {
                flat.add(cols.get(v).length);
                for (int c : cols.get(v)) {
                    flat.add(c);
                }
                for (int t : thetas.get(v)) {
                    flat.add(t);
                }
            }
            s.put("invariants", Tensor.i32(flat.stream().mapToInt(Integer::intValue).toArray()));
            return s;
        }

        /** Rebuilds a model from {@link #state()}: {@code invariants} = per invariant [k, k columns, k coefficients]. */
        public static Trained restore(Map<String, Tensor> state) {
            CountFeatures f = CountFeatures.restore(state, "features.");
            int[] flat = StateTensors.ints(state, "invariants");
            List<int[]> cols = new ArrayList<>();
            List<int[]> thetas = new ArrayList<>();
            int p = 0;
            while (p < flat.length) {
                int k = flat[p++];
                if (k < 1 || p + 2L * k > flat.length) {
                    throw new IllegalArgumentException("model state tensor 'invariants' is malformed at element " + (p - 1));
                }
                int[] c = Arrays.copyOfRange(flat, p, p + k);
                for (int col : c) {
                    if (col < 0 || col >= f.width()) {
                        throw new IllegalArgumentException("model state tensor 'invariants' names column " + col + " of " + f.width());
                    }
                }
                cols.add(c);
                thetas.add(Arrays.copyOfRange(flat, p + k, p + 2 * k));
                p += 2 * k;
            }
            return new Trained(f, cols, thetas);
        }
    }
}
