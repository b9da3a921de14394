package io.argus.tabular.eif;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Sampling;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.tabular.iforest.IsolationForest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Extended Isolation Forest: Isolation Forest with splits along random hyperplanes instead of
 * axis-parallel cuts, which removes the axis-aligned bands of artificially low scores that axis-parallel
 * splits leave around clusters.
 *
 * <p>Hariri, Carrasco Kind, Brunner, "Extended Isolation Forest", IEEE Transactions on Knowledge and
 * Data Engineering 33(4), 2021. Each of t trees is grown on ψ rows drawn without replacement, to the
 * height limit ⌈log₂ ψ⌉. A node splits its rows by the hyperplane through a point p drawn uniformly in
 * the node's bounding box with normal vector n drawn from N(0, I): x goes left when (x − p)·n &lt; 0.
 * The extension level e leaves e + 1 coordinates of n non-zero (chosen at random) and sets the rest to
 * 0, so e = 0 gives Isolation Forest's axis-parallel splits and e = d − 1 (the default) fully random
 * directions. Path lengths and the score are Isolation Forest's: h(x) is the depth of x's leaf plus
 * c(size) for the rows left in it ({@link IsolationForest#averagePathLength}), and
 * s(x) = 2^(−E[h(x)] / c(ψ)) in (0, 1]: higher is more anomalous, about 0.5 or below means nothing stands out.
 *
 * <p>Two choices the paper leaves open, made as in Argus's Isolation Forest so that e = 0 is that method
 * exactly in distribution: the e + 1 coordinates are drawn among those not constant in the node (a
 * constant coordinate cannot separate the node's rows and would waste a level of the height limit;
 * when fewer than e + 1 vary, all that vary are used), and a node whose rows are all equal is a leaf.
 * As in the paper's reference code, a hyperplane may leave one side empty: an empty leaf has path length
 * equal to its depth, which is what makes the unpopulated corners of a node's box anomalous.
 *
 * <p>Time: fit O(t ψ log ψ · d), score O(n t log ψ · a) with a = min(e + 1, d) coordinates per split.
 * Memory: O(t ψ a) for the forest (each internal node keeps its a coordinates and weights).
 */
public final class ExtendedIsolationForest implements Detector<Table> {

    private final ExtendedIsolationForestParams params;

    /** A detector with the given parameters. */
    public ExtendedIsolationForest(ExtendedIsolationForestParams params) {
        this.params = params;
    }

    /** The parameters. */
    public ExtendedIsolationForestParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        if (n < 2) {
            throw new IllegalArgumentException("extended isolation forest needs at least 2 training rows, got " + n);
        }
        int active = params.extensionLevel(train.cols()) + 1;
        int psi = Math.min(params.maxSamples(), n);
        int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        int trees = params.trees();
        HyperplaneForest.Nodes[] built = new HyperplaneForest.Nodes[trees];
        ctx.progress().start("extended isolation forest: growing trees", trees);
        ctx.parallelFor(trees, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                TreeBuilder b = new TreeBuilder(train, Sampling.withoutReplacement(n, psi, ctx.random(t)), active, ctx.random(t + (1L << 32)));
                b.build(0, psi, 0, heightLimit);
                built[t] = b.finish();
                ctx.progress().advance(1);
            }
        });
        ctx.progress().done();
        return new HyperplaneForest(HyperplaneForest.Nodes.concat(built), train.cols(), IsolationForest.averagePathLength(psi));
    }

    /** Σ w_j x_j over a node's coordinates, in double; fitting and scoring route rows with this one function. */
    static double project(float[] v, int base, int[] coord, float[] weight, int start, int count) {
        double s = 0;
        for (int c = start, end = start + count; c < end; c++) {
            s += (double) weight[c] * v[base + coord[c]];
        }
        return s;
    }

    /** Grows one tree over a working copy of its sample's row indices, partitioned in place. */
    private static final class TreeBuilder {
        private final Table data;
        private final int[] rows;
        private final int active;
        private final SplittableRandom rnd;
        private final int d;
        private final int[] candidates;
        private final float[] lo;
        private final float[] hi;
        private int size;
        private int[] start = new int[64];
        private int[] count = new int[64];
        private double[] offset = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] leafPath = new double[64];
        private int coefs;
        private int[] coord = new int[64];
        private float[] weight = new float[64];

        TreeBuilder(Table data, int[] rows, int active, SplittableRandom rnd) {
            this.data = data;
            this.rows = rows;
            this.active = active;
            this.rnd = rnd;
            this.d = data.cols();
            this.candidates = new int[d];
            this.lo = new float[d];
            this.hi = new float[d];
        }

        int build(int from, int to, int depth, int heightLimit) {
            int node = newNode();
            int m = to - from;
            if (depth >= heightLimit || m <= 1) {
                leaf(node, depth, m);
                return node;
            }
            float[] v = data.values();
            Arrays.fill(lo, Float.POSITIVE_INFINITY);
            Arrays.fill(hi, Float.NEGATIVE_INFINITY);
            for (int i = from; i < to; i++) {
                int base = rows[i] * d;
                for (int j = 0; j < d; j++) {
                    float x = v[base + j];
                    if (x < lo[j]) {
                        lo[j] = x;
                    }
                    if (x > hi[j]) {
                        hi[j] = x;
                    }
                }
            }
            int varying = 0;
            for (int j = 0; j < d; j++) {
                if (hi[j] > lo[j]) {
                    candidates[varying++] = j;
                }
            }
            if (varying == 0) {
                // All rows equal: no hyperplane separates them, and more levels would only add depth.
                leaf(node, depth, m);
                return node;
            }
            int a = Math.min(active, varying);
            if (a < varying) {
                // Partial Fisher–Yates: the first a candidates become a uniform random subset.
                for (int c = 0; c < a; c++) {
                    int pick = c + rnd.nextInt(varying - c);
                    int t = candidates[pick];
                    candidates[pick] = candidates[c];
                    candidates[c] = t;
                }
            }
            ensureCoefs(a);
            int s = coefs;
            double b = 0;
            for (int c = 0; c < a; c++) {
                int j = candidates[c];
                float w = (float) rnd.nextGaussian();
                double p = lo[j] + rnd.nextDouble() * ((double) hi[j] - lo[j]);
                coord[s + c] = j;
                weight[s + c] = w;
                b += (double) w * p;
            }
            coefs += a;
            // (x − p)·n < 0  ⇔  x·n < p·n: the node keeps n and the offset p·n.
            int mid = partition(from, to, s, a, b);
            start[node] = s;
            count[node] = a;
            offset[node] = b;
            int l = build(from, mid, depth + 1, heightLimit);
            int r = build(mid, to, depth + 1, heightLimit);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private int partition(int from, int to, int s, int a, double b) {
            float[] v = data.values();
            int i = from;
            int j = to - 1;
            while (i <= j) {
                if (project(v, rows[i] * d, coord, weight, s, a) < b) {
                    i++;
                } else {
                    int t = rows[i];
                    rows[i] = rows[j];
                    rows[j] = t;
                    j--;
                }
            }
            return i;
        }

        private void leaf(int node, int depth, int m) {
            count[node] = 0;
            leafPath[node] = depth + IsolationForest.averagePathLength(m);
        }

        private void ensureCoefs(int a) {
            if (coefs + a > coord.length) {
                int cap = Math.max(coord.length * 2, coefs + a);
                coord = Arrays.copyOf(coord, cap);
                weight = Arrays.copyOf(weight, cap);
            }
        }

        private int newNode() {
            if (size == start.length) {
                int cap = size * 2;
                start = Arrays.copyOf(start, cap);
                count = Arrays.copyOf(count, cap);
                offset = Arrays.copyOf(offset, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                leafPath = Arrays.copyOf(leafPath, cap);
            }
            return size++;
        }

        HyperplaneForest.Nodes finish() {
            return new HyperplaneForest.Nodes(Arrays.copyOf(start, size), Arrays.copyOf(count, size), Arrays.copyOf(offset, size),
                    Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(leafPath, size), new int[] {0},
                    Arrays.copyOf(coord, coefs), Arrays.copyOf(weight, coefs));
        }
    }

    /**
     * A fitted extended isolation forest: all trees' nodes in flat arrays, trees addressed by their root
     * index; internal node i splits on the {@code count[i]} coordinates and weights starting at
     * {@code start[i]} in the coefficient pool, and a node with count 0 is a leaf.
     */
    static final class HyperplaneForest implements Model<Table> {
        private final Nodes nodes;
        private final int cols;
        private final double normaliser;

        HyperplaneForest(Nodes nodes, int cols, double normaliser) {
            this.nodes = nodes;
            this.cols = cols;
            this.normaliser = normaliser;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(cols);
            int n = data.rows();
            double[] out = new double[n];
            float[] v = data.values();
            Nodes t = nodes;
            int trees = t.roots.length;
            double norm = normaliser > 0 ? normaliser : 1;
            ctx.progress().start("extended isolation forest: scoring", n);
            ctx.parallelFor(n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = i * cols;
                    double sum = 0;
                    for (int k = 0; k < trees; k++) {
                        int node = t.roots[k];
                        int a;
                        while ((a = t.count[node]) > 0) {
                            node = project(v, base, t.coord, t.weight, t.start[node], a) < t.offset[node] ? t.left[node] : t.right[node];
                        }
                        sum += t.leafPath[node];
                    }
                    out[i] = Math.pow(2, -(sum / trees) / norm);
                }
                ctx.progress().advance(to - from);
            });
            ctx.progress().done();
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("coef_start", Tensor.i32(nodes.start));
            s.put("coef_count", Tensor.i32(nodes.count));
            s.put("offset", Tensor.f64(nodes.offset));
            s.put("left", Tensor.i32(nodes.left));
            s.put("right", Tensor.i32(nodes.right));
            s.put("leaf_path", Tensor.f64(nodes.leafPath));
            s.put("roots", Tensor.i32(nodes.roots));
            s.put("coord", Tensor.i32(nodes.coord));
            s.put("weight", Tensor.f32(nodes.weight));
            s.put("normaliser", Tensor.f64(new double[] {normaliser}));
            s.put("cols", Tensor.i32(new int[] {cols}));
            return s;
        }

        /** Rebuilds a forest from {@link #state()}, checking every index so a corrupt file cannot loop or overflow. */
        static HyperplaneForest restore(Map<String, Tensor> s) {
            int[] start = StateTensors.ints(s, "coef_start");
            int m = start.length;
            int[] count = StateTensors.ints(s, "coef_count", m);
            double[] offset = StateTensors.doubles(s, "offset", m);
            int[] left = StateTensors.ints(s, "left", m);
            int[] right = StateTensors.ints(s, "right", m);
            double[] leafPath = StateTensors.doubles(s, "leaf_path", m);
            int[] roots = StateTensors.ints(s, "roots");
            int[] coord = StateTensors.ints(s, "coord");
            float[] weight = StateTensors.floats(s, "weight", coord.length);
            double normaliser = StateTensors.doubles(s, "normaliser", 1)[0];
            int cols = StateTensors.ints(s, "cols", 1)[0];
            if (cols < 1) {
                throw new IllegalArgumentException("tensor 'cols' is " + cols + "; expected >= 1");
            }
            if (roots.length == 0) {
                throw new IllegalArgumentException("tensor 'roots' is empty; a forest needs at least one tree");
            }
            for (int c = 0; c < coord.length; c++) {
                if (coord[c] < 0 || coord[c] >= cols) {
                    throw new IllegalArgumentException("coefficient " + c + " is on coordinate " + coord[c] + " of " + cols);
                }
            }
            for (int node = 0; node < m; node++) {
                if (count[node] < 0 || count[node] > cols || (count[node] > 0 && (start[node] < 0 || start[node] > coord.length - count[node]))) {
                    throw new IllegalArgumentException("node " + node + " has coefficients out of range");
                }
                // Children always follow their parent in the flat arrays, so walks terminate.
                if (count[node] > 0 && (left[node] <= node || left[node] >= m || right[node] <= node || right[node] >= m)) {
                    throw new IllegalArgumentException("node " + node + " has children out of order or out of range");
                }
            }
            for (int r : roots) {
                if (r < 0 || r >= m) {
                    throw new IllegalArgumentException("tree root " + r + " is out of range [0, " + m + ")");
                }
            }
            return new HyperplaneForest(new Nodes(start, count, offset, left, right, leafPath, roots, coord, weight), cols, normaliser);
        }

        /** Nodes of one or more trees in flat arrays, with their hyperplanes' coefficient pool. */
        record Nodes(int[] start, int[] count, double[] offset, int[] left, int[] right, double[] leafPath, int[] roots,
                int[] coord, float[] weight) {

            static Nodes concat(Nodes[] trees) {
                int total = 0;
                int totalCoefs = 0;
                for (Nodes t : trees) {
                    total += t.start.length;
                    totalCoefs += t.coord.length;
                }
                int[] start = new int[total];
                int[] count = new int[total];
                double[] offset = new double[total];
                int[] left = new int[total];
                int[] right = new int[total];
                double[] leafPath = new double[total];
                int[] roots = new int[trees.length];
                int[] coord = new int[totalCoefs];
                float[] weight = new float[totalCoefs];
                int off = 0;
                int coefOff = 0;
                for (int k = 0; k < trees.length; k++) {
                    Nodes t = trees[k];
                    int m = t.start.length;
                    roots[k] = off;
                    System.arraycopy(t.count, 0, count, off, m);
                    System.arraycopy(t.offset, 0, offset, off, m);
                    System.arraycopy(t.leafPath, 0, leafPath, off, m);
                    System.arraycopy(t.coord, 0, coord, coefOff, t.coord.length);
                    System.arraycopy(t.weight, 0, weight, coefOff, t.weight.length);
                    for (int i = 0; i < m; i++) {
                        boolean internal = t.count[i] > 0;
                        start[off + i] = internal ? t.start[i] + coefOff : 0;
                        left[off + i] = internal ? t.left[i] + off : 0;
                        right[off + i] = internal ? t.right[i] + off : 0;
                    }
                    off += m;
                    coefOff += t.coord.length;
                }
                return new Nodes(start, count, offset, left, right, leafPath, roots, coord, weight);
            }
        }
    }
}
