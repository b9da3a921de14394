package io.argus.metrics.pixel;

import java.util.Arrays;
import java.util.List;

/**
 * A straightforward reference for the pixel metrics: O(thresholds × pixels), its own union-find labelling,
 * no sorting tricks. Used to check the exact mode in tests and as the naive baseline in the JMH benchmarks.
 */
public final class NaiveAupro {

    private final float[][] scores;
    private final int[][] region; // per pixel: global region id, or -1 for a normal pixel
    private final int[] regionSize;
    private final long negatives;

    /** Labels every mask (8-connectivity, union-find) and keeps the maps. */
    public NaiveAupro(List<AnomalyMap> maps, List<GroundTruthMask> masks) {
        int n = maps.size();
        scores = new float[n][];
        region = new int[n][];
        int[] sizes = new int[16];
        int regions = 0;
        long neg = 0;
        for (int i = 0; i < n; i++) {
            AnomalyMap map = maps.get(i);
            boolean[] m = masks.get(i).anomalous();
            int w = map.width();
            int h = map.height();
            scores[i] = map.values();
            int[] parent = new int[m.length];
            for (int p = 0; p < m.length; p++) {
                parent[p] = p;
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (!m[p]) {
                        continue;
                    }
                    int[][] back = {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
                    for (int[] d : back) {
                        int xx = x + d[0];
                        int yy = y + d[1];
                        if (xx >= 0 && xx < w && yy >= 0 && m[yy * w + xx]) {
                            union(parent, p, yy * w + xx);
                        }
                    }
                }
            }
            int[] ids = new int[m.length];
            Arrays.fill(ids, -1);
            int[] rootId = new int[m.length];
            Arrays.fill(rootId, -1);
            for (int p = 0; p < m.length; p++) {
                if (m[p]) {
                    int r = find(parent, p);
                    if (rootId[r] < 0) {
                        rootId[r] = regions++;
                    }
                    ids[p] = rootId[r];
                    if (ids[p] >= sizes.length) {
                        sizes = Arrays.copyOf(sizes, 2 * sizes.length);
                    }
                    sizes[ids[p]]++;
                } else {
                    neg++;
                }
            }
            region[i] = ids;
        }
        regionSize = Arrays.copyOf(sizes, regions);
        negatives = neg;
    }

    private static int find(int[] parent, int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Number of regions found. */
    public int regions() {
        return regionSize.length;
    }

    /** Every distinct score, highest first. */
    public double[] distinctScoresDescending() {
        return Arrays.stream(scores).flatMapToDouble(s -> {
            double[] d = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                d[i] = s[i];
            }
            return Arrays.stream(d);
        }).distinct().map(d -> -d).sorted().map(d -> -d).toArray();
    }

    /** {@code steps} thresholds {@code min + i (max − min) / steps}, i = 0..steps−1 (ADer's grid). */
    public double[] linearThresholds(int steps) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] s : scores) {
            for (float v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = min + i * ((max - min) / steps);
        }
        return t;
    }

    /** (FPR, PRO) at each threshold: row 0 FPR, row 1 PRO. Pixels with score ≥ t (or > t when {@code strict}) are flagged. */
    public double[][] curve(double[] thresholds, boolean strict) {
        double[][] out = new double[2][thresholds.length];
        int[] hit = new int[regionSize.length];
        for (int k = 0; k < thresholds.length; k++) {
            double t = thresholds[k];
            Arrays.fill(hit, 0);
            long fp = 0;
            for (int i = 0; i < scores.length; i++) {
                float[] s = scores[i];
                int[] r = region[i];
                for (int p = 0; p < s.length; p++) {
                    if (strict ? s[p] > t : s[p] >= t) {
                        if (r[p] >= 0) {
                            hit[r[p]]++;
                        } else {
                            fp++;
                        }
                    }
                }
            }
            double pro = 0;
            for (int g = 0; g < hit.length; g++) {
                pro += (double) hit[g] / regionSize[g];
            }
            out[0][k] = (double) fp / negatives;
            out[1][k] = pro / hit.length;
        }
        return out;
    }

    /** AUPRO: curve from (0, 0) over thresholds given highest first, trapezoids to exactly {@code limit}, divided by it. */
    public double aupro(double[] thresholdsDescending, double limit) {
        double[][] c = curve(thresholdsDescending, false);
        double area = 0;
        double x0 = 0;
        double y0 = 0;
        for (int k = 0; k < thresholdsDescending.length; k++) {
            double x1 = c[0][k];
            double y1 = c[1][k];
            if (x1 > limit) {
                double yl = y0 + (y1 - y0) * (limit - x0) / (x1 - x0);
                area += (limit - x0) * (y0 + yl) / 2;
                return area / limit;
            }
            area += (x1 - x0) * (y0 + y1) / 2;
            x0 = x1;
            y0 = y1;
        }
        return area / limit;
    }

    /** ADer's AUPRO: strict thresholds, keep FPR &lt; limit, rescale FPR by its range, |trapezoid|. */
    public double auproAder(int steps, double limit) {
        double[] th = linearThresholds(steps);
        double[][] c = curve(th, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < th.length; k++) {
            if (c[0][k] < limit) {
                lo = Math.min(lo, c[0][k]);
                hi = Math.max(hi, c[0][k]);
            }
        }
        double area = 0;
        double px = Double.NaN;
        double py = 0;
        for (int k = 0; k < th.length; k++) {
            if (c[0][k] < limit) {
                double x = (c[0][k] - lo) / (hi - lo);
                if (!Double.isNaN(px)) {
                    area += (x - px) * (py + c[1][k]) / 2;
                }
                px = x;
                py = c[1][k];
            }
        }
        return Math.abs(area);
    }
}
