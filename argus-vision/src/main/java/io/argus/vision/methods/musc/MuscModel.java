package io.argus.vision.methods.musc;

import io.argus.core.Context;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.NeighborSearch;
import io.argus.core.neighbors.Neighbors;
import io.argus.metrics.pixel.AnomalyMap;
import io.argus.vision.PixelMaps;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.maps.MapOps;
import io.argus.vision.methods.ImageModel;
import io.argus.vision.methods.ImageStream;
import io.argus.vision.methods.PatchFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MuSc's mutual scoring of a set of unlabelled images (xrli-U/MuSc {@code models/musc.py},
 * {@code modules/_LNAMD.py}, {@code _MSM.py}, {@code _RsCIN.py}):
 *
 * <ol>
 * <li>LNAMD, per layer and aggregation degree r: LayerNorm over the whole C×H×W map (no affine,
 * ε = 1e-5), r×r mean of every channel with zero padding (zeros counted), L2-normalised patch vectors.</li>
 * <li>MSM: for image i and every other image j of its subset, d_ij(p) = min_q ‖z_i(p) − z_j(q)‖; the
 * patch score is the mean of the lowest {@code floor(topmin_max·(N − 1))} of them (N ≥ 5 images per
 * subset, else that count is 0).</li>
 * <li>Scores are averaged over layers, then over r, and bilinearly upsampled ({@code align_corners=True})
 * to the network input, without smoothing. CNN layers differ in resolution, so each layer is scored on
 * its own grid and its scores are upsampled (align_corners=True) to the first layer's grid before the
 * average; the ViT layers of the paper share one grid.</li>
 * <li>Image score: the map's maximum, min–max normalised over the set, then RsCIN: with W = CᵀC the
 * cosine similarities of the images' embeddings (the globally pooled deepest layer stands in for
 * CLIP's class token), for each k keep the k largest entries of each row (self included), normalise
 * rows to sum 1, s_k = P_k·s; the result is the mean over k.</li>
 * </ol>
 *
 * <p>Subsets: a set is split into {@code subsets} random parts of near-equal size (seeded), each image
 * scored against its part only, as the reference's {@code divide_num} (which splits in order; a
 * random split keeps defects of one type from crowding a part). Cost O(N²·P²·C) per layer and r for
 * a part of N images of P patches. The map has no threshold from training images (there are none):
 * {@link #maskThreshold()} is NaN.
 */
public final class MuscModel extends ImageModel {

    private static final Logger LOG = LoggerFactory.getLogger(MuscModel.class);

    /** Fewest images a subset may hold: below, the lowest 30% of the others is empty. */
    public static final int MIN_IMAGES = 5;

    private static final float LAYER_NORM_EPS = 1e-5f;

    private final MuscParams params;

    MuscModel(MuscParams params) {
        super(params.backboneConfig(), null, Double.NaN, null);
        this.params = params;
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers) {
        throw new UnsupportedOperationException("musc scores images against each other, never one alone");
    }

    @Override
    protected ImageModel withMaskThreshold(double threshold) {
        return this;
    }

    @Override
    protected Map<String, Tensor> methodState() {
        return new LinkedHashMap<>();
    }

    @Override
    public Scores score(ImageSet data, FeatureExtractor ext, Context ctx) {
        int n = data.size();
        int parts = params.subsets();
        int[] order = shuffled(n, ctx);
        int[] partOf = new int[n];
        for (int i = 0; i < n; i++) {
            partOf[order[i]] = (int) ((long) i * parts / n);
        }
        List<FeatureMap>[] feats = newFeatureArray(n);
        int[] widths = new int[n];
        int[] heights = new int[n];
        ImageStream.forEach(data, ext, null, ctx, item -> {
            feats[item.index()] = item.layers();
            widths[item.index()] = item.width();
            heights[item.index()] = item.height();
        });
        float[][] grids = new float[n][];
        for (int part = 0; part < parts; part++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (partOf[i] == part) {
                    members.add(i);
                }
            }
            if (members.size() < MIN_IMAGES) {
                throw new IllegalArgumentException("musc: a subset of " + members.size() + " images is too small; mutual scoring needs at least "
                        + MIN_IMAGES + " images per subset (" + n + " images in " + parts + " subsets)");
            }
            float[][] g = scorePart(members.stream().map(i -> feats[i]).toList(), ctx);
            for (int m = 0; m < members.size(); m++) {
                grids[members.get(m)] = g[m];
            }
            LOG.debug("musc: subset {} of {} ({} images) scored", part + 1, parts, members.size());
        }
        int h0 = feats[0].get(0).height();
        int w0 = feats[0].get(0).width();
        int side = params.imageSize();
        double[] raw = new double[n];
        AnomalyMap[] maps = new AnomalyMap[n];
        ctx.parallelFor(n, 8, (from, to) -> {
            for (int i = from; i < to; i++) {
                float[] map = MapOps.resize(grids[i], w0, h0, side, side, true);
                raw[i] = MapOps.max(map);
                maps[i] = MapOps.toSize(map, side, side, widths[i], heights[i]);
            }
        });
        double[] scores = rscin(minMax(raw), embeddings(feats), params.ks());
        return Scores.of(scores, new PixelMaps(List.of(maps)));
    }

    @SuppressWarnings("unchecked")
    private static List<FeatureMap>[] newFeatureArray(int n) {
        return new List[n];
    }

    /** A seeded random permutation of 0..n-1 (Fisher–Yates). */
    private static int[] shuffled(int n, Context ctx) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        java.util.SplittableRandom rnd = ctx.random(0x5C0BE5L);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Patch-score grids (first layer's grid) of the images of one subset. */
    float[][] scorePart(List<List<FeatureMap>> images, Context ctx) {
        int n = images.size();
        int layers = images.get(0).size();
        int h0 = images.get(0).get(0).height();
        int w0 = images.get(0).get(0).width();
        int[] rs = params.rs();
        float[][] acc = new float[n][h0 * w0];
        int k = (int) (params.topminMax() * (n - 1));
        if (k < 1) {
            throw new IllegalArgumentException("musc: " + n + " images give floor(" + params.topminMax() + " x " + (n - 1)
                    + ") = 0 other images to average; score at least " + MIN_IMAGES + " images per subset");
        }
        for (int l = 0; l < layers; l++) {
            int li = l;
            FeatureMap shape = images.get(0).get(l);
            int h = shape.height();
            int w = shape.width();
            int c = shape.channels();
            int p = h * w;
            for (int r : rs) {
                ctx.checkCancelled();
                float[][] z = new float[n][];
                NeighborSearch[] idx = new NeighborSearch[n];
                ctx.parallelFor(n, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        FeatureMap m = images.get(i).get(li);
                        if (m.height() != h || m.width() != w || m.channels() != c) {
                            throw new IllegalArgumentException("musc: layer " + m.layer() + " shapes differ between images");
                        }
                        z[i] = lnamd(m, r);
                        idx[i] = ExactKnn.bruteForce(Table.of(p, c, z[i], null, null, null));
                    }
                });
                ctx.parallelFor(n, 1, (from, to) -> {
                    float[] d = new float[(n - 1) * p];
                    float[] col = new float[n - 1];
                    for (int i = from; i < to; i++) {
                        Table q = Table.of(p, c, z[i], null, null, null);
                        int jj = 0;
                        for (int j = 0; j < n; j++) {
                            if (j == i) {
                                continue;
                            }
                            Neighbors nn = idx[j].query(q, 1, 1);
                            for (int t = 0; t < p; t++) {
                                d[t * (n - 1) + jj] = nn.distance(t, 0);
                            }
                            jj++;
                        }
                        float[] s = new float[p];
                        for (int t = 0; t < p; t++) {
                            System.arraycopy(d, t * (n - 1), col, 0, n - 1);
                            Arrays.sort(col);
                            double sum = 0;
                            for (int a = 0; a < k; a++) {
                                sum += col[a];
                            }
                            s[t] = (float) (sum / k);
                        }
                        float[] up = (h == h0 && w == w0) ? s : MapOps.resize(s, w, h, w0, h0, true);
                        synchronized (acc[i]) {
                            for (int t = 0; t < up.length; t++) {
                                acc[i][t] += up[t] / (layers * rs.length);
                            }
                        }
                    }
                });
            }
        }
        return acc;
    }

    /** LNAMD of one layer map at degree r: position-major unit vectors of C channels. */
    static float[] lnamd(FeatureMap m, int r) {
        int c = m.channels();
        int h = m.height();
        int w = m.width();
        float[] x = m.data();
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        float mu = (float) mean;
        float inv = (float) (1.0 / Math.sqrt(var + LAYER_NORM_EPS));
        int rad = (r - 1) / 2;
        float[] out = new float[h * w * c];
        float[] plane = new float[h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int q = 0; q < h * w; q++) {
                plane[q] = (x[ch * h * w + q] - mu) * inv;
            }
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    float s = 0;
                    for (int dy = -rad; dy <= rad; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int dx = -rad; dx <= rad; dx++) {
                            int x2 = xx + dx;
                            if (x2 >= 0 && x2 < w) {
                                s += plane[yy * w + x2];
                            }
                        }
                    }
                    out[(y * w + xx) * c + ch] = s / (r * r);
                }
            }
        }
        PatchFeatures.normalizeRows(out, h * w, c);
        return out;
    }

    /** Unit image embeddings: the global average of the deepest layer. */
    static float[][] embeddings(List<FeatureMap>[] feats) {
        float[][] e = new float[feats.length][];
        for (int i = 0; i < feats.length; i++) {
            FeatureMap m = feats[i].get(feats[i].size() - 1);
            int hw = m.height() * m.width();
            float[] g = new float[m.channels()];
            for (int ch = 0; ch < m.channels(); ch++) {
                double s = 0;
                for (int q = 0; q < hw; q++) {
                    s += m.data()[ch * hw + q];
                }
                g[ch] = (float) (s / hw);
            }
            PatchFeatures.normalizeRows(g, 1, g.length);
            e[i] = g;
        }
        return e;
    }

    /** Min–max normalisation to [0, 1] (all zeros when every value is equal). */
    static double[] minMax(double[] s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = hi > lo ? (s[i] - lo) / (hi - lo) : 0.0;
        }
        return out;
    }

    /** RsCIN (step 4 of the class comment). */
    static double[] rscin(double[] s, float[][] emb, int[] ks) {
        int n = s.length;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int t = 0; t < emb[i].length; t++) {
                    d += (double) emb[i][t] * emb[j][t];
                }
                sim[i][j] = d;
            }
        }
        double[] out = new double[n];
        Integer[] idx = new Integer[n];
        for (int k : ks) {
            int kk = Math.min(k, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    idx[j] = j;
                }
                int row = i;
                // self first on ties, then by index, so k = 1 keeps exactly the image itself
                Arrays.sort(idx, (a, b) -> {
                    int c = Double.compare(sim[row][b], sim[row][a]);
                    if (c != 0) {
                        return c;
                    }
                    return a == row ? -1 : b == row ? 1 : Integer.compare(a, b);
                });
                double wsum = 0;
                double acc = 0;
                for (int t = 0; t < kk; t++) {
                    wsum += sim[i][idx[t]];
                    acc += sim[i][idx[t]] * s[idx[t]];
                }
                out[i] += (wsum != 0 ? acc / wsum : s[i]) / ks.length;
            }
        }
        return out;
    }
}
