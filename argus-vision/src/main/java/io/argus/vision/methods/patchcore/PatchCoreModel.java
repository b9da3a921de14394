package io.argus.vision.methods.patchcore;

import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.neighbors.Neighbors;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.maps.MapOps;
import io.argus.vision.methods.ImageModel;
import io.argus.vision.methods.ImageStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link PatchCore}: the memory bank of patch features and the exact nearest-neighbour index
 * over it ({@link BankSearch}, the same results as the core's exact brute force). State: {@code bank} (F32, m x D).
 */
public final class PatchCoreModel extends ImageModel {

    /** Bank neighbours of m* taken for the re-weighting, m* itself included (BTF's {@code n_reweight}). */
    public static final int N_REWEIGHT = 3;

    private final PatchCoreParams params;
    private final float[] bank;
    private final int size;
    private final BankSearch index;

    PatchCoreModel(PatchCoreParams params, ImageStream.Colour colour, double maskThreshold, String spec, float[] bank, int size) {
        super(params.backboneConfig(), colour, maskThreshold, spec);
        this.params = params;
        this.bank = bank;
        this.size = size;
        this.index = new BankSearch(bank, size, params.targetEmbedDimension());
    }

    private PatchCoreModel(PatchCoreModel m, double maskThreshold) {
        super(m.backbone(), m.colour(), maskThreshold, m.extractorSpec());
        this.params = m.params;
        this.bank = m.bank;
        this.size = m.size;
        this.index = m.index;
    }

    /** Restores a model from its state. */
    static PatchCoreModel restore(PatchCoreParams params, Map<String, Tensor> state) {
        long[] shape = StateTensors.shape(state, "bank", 2);
        if (shape[1] != params.targetEmbedDimension() || shape[0] < 1) {
            throw new IllegalArgumentException("model state tensor 'bank' has shape [" + shape[0] + ", " + shape[1]
                    + "], expected [m >= 1, " + params.targetEmbedDimension() + "]");
        }
        float[] bank = StateTensors.floats(state, "bank");
        return new PatchCoreModel(params, stateColour(state), stateMaskThreshold(state), stateExtractorSpec(state), bank, (int) shape[0]);
    }

    /** Number of patches in the memory bank. */
    public int bankSize() {
        return size;
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers) {
        return scoreImage(layers, 1);
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers, int threads) {
        PatchCore.Embedding e = PatchCore.embed(layers, params);
        int d = params.targetEmbedDimension();
        int hw = e.height() * e.width();
        int k = Math.min(params.k(), size);
        Neighbors nn = index.query(e.vectors(), hw, k, threads);
        float[] grid = new float[hw];
        int worst = 0;
        for (int q = 0; q < hw; q++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                double dist = nn.distance(q, j);
                s += dist * dist;
            }
            grid[q] = (float) (s / k);
            if (grid[q] > grid[worst]) {
                worst = q;
            }
        }
        double score = nn.distance(worst, 0);
        if (params.reweight() && size >= N_REWEIGHT) {
            score = reweight(e.vectors(), worst, nn.index(worst, 0), nn.distance(worst, 0), d);
        }
        int side = params.imageSize();
        float[] map = MapOps.resize(grid, e.width(), e.height(), side, side, false);
        map = MapOps.gaussian(map, side, side, params.sigma());
        return new Result(score, map, side);
    }

    /** Eq. 7 of the paper with s* the Euclidean distance of the worst patch, as BTF computes it. */
    private double reweight(float[] patches, int worst, int mStar, double sStar, int d) {
        float[] star = new float[d];
        System.arraycopy(bank, mStar * d, star, 0, d);
        Neighbors around = index.query(star, 1, N_REWEIGHT, 1);
        double sqrtD = Math.sqrt(d);
        double denom = 0;
        for (int j = 1; j < N_REWEIGHT; j++) {
            int mj = around.index(0, j);
            double dist = io.argus.core.vector.VectorKernels.distance64(patches, worst * d, bank, mj * d, d);
            denom += Math.exp(dist / sqrtD);
        }
        double w = 1.0 - Math.exp(sStar / sqrtD) / denom;
        return w * sStar;
    }

    @Override
    protected ImageModel withMaskThreshold(double threshold) {
        return new PatchCoreModel(this, threshold);
    }

    @Override
    protected Map<String, Tensor> methodState() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("bank", Tensor.f32(bank, size, params.targetEmbedDimension()));
        return s;
    }
}
