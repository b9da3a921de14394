package io.argus.vision.methods.visionad;

import io.argus.core.Context;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link VisionAd}: the memories of the plain, flipped and clamped passes. State:
 * {@code memory.0} .. {@code memory.2} (F32, m x D; one when query augmentation is off).
 */
public final class VisionAdModel extends ImageModel {

    private final VisionAdParams params;
    private final int dim;
    private final float[][] memories;
    private final NeighborSearch[] indexes;

    VisionAdModel(VisionAdParams params, ImageStream.Colour colour, double maskThreshold, String spec, int dim, float[][] memories) {
        super(params.backboneConfig(), colour, maskThreshold, spec);
        this.params = params;
        this.dim = dim;
        this.memories = memories;
        this.indexes = new NeighborSearch[memories.length];
        for (int p = 0; p < memories.length; p++) {
            indexes[p] = ExactKnn.bruteForce(Table.of(memories[p].length / dim, dim, memories[p], null, null, "visionad memory"));
        }
    }

    static VisionAdModel restore(VisionAdParams params, Map<String, Tensor> state) {
        int passes = params.queryAugmentation() ? 3 : 1;
        float[][] mem = new float[passes][];
        int dim = -1;
        for (int p = 0; p < passes; p++) {
            long[] s = StateTensors.shape(state, "memory." + p, 2);
            if (dim >= 0 && s[1] != dim) {
                throw new IllegalArgumentException("model state tensor 'memory." + p + "' has width " + s[1] + ", expected " + dim);
            }
            dim = (int) s[1];
            mem[p] = StateTensors.floats(state, "memory." + p);
        }
        return new VisionAdModel(params, stateColour(state), stateMaskThreshold(state), stateExtractorSpec(state), dim, mem);
    }

    /** Patches in each memory. */
    public int memorySize() {
        return memories[0].length / dim;
    }

    /** 1 − max cosine similarity of every patch of one pass to that pass's memory, as a grid. */
    private float[] distances(List<FeatureMap> layers, int pass, int[] grid) {
        VisionAd.Fused f = VisionAd.fuse(layers);
        if (f.dim() != dim) {
            throw new IllegalArgumentException("visionad: patch vectors of " + f.dim() + " dimensions, the model has " + dim);
        }
        int hw = f.height() * f.width();
        Neighbors nn = indexes[pass].query(Table.of(hw, dim, f.vectors(), null, null, null), 1, 1);
        float[] out = new float[hw];
        for (int q = 0; q < hw; q++) {
            float d = nn.distance(q, 0);
            out[q] = d * d / 2f; // unit vectors: |a - b|^2 = 2 - 2 cos
        }
        grid[0] = f.height();
        grid[1] = f.width();
        return out;
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers) {
        int[] grid = new int[2];
        float[] g = distances(layers, 0, grid);
        return finish(g, grid);
    }

    private Result finish(float[] g, int[] grid) {
        int side = params.imageSize();
        float[] map = MapOps.resize(g, grid[1], grid[0], side, side, false);
        return new Result(MapOps.topMean(map, params.topRatio()), map, side);
    }

    @Override
    public Scores score(ImageSet data, FeatureExtractor ext, Context ctx) {
        if (memories.length == 1) {
            return super.score(data, ext, ctx);
        }
        checkExtractor(ext);
        int n = data.size();
        float[][] sum = new float[n][];
        int[][] grids = new int[n][];
        int[][] sizes = new int[n][];
        int[] floor = Views.zeroLevel(ext);
        // A backbone fed [0, 1] samples has its zero at 0: the clamp pass then equals the plain pass, so
        // its map is the plain map again rather than a second identical search.
        boolean clampIsPlain = floor[0] <= 0 && floor[1] <= 0 && floor[2] <= 0;
        float[][] plain = new float[n][];
        for (VisionAd.Pass pass : VisionAd.Pass.values()) {
            if (pass == VisionAd.Pass.CLAMP && clampIsPlain) {
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < plain[i].length; t++) {
                        sum[i][t] += plain[i][t];
                    }
                }
                continue;
            }
            ImageStream.forEach(data, ext, colour(), pass.transform(floor), ctx, item -> {
                int[] grid = new int[2];
                float[] g = distances(item.layers(), pass.ordinal(), grid);
                if (pass == VisionAd.Pass.VFLIP) {
                    g = flipRows(g, grid[0], grid[1]);
                }
                if (sum[item.index()] == null) {
                    sum[item.index()] = g.clone();
                    plain[item.index()] = g;
                    grids[item.index()] = grid;
                    sizes[item.index()] = new int[] {item.width(), item.height()};
                } else {
                    for (int i = 0; i < g.length; i++) {
                        sum[item.index()][i] += g[i];
                    }
                }
            });
        }
        double[] scores = new double[n];
        AnomalyMap[] maps = new AnomalyMap[n];
        ctx.parallelFor(n, 8, (from, to) -> {
            for (int i = from; i < to; i++) {
                Result r = finish(sum[i], grids[i]);
                scores[i] = r.score();
                maps[i] = MapOps.toSize(r.map(), r.side(), r.side(), sizes[i][0], sizes[i][1]);
            }
        });
        return Scores.of(scores, new PixelMaps(List.of(maps)));
    }

    /** The grid upside down (undoes the vertical flip of the query). */
    static float[] flipRows(float[] g, int h, int w) {
        float[] out = new float[g.length];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g, y * w, out, (h - 1 - y) * w, w);
        }
        return out;
    }

    @Override
    protected ImageModel withMaskThreshold(double threshold) {
        return new VisionAdModel(params, colour(), threshold, extractorSpec(), dim, memories);
    }

    @Override
    protected Map<String, Tensor> methodState() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int p = 0; p < memories.length; p++) {
            s.put("memory." + p, Tensor.f32(memories[p], memories[p].length / dim, dim));
        }
        return s;
    }
}
