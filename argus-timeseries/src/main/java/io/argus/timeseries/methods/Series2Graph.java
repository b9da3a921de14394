package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.linalg.Pca;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.timeseries.prep.Periods;
import io.argus.timeseries.prep.Windows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Series2Graph: the subsequences of the training part become a trajectory in a 2-D embedding, the
 * trajectory's recurrent crossings of radial rays become graph nodes and its transitions weighted edges;
 * a query subsequence whose path uses rare edges between low-degree nodes is anomalous.
 *
 * <p>Boniol and Palpanas, "Series2Graph: Graph-based Subsequence Anomaly Detection for Time Series",
 * PVLDB 13(11), 2020 (fourth on TSB-AD-U's VUS-PR leaderboard):
 * <ol>
 * <li>Embedding (§4.1): each subsequence of length ℓ is smoothed by a local convolution of λ = ⌊ℓ/3⌋
 *     points (the vector of its running sums), projected on the first 3 principal axes of the training
 *     subsequences, and then onto the plane orthogonal to v_ref, the image of the constant direction
 *     (the paper rotates v_ref onto the x axis and keeps (y, z); a different in-plane orientation only
 *     turns the rays).</li>
 * <li>Nodes (§4.2): {@code rays} = 30 rays from the origin at angles 2πa/30; the trajectory's segments
 *     cross each ray at some radii; the local maxima of a Gaussian kernel density of those radii
 *     (Scott's bandwidth σ·n^(−1/5), evaluated on 200 grid points) are the ray's nodes, and each
 *     crossing belongs to its nearest node.</li>
 * <li>Edges (§4.3): consecutive node crossings along the trajectory, weighted by their count.</li>
 * <li>Normality (§5): a query of ℓ_q steps (default 2ℓ, TSB-UAD's {@code query_length}, as recalled)
 *     follows the crossings of its subsequences; Norm = Σ w(N_k→N_k+1)·(deg(N_k) − 1) / ℓ_q, with deg
 *     the number of distinct edges at a node. The score is 1 / (1 + Norm), so rare paths score high.
 *     Scores of a new series use the training graph: crossings snap to the training nodes of their ray
 *     and an edge never seen in training has weight 0.</li>
 * </ol>
 * Query scores go back to steps centred ({@link Windows#spreadCentred}).
 *
 * <p>Time O(T·ℓ) for the embedding plus O(T·rays) for the crossings; memory O(T·ℓ).
 */
public final class Series2Graph implements UnivariateDetector {

    /** The paper's number of rays (its rate r). */
    public static final int RAYS_DEFAULT = 30;

    static final int GRID = 200;

    private final Series2GraphParams params;

    /** A detector with the given parameters. */
    public Series2Graph(Series2GraphParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return Series2GraphProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        float[] f = new float[train.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) train[i];
        }
        // The pattern is capped so that a query (queryFactor·ℓ steps) fits in the training part, which
        // must itself be scorable (benchmarks set thresholds from training scores).
        int l = Math.max(4, Math.min(Periods.window(params.window(), 1.0, f), (train.length - 1) / params.queryFactor()));
        int lambda = Math.max(1, l / 3);
        int lq = params.queryFactor() * l;
        if (train.length < l + 2) {
            throw new IllegalArgumentException("series2graph: training part has " + train.length + " steps, needs at least " + (l + 2));
        }
        int dim = l - lambda + 1;
        double[] conv = convolved(train, l, lambda);
        int n = conv.length / dim;
        int k = Math.min(3, Math.min(n, dim));
        Pca pca = Pca.fit(conv, n, dim, k, ctx);
        double[] axes = pca.componentRows();
        double[] proj = planeProjection(axes, k, dim);
        double[] mean = pca.mean();
        double[] pts = points(conv, n, dim, mean, proj);
        int rays = params.rays();
        List<Crossing> cs = crossings(pts, n, rays);
        double[][] nodes = new double[rays][];
        for (int a = 0; a < rays; a++) {
            List<Double> radii = new ArrayList<>();
            for (Crossing c : cs) {
                if (c.ray == a) {
                    radii.add(c.radius);
                }
            }
            nodes[a] = densityPeaks(radii);
        }
        int[] offsets = new int[rays + 1];
        for (int a = 0; a < rays; a++) {
            offsets[a + 1] = offsets[a] + nodes[a].length;
        }
        int[] visits = nodeIds(cs, nodes, offsets);
        Map<Long, Integer> weight = new HashMap<>();
        for (int q = 0; q + 1 < visits.length; q++) {
            weight.merge(edge(visits[q], visits[q + 1]), 1, Integer::sum);
        }
        int total = offsets[rays];
        int[] degree = new int[total];
        List<Set<Integer>> nb = new ArrayList<>();
        for (int v = 0; v < total; v++) {
            nb.add(new HashSet<>());
        }
        for (long e : weight.keySet()) {
            int from = (int) (e >>> 32);
            int to = (int) e;
            nb.get(from).add(to);
            nb.get(to).add(from);
        }
        for (int v = 0; v < total; v++) {
            degree[v] = nb.get(v).size();
        }
        double[] flat = new double[total];
        for (int a = 0; a < rays; a++) {
            System.arraycopy(nodes[a], 0, flat, offsets[a], nodes[a].length);
        }
        return new Fitted(l, lambda, lq, rays, mean, proj, offsets, flat, degree, weight);
    }

    static UnivariateModel restore(Series2GraphParams params, Map<String, Tensor> state) {
        int[] shape = StateTensors.ints(state, "shape", 4);
        double[] mean = StateTensors.doubles(state, "mean", shape[0] - shape[1] + 1);
        double[] proj = StateTensors.doubles(state, "projection", 2 * mean.length);
        int[] offsets = StateTensors.ints(state, "rayOffsets", shape[3] + 1);
        double[] radii = StateTensors.doubles(state, "nodeRadii", offsets[shape[3]]);
        int[] degree = StateTensors.ints(state, "degree", radii.length);
        int[] edges = StateTensors.ints(state, "edges");
        Map<Long, Integer> weight = new HashMap<>();
        for (int i = 0; i + 2 < edges.length; i += 3) {
            weight.put(edge(edges[i], edges[i + 1]), edges[i + 2]);
        }
        return new Fitted(shape[0], shape[1], shape[2], shape[3], mean, proj, offsets, radii, degree, weight);
    }

    private static long edge(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    /** Running sums of λ points inside each length-l subsequence: rows of l − λ + 1 values. */
    static double[] convolved(double[] x, int l, int lambda) {
        int n = x.length - l + 1;
        int dim = l - lambda + 1;
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] out = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                out[i * dim + k] = prefix[i + k + lambda] - prefix[i + k];
            }
        }
        return out;
    }

    /** A 2×dim map: PCA axes, then the orthonormal basis of the plane orthogonal to v_ref in PCA space. */
    private static double[] planeProjection(double[] axes, int k, int dim) {
        double[] u = new double[3];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                u[c] += axes[c * dim + j];
            }
        }
        double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        double[][] basis;
        if (k < 3 || norm < 1e-12) {
            basis = new double[][] {{1, 0, 0}, {0, 1, 0}}; // no offset direction: keep the first two axes
        } else {
            for (int c = 0; c < 3; c++) {
                u[c] /= norm;
            }
            // Gram-Schmidt: the standard axis least aligned with u, then the cross product.
            int least = 0;
            for (int c = 1; c < 3; c++) {
                if (Math.abs(u[c]) < Math.abs(u[least])) {
                    least = c;
                }
            }
            double[] e = new double[3];
            e[least] = 1;
            double dot = u[least];
            double[] b1 = {e[0] - dot * u[0], e[1] - dot * u[1], e[2] - dot * u[2]};
            double n1 = Math.sqrt(b1[0] * b1[0] + b1[1] * b1[1] + b1[2] * b1[2]);
            for (int c = 0; c < 3; c++) {
                b1[c] /= n1;
            }
            double[] b2 = {u[1] * b1[2] - u[2] * b1[1], u[2] * b1[0] - u[0] * b1[2], u[0] * b1[1] - u[1] * b1[0]};
            basis = new double[][] {b1, b2};
        }
        double[] proj = new double[2 * dim];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < dim; j++) {
                    proj[r * dim + j] += basis[r][c] * axes[c * dim + j];
                }
            }
        }
        return proj;
    }

    private static double[] points(double[] conv, int n, int dim, double[] mean, double[] proj) {
        double[] pts = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 2; r++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += (conv[i * dim + j] - mean[j]) * proj[r * dim + j];
                }
                pts[2 * i + r] = s;
            }
        }
        return pts;
    }

    /** A crossing of segment (p_seg → p_seg+1) with a ray, at parameter t along the segment. */
    record Crossing(int segment, double t, int ray, double radius) {
    }

    static List<Crossing> crossings(double[] pts, int n, int rays) {
        List<Crossing> out = new ArrayList<>();
        double[] ex = new double[rays];
        double[] ey = new double[rays];
        for (int a = 0; a < rays; a++) {
            ex[a] = Math.cos(2 * Math.PI * a / rays);
            ey[a] = Math.sin(2 * Math.PI * a / rays);
        }
        List<Crossing> seg = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            double px = pts[2 * i];
            double py = pts[2 * i + 1];
            double dx = pts[2 * i + 2] - px;
            double dy = pts[2 * i + 3] - py;
            seg.clear();
            for (int a = 0; a < rays; a++) {
                double cde = dx * ey[a] - dy * ex[a];
                if (Math.abs(cde) < 1e-300) {
                    continue;
                }
                double t = -(px * ey[a] - py * ex[a]) / cde;
                double r = (px * dy - py * dx) / (ex[a] * dy - ey[a] * dx);
                if (t >= 0 && t < 1 && r > 0) {
                    seg.add(new Crossing(i, t, a, r));
                }
            }
            seg.sort((p, q) -> Double.compare(p.t, q.t));
            out.addAll(seg);
        }
        return out;
    }

    /** Local maxima of the Gaussian KDE (Scott's bandwidth) of the radii on a 200-point grid. */
    static double[] densityPeaks(List<Double> radii) {
        int n = radii.size();
        if (n == 0) {
            return new double[0];
        }
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double r : radii) {
            mean += r;
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        mean /= n;
        double var = 0;
        for (double r : radii) {
            var += (r - mean) * (r - mean);
        }
        double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
        if (sd <= 0 || hi <= lo) {
            return new double[] {mean};
        }
        double h = sd * Math.pow(n, -0.2);
        double[] dens = new double[GRID];
        double[] grid = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            grid[g] = lo + (hi - lo) * g / (GRID - 1);
            double s = 0;
            for (double r : radii) {
                double z = (grid[g] - r) / h;
                s += Math.exp(-0.5 * z * z);
            }
            dens[g] = s;
        }
        List<Double> peaks = new ArrayList<>();
        for (int g = 0; g < GRID; g++) {
            double left = g == 0 ? Double.NEGATIVE_INFINITY : dens[g - 1];
            double right = g == GRID - 1 ? Double.NEGATIVE_INFINITY : dens[g + 1];
            if (dens[g] > left && dens[g] >= right) {
                peaks.add(grid[g]);
            }
        }
        double[] out = new double[peaks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = peaks.get(i);
        }
        return out;
    }

    /** The node of each crossing: the nearest node radius on its ray (global id = ray offset + index). */
    static int[] nodeIds(List<Crossing> cs, double[][] nodes, int[] offsets) {
        int[] ids = new int[cs.size()];
        for (int q = 0; q < ids.length; q++) {
            Crossing c = cs.get(q);
            ids[q] = nearest(nodes[c.ray], c.radius, offsets[c.ray]);
        }
        return ids;
    }

    private static int nearest(double[] radii, double r, int offset) {
        if (radii.length == 0) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < radii.length; i++) {
            if (Math.abs(radii[i] - r) < Math.abs(radii[best] - r)) {
                best = i;
            }
        }
        return offset + best;
    }

    /** The embedding and the graph. */
    static final class Fitted implements UnivariateModel {
        private final int l;
        private final int lambda;
        private final int lq;
        private final int rays;
        private final double[] mean;
        private final double[] proj;
        private final int[] offsets;
        private final double[] radii;
        private final int[] degree;
        private final Map<Long, Integer> weight;

        Fitted(int l, int lambda, int lq, int rays, double[] mean, double[] proj, int[] offsets, double[] radii, int[] degree,
                Map<Long, Integer> weight) {
            this.l = l;
            this.lambda = lambda;
            this.lq = lq;
            this.rays = rays;
            this.mean = mean;
            this.proj = proj;
            this.offsets = offsets;
            this.radii = radii;
            this.degree = degree;
            this.weight = weight;
        }

        @Override
        public double[] score(double[] x, Context ctx) {
            if (x.length < lq + 1) {
                throw new IllegalArgumentException("series2graph: series has " + x.length + " steps, needs more than the query length " + lq);
            }
            int dim = l - lambda + 1;
            double[] conv = convolved(x, l, lambda);
            int n = conv.length / dim;
            double[] pts = points(conv, n, dim, mean, proj);
            List<Crossing> cs = crossings(pts, n, rays);
            double[][] nodes = new double[rays][];
            for (int a = 0; a < rays; a++) {
                nodes[a] = Arrays.copyOfRange(radii, offsets[a], offsets[a + 1]);
            }
            int[] ids = nodeIds(cs, nodes, offsets);
            int v = ids.length;
            // contribution of the transition from visit k to visit k+1
            double[] prefix = new double[v + 1];
            for (int k = 0; k + 1 < v; k++) {
                double c = 0;
                if (ids[k] >= 0 && ids[k + 1] >= 0) {
                    Integer w = weight.get(edge(ids[k], ids[k + 1]));
                    c = w == null ? 0 : w * (double) Math.max(0, degree[ids[k]] - 1);
                }
                prefix[k + 1] = prefix[k] + c;
            }
            if (v > 0) {
                prefix[v] = prefix[v - 1];
            }
            int queries = x.length - lq + 1;
            double[] qs = new double[queries];
            int lo = 0;
            int hi = 0; // first visit with segment >= end
            for (int s = 0; s < queries; s++) {
                int end = s + lq - l; // segments s .. end-1 join subsequences inside the query
                while (lo < v && cs.get(lo).segment() < s) {
                    lo++;
                }
                while (hi < v && cs.get(hi).segment() < end) {
                    hi++;
                }
                // transitions k with lo <= k and k + 1 <= hi - 1
                double norm = hi - 1 > lo ? (prefix[hi - 1] - prefix[lo]) / lq : 0;
                qs[s] = 1.0 / (1.0 + norm);
            }
            return Windows.spreadCentred(qs, lq, x.length);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("shape", Tensor.i32(new int[] {l, lambda, lq, rays}, 4));
            s.put("mean", Tensor.f64(mean.clone(), mean.length));
            s.put("projection", Tensor.f64(proj.clone(), 2, mean.length));
            s.put("rayOffsets", Tensor.i32(offsets.clone(), offsets.length));
            s.put("nodeRadii", Tensor.f64(radii.clone(), radii.length));
            s.put("degree", Tensor.i32(degree.clone(), degree.length));
            List<Long> keys = new ArrayList<>(weight.keySet());
            keys.sort(null);
            int[] edges = new int[3 * keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                long e = keys.get(i);
                edges[3 * i] = (int) (e >>> 32);
                edges[3 * i + 1] = (int) e;
                edges[3 * i + 2] = weight.get(e);
            }
            s.put("edges", Tensor.i32(edges, keys.size(), 3));
            return s;
        }
    }
}
