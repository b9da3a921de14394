package io.argus.vision.methods.visionad;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Sampling;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.ImageStream;
import io.argus.vision.methods.PatchFeatures;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * VisionAD (Qiqigeww/VisionAD, "Search is All You Need for Few-shot Anomaly Detection", 2025): a
 * training-free few-shot detector that searches each query patch's most similar patch among a handful
 * of augmented normal supports.
 *
 * <ol>
 * <li>Features: each layer's patch vectors, bilinearly brought to the first layer's grid, L2-normalised
 * per layer and concatenated with weight 1/√L, so that their cosine similarity is the mean of the
 * layers' cosine similarities. (The paper averages ViT blocks of equal width token-wise; CNN layers
 * differ in width and resolution, and averaging their similarities is the analogue.)</li>
 * <li>Support augmentation: each of the {@code shots} supports adds itself, its rotations by 90°, 180°
 * and 270° and its vertical and horizontal flips to the memory (no coreset).</li>
 * <li>Query: a patch's distance is 1 − its largest cosine similarity to the memory. Query
 * augmentation adds two passes: the query and every support view flipped upside down (the map flipped
 * back), and the query and supports with their normalised input clamped at 0. The map is the sum of
 * the three, bilinearly upsampled (no smoothing); the image score is the mean of its top 1%.</li>
 * </ol>
 *
 * <p>Cost: 6·shots backbone passes per memory (3 memories), 3 passes and 3 searches of P·6·shots·P
 * dot products per query of P patches.
 */
public final class VisionAd implements Detector<ImageSet> {

    private final VisionAdParams params;

    public VisionAd(VisionAdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The three passes: plain, flipped upside down, clamped. */
    enum Pass {
        PLAIN, VFLIP, CLAMP;

        /** The transformation of this pass, for a backbone whose normalisation is zero at {@code floor} (0..255 per channel). */
        UnaryOperator<BufferedImage> transform(int[] floor) {
            return switch (this) {
                case PLAIN -> ImageStream.IDENTITY;
                case VFLIP -> Views::vflip;
                case CLAMP -> img -> Views.clamp(img, floor);
            };
        }
    }

    @Override
    public Model<ImageSet> fit(ImageSet train, Context ctx) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("visionad: no support images in " + train.name());
        }
        ImageSet support = train;
        if (train.size() > params.shots()) {
            int[] pick = Sampling.withoutReplacement(train.size(), params.shots(), ctx.random(0x5E7L));
            Arrays.sort(pick);
            support = new ImageSet(train.name(), Arrays.stream(pick).mapToObj(train::get).toList());
        }
        try (FeatureExtractor ext = params.backboneConfig().open()) {
            ImageStream.Colour colour = ImageStream.colourOf(support);
            List<BufferedImage> views = new ArrayList<>();
            for (int i = 0; i < support.size(); i++) {
                BufferedImage img = ImageStream.toRgb(ImageStream.decode(support.get(i), colour));
                views.addAll(List.of(Views.supportViews(img, params.supportAugmentation())));
            }
            int passes = params.queryAugmentation() ? 3 : 1;
            float[][] memories = new float[passes][];
            int[] shape = null;
            for (int p = 0; p < passes; p++) {
                Pass pass = Pass.values()[p];
                int[] floor = Views.zeroLevel(ext);
                if (pass == Pass.CLAMP && floor[0] <= 0 && floor[1] <= 0 && floor[2] <= 0) {
                    memories[p] = memories[0]; // the clamp changes nothing for a backbone fed [0, 1] samples
                    continue;
                }
                List<BufferedImage> fed = views.stream().map(pass.transform(floor)).toList();
                List<float[]> parts = new ArrayList<>();
                for (int from = 0; from < fed.size(); from += ImageStream.BATCH) {
                    for (List<FeatureMap> layers : ext.extract(fed.subList(from, Math.min(fed.size(), from + ImageStream.BATCH)))) {
                        Fused f = fuse(layers);
                        parts.add(f.vectors());
                        shape = new int[] {f.height(), f.width(), f.dim()};
                    }
                }
                int size = parts.stream().mapToInt(a -> a.length).sum();
                float[] mem = new float[size];
                int off = 0;
                for (float[] a : parts) {
                    System.arraycopy(a, 0, mem, off, a.length);
                    off += a.length;
                }
                memories[p] = mem;
            }
            VisionAdModel model = new VisionAdModel(params, colour, Double.NaN, ext.spec(), shape[2], memories);
            return model.withTrainingThreshold(train, ext, ctx);
        }
    }

    /**
     * Fused unit patch vectors of one image.
     *
     * @param vectors position-major unit vectors
     * @param height grid rows
     * @param width grid columns
     * @param dim vector length
     */
    record Fused(float[] vectors, int height, int width, int dim) {
    }

    /** Step 1 of the class comment. */
    static Fused fuse(List<FeatureMap> layers) {
        int h = layers.get(0).height();
        int w = layers.get(0).width();
        int hw = h * w;
        int dim = layers.stream().mapToInt(FeatureMap::channels).sum();
        float[] out = new float[hw * dim];
        float scale = (float) (1.0 / Math.sqrt(layers.size()));
        int off = 0;
        for (FeatureMap m : layers) {
            int c = m.channels();
            float[] v = PatchFeatures.resizePositions(PatchFeatures.positions(m), m.height(), m.width(), c, h, w);
            PatchFeatures.normalizeRows(v, hw, c);
            for (int p = 0; p < hw; p++) {
                for (int j = 0; j < c; j++) {
                    out[p * dim + off + j] = v[p * c + j] * scale;
                }
            }
            off += c;
        }
        return new Fused(out, h, w, dim);
    }
}
