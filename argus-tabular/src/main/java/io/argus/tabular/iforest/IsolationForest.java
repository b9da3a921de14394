package io.argus.tabular.iforest;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Sampling;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Isolation Forest: anomalies are few and different, so random axis-parallel splits isolate them in
 * fewer steps than normal points.
 *
 * <p>Liu, Ting, Zhou, "Isolation Forest", ICDM 2008. Each of t trees is grown on a sub-sample of ψ rows
 * drawn without replacement, to the height limit ⌈log₂ ψ⌉, by choosing a feature at random among those
 * not constant in the node and a split value uniformly between its minimum and maximum there. The
 * path length h(x) of a point is the depth of the leaf it falls into plus c(size), the average path
 * length of an unsuccessful BST search among the size points left unisolated in that leaf
 * (c(n) = 2H(n−1) − 2(n−1)/n, c(2) = 1). The score is s(x) = 2^(−E[h(x)] / c(ψ)) in (0, 1]: higher is
 * more anomalous, and about 0.5 or below means nothing stands out.
 *
 * <p>Time: fit O(t ψ log ψ), score O(n t log ψ). Memory: O(t ψ) for the forest.
 */
public final class IsolationForest implements Detector<Table> {

    private static final double EULER_GAMMA = 0.5772156649015329;

    private final IsolationForestParams params;

    /** A detector with the given parameters. */
    public IsolationForest(IsolationForestParams params) {
        this.params = params;
    }

    /** The parameters. */
    public IsolationForestParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        if (n < 2) {
            throw new IllegalArgumentException("isolation forest needs at least 2 training rows, got " + n);
        }
        int psi = Math.min(params.maxSamples(), n);
        int heightLimit = (int) Math.ceil(log2(psi));
        int trees = params.trees();
        Forest.Tree[] built = new Forest.Tree[trees];
        ctx.progress().start("isolation forest: growing trees", trees);
        ctx.parallelFor(trees, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                built[t] = growTree(train, Sampling.withoutReplacement(n, psi, ctx.random(t)), heightLimit, ctx.random(t + (1L << 32)));
                ctx.progress().advance(1);
            }
        });
        ctx.progress().done();
        return new Forest(Forest.Tree.concat(built), train.cols(), averagePathLength(psi));
    }

    /**
     * The average path length of an unsuccessful search in a binary search tree of n points, which
     * normalises path lengths (the paper's c(n)).
     */
    public static double averagePathLength(long n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Forest.Tree growTree(Table data, int[] rows, int heightLimit, SplittableRandom rnd) {
        TreeBuilder b = new TreeBuilder(data, rows, rnd);
        b.build(0, rows.length, 0, heightLimit);
        return b.finish();
    }

    /** Grows one tree over a working copy of its sample's row indices, partitioned in place. */
    private static final class TreeBuilder {
        private final Table data;
        private final int[] rows;
        private final SplittableRandom rnd;
        private final int d;
        private final int[] candidates;
        private int size;
        private int[] feature = new int[64];
        private float[] split = new float[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] leafPath = new double[64];

        TreeBuilder(Table data, int[] rows, SplittableRandom rnd) {
            this.data = data;
            this.rows = rows;
            this.rnd = rnd;
            this.d = data.cols();
            this.candidates = new int[d];
        }

        int build(int from, int to, int depth, int heightLimit) {
            int node = newNode();
            int count = to - from;
            if (depth >= heightLimit || count <= 1) {
                leaf(node, depth, count);
                return node;
            }
            float[] v = data.values();
            // Choose uniformly among the features that are not constant in this node: a constant feature
            // cannot split, and drawing it would waste a level of the height limit.
            for (int j = 0; j < d; j++) {
                candidates[j] = j;
            }
            int remaining = d;
            while (remaining > 0) {
                int pick = rnd.nextInt(remaining);
                int f = candidates[pick];
                candidates[pick] = candidates[--remaining];
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    float x = v[rows[i] * d + f];
                    if (x < min) {
                        min = x;
                    }
                    if (x > max) {
                        max = x;
                    }
                }
                if (max > min) {
                    float p = (float) (min + rnd.nextDouble() * ((double) max - min));
                    if (p <= min) {
                        // Rounding to float can land on min; keep at least one point on each side.
                        p = Math.nextUp(min);
                    }
                    int mid = partition(from, to, f, p);
                    feature[node] = f;
                    split[node] = p;
                    int l = build(from, mid, depth + 1, heightLimit);
                    int r = build(mid, to, depth + 1, heightLimit);
                    left[node] = l;
                    right[node] = r;
                    return node;
                }
            }
            // All features constant: the remaining points are duplicates and cannot be isolated.
            leaf(node, depth, count);
            return node;
        }

        private int partition(int from, int to, int f, float p) {
            float[] v = data.values();
            int i = from;
            int j = to - 1;
            while (i <= j) {
                if (v[rows[i] * d + f] < p) {
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

        private void leaf(int node, int depth, int count) {
            feature[node] = -1;
            leafPath[node] = depth + averagePathLength(count);
        }

        private int newNode() {
            if (size == feature.length) {
                int cap = size * 2;
                feature = java.util.Arrays.copyOf(feature, cap);
                split = java.util.Arrays.copyOf(split, cap);
                left = java.util.Arrays.copyOf(left, cap);
                right = java.util.Arrays.copyOf(right, cap);
                leafPath = java.util.Arrays.copyOf(leafPath, cap);
            }
            return size++;
        }

        Forest.Tree finish() {
            return new Forest.Tree(java.util.Arrays.copyOf(feature, size), java.util.Arrays.copyOf(split, size),
                    java.util.Arrays.copyOf(left, size), java.util.Arrays.copyOf(right, size),
                    java.util.Arrays.copyOf(leafPath, size), new int[] {0});
        }
    }

    /** A fitted isolation forest: all trees' nodes in flat arrays, trees addressed by their root index. */
    static final class Forest implements Model<Table> {
        private final Tree nodes;
        private final int cols;
        private final double normaliser;

        Forest(Tree nodes, int cols, double normaliser) {
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
            int[] feature = nodes.feature;
            float[] split = nodes.split;
            int[] left = nodes.left;
            int[] right = nodes.right;
            double[] leafPath = nodes.leafPath;
            int[] roots = nodes.roots;
            int trees = roots.length;
            double norm = normaliser > 0 ? normaliser : 1;
            ctx.progress().start("isolation forest: scoring", n);
            ctx.parallelFor(n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = i * cols;
                    double sum = 0;
                    for (int t = 0; t < trees; t++) {
                        int node = roots[t];
                        int f;
                        while ((f = feature[node]) >= 0) {
                            node = v[base + f] < split[node] ? left[node] : right[node];
                        }
                        sum += leafPath[node];
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
            s.put("feature", Tensor.i32(nodes.feature));
            s.put("split", Tensor.f32(nodes.split));
            s.put("left", Tensor.i32(nodes.left));
            s.put("right", Tensor.i32(nodes.right));
            s.put("leaf_path", Tensor.f64(nodes.leafPath));
            s.put("roots", Tensor.i32(nodes.roots));
            s.put("normaliser", Tensor.f64(new double[] {normaliser}));
            s.put("cols", Tensor.i32(new int[] {cols}));
            return s;
        }

        /** Rebuilds a forest from {@link #state()}, checking every index so a corrupt file cannot loop or overflow. */
        static Forest restore(Map<String, Tensor> s) {
            int[] feature = StateTensors.ints(s, "feature");
            int m = feature.length;
            float[] split = StateTensors.floats(s, "split", m);
            int[] left = StateTensors.ints(s, "left", m);
            int[] right = StateTensors.ints(s, "right", m);
            double[] leafPath = StateTensors.doubles(s, "leaf_path", m);
            int[] roots = StateTensors.ints(s, "roots");
            double normaliser = StateTensors.doubles(s, "normaliser", 1)[0];
            int cols = StateTensors.ints(s, "cols", 1)[0];
            if (cols < 1) {
                throw new IllegalArgumentException("tensor 'cols' is " + cols + "; expected >= 1");
            }
            if (roots.length == 0) {
                throw new IllegalArgumentException("tensor 'roots' is empty; a forest needs at least one tree");
            }
            for (int node = 0; node < m; node++) {
                if (feature[node] >= cols) {
                    throw new IllegalArgumentException("node " + node + " splits on feature " + feature[node] + " of " + cols);
                }
                // Children always follow their parent in the flat arrays, so walks terminate.
                if (feature[node] >= 0 && (left[node] <= node || left[node] >= m || right[node] <= node || right[node] >= m)) {
                    throw new IllegalArgumentException("node " + node + " has children out of order or out of range");
                }
            }
            for (int r : roots) {
                if (r < 0 || r >= m) {
                    throw new IllegalArgumentException("tree root " + r + " is out of range [0, " + m + ")");
                }
            }
            return new Forest(new Tree(feature, split, left, right, leafPath, roots), cols, normaliser);
        }

        /** Nodes of one or more trees in flat arrays; a node with feature -1 is a leaf. */
        record Tree(int[] feature, float[] split, int[] left, int[] right, double[] leafPath, int[] roots) {

            static Tree concat(Tree[] trees) {
                int total = 0;
                for (Tree t : trees) {
                    total += t.feature.length;
                }
                int[] feature = new int[total];
                float[] split = new float[total];
                int[] left = new int[total];
                int[] right = new int[total];
                double[] leafPath = new double[total];
                int[] roots = new int[trees.length];
                int off = 0;
                for (int k = 0; k < trees.length; k++) {
                    Tree t = trees[k];
                    int m = t.feature.length;
                    roots[k] = off;
                    System.arraycopy(t.feature, 0, feature, off, m);
                    System.arraycopy(t.split, 0, split, off, m);
                    System.arraycopy(t.leafPath, 0, leafPath, off, m);
                    for (int i = 0; i < m; i++) {
                        left[off + i] = t.feature[i] >= 0 ? t.left[i] + off : 0;
                        right[off + i] = t.feature[i] >= 0 ? t.right[i] + off : 0;
                    }
                    off += m;
                }
                return new Tree(feature, split, left, right, leafPath, roots);
            }
        }
    }
}
