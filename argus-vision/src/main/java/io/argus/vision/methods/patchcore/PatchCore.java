package io.argus.vision.methods.patchcore;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.Coreset;
import io.argus.vision.methods.ImageStream;
import io.argus.vision.methods.PatchFeatures;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PatchCore (Roth, Pemula, Zepeda, Schölkopf, Brox, Gehler, "Towards Total Recall in Industrial
 * Anomaly Detection", CVPR 2022), as amazon-science/patchcore-inspection implements it:
 *
 * <ol>
 * <li>Locally aware patch features: each layer is unfolded in {@code patch_size²} neighbourhoods
 * (zero padding), each neighbourhood flattened and adaptive-average-pooled to
 * {@code pretrain_embed_dimension}; deeper layers are bilinearly upsampled to the first layer's grid;
 * the stacked layers are pooled again to {@code target_embed_dimension}.</li>
 * <li>Memory bank: the greedy coreset ({@link Coreset}) of every training patch.</li>
 * <li>Scores: a patch's score is the mean squared Euclidean distance to its k nearest bank patches
 * (faiss {@code IndexFlatL2} distances are squared); the map is the patch grid bilinearly upsampled to
 * the network input and smoothed with a Gaussian of σ = 4; the image score is the largest patch
 * distance s*, re-weighted by the paper's eq. 7 as the authors' BTF code does: with m* the nearest bank
 * patch of the worst test patch m_test and m₁, m₂ the next two bank neighbours of m*,
 * w = 1 − exp(s* /√D) / Σᵢ exp(‖m_test − mᵢ‖/√D), score = w·s*.</li>
 * </ol>
 *
 * <p>Cost: fit O(N·D) memory for N training patches, coreset O(N·m·128) time for m kept; scoring
 * O(P·m·D) per image of P patches. Higher score = more anomalous.
 */
public final class PatchCore implements Detector<ImageSet> {

    private static final Logger LOG = LoggerFactory.getLogger(PatchCore.class);

    private final PatchCoreParams params;

    public PatchCore(PatchCoreParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<ImageSet> fit(ImageSet train, Context ctx) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("patchcore: no training images in " + train.name());
        }
        try (FeatureExtractor ext = params.backboneConfig().open()) {
            ImageStream.Colour colour = ImageStream.colourOf(train);
            float[][] perImage = new float[train.size()][];
            int[] grid = new int[2];
            ImageStream.forEach(train, ext, colour, ctx, item -> {
                Embedding e = embed(item.layers(), params);
                perImage[item.index()] = e.vectors();
                synchronized (grid) {
                    grid[0] = e.height();
                    grid[1] = e.width();
                }
            });
            int dim = params.targetEmbedDimension();
            int per = grid[0] * grid[1];
            long total = (long) per * train.size();
            if (total * dim > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("patchcore: " + total + " training patches of " + dim
                        + " dimensions exceed one array; use fewer images or a smaller target_embed_dimension");
            }
            int n = (int) total;
            float[] all = new float[n * dim];
            for (int i = 0; i < perImage.length; i++) {
                System.arraycopy(perImage[i], 0, all, i * per * dim, per * dim);
                perImage[i] = null;
            }
            long t0 = System.nanoTime();
            int[] keep = Coreset.select(all, n, dim, params.coreset(), ctx);
            float[] bank = new float[keep.length * dim];
            for (int i = 0; i < keep.length; i++) {
                System.arraycopy(all, keep[i] * dim, bank, i * dim, dim);
            }
            LOG.debug("patchcore: {} training patches -> memory bank of {} ({} ms)", n, keep.length, (System.nanoTime() - t0) / 1_000_000);
            PatchCoreModel model = new PatchCoreModel(params, colour, Double.NaN, ext.spec(), bank, keep.length);
            return model.withTrainingThreshold(train, ext, ctx);
        }
    }

    /**
     * Patch features of one image.
     *
     * @param vectors position-major, {@code height * width} vectors of the target dimension
     * @param height grid rows (the first layer's)
     * @param width grid columns
     */
    record Embedding(float[] vectors, int height, int width) {
    }

    /** The locally aware patch features of one image's layers (steps 1 of the class comment). */
    static Embedding embed(List<FeatureMap> layers, PatchCoreParams p) {
        int h = layers.get(0).height();
        int w = layers.get(0).width();
        int hw = h * w;
        int pre = p.pretrainEmbedDimension();
        int nl = layers.size();
        float[] stacked = new float[hw * nl * pre];
        for (int l = 0; l < nl; l++) {
            FeatureMap m = layers.get(l);
            if (m.height() > h || m.width() > w) {
                throw new IllegalArgumentException("patchcore: layer " + m.layer() + " (" + m.height() + "x" + m.width()
                        + ") is finer than the first layer (" + h + "x" + w + "); list layers shallow to deep");
            }
            int k = p.patchSize();
            int raw = m.channels() * k * k;
            // Pooling acts on the feature axis and interpolation on the grid, so pooling first (at the
            // coarse grid) gives the reference's upsample-then-pool result with fewer operations.
            float[] pooled = PatchFeatures.adaptivePool(PatchFeatures.unfold(m, k), m.height() * m.width(), raw, pre);
            float[] up = PatchFeatures.resizePositions(pooled, m.height(), m.width(), pre, h, w);
            for (int q = 0; q < hw; q++) {
                System.arraycopy(up, q * pre, stacked, (q * nl + l) * pre, pre);
            }
        }
        float[] out = PatchFeatures.adaptivePool(stacked, hw, nl * pre, p.targetEmbedDimension());
        return new Embedding(out, h, w);
    }
}
