package io.argus.vision.methods;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.metrics.pixel.AnomalyMap;
import io.argus.vision.PixelMaps;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.maps.MapOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted image model that scores each image on its own: the backbone's feature maps of one image
 * give an image score and a map at the network's input resolution, which is resized (bilinear) to the
 * image's original size. Scores carry {@link PixelMaps} when the method localizes.
 *
 * <p>Besides the method's tensors, the state holds the colour kind of the training images (a colour
 * model refuses grayscale images and vice versa) and the pixel threshold of binary masks, chosen on
 * training images only ({@link #pixelThreshold}).
 */
public abstract class ImageModel implements Model<ImageSet> {

    /** Training images scored in-sample to choose the mask threshold. */
    public static final int THRESHOLD_IMAGES = 32;

    private final BackboneConfig backbone;
    private final ImageStream.Colour colour;
    private final double maskThreshold;
    private final String extractorSpec;

    /**
     * @param extractorSpec the {@link FeatureExtractor#spec()} of the backbone the model was fitted with
     *        (file hash, layers, preprocessing), or null when fitting used none
     */
    protected ImageModel(BackboneConfig backbone, ImageStream.Colour colour, double maskThreshold, String extractorSpec) {
        this.backbone = backbone;
        this.colour = colour;
        this.maskThreshold = maskThreshold;
        this.extractorSpec = extractorSpec;
    }

    /** The extractor spec recorded in a model state, or null when it has none. */
    protected static String stateExtractorSpec(Map<String, Tensor> state) {
        Tensor t = state.get("extractor_spec");
        return t == null ? null : new String(StateTensors.require(state, "extractor_spec", Tensor.DType.U8).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The spec of the extractor the model was fitted with (null when none). */
    public String extractorSpec() {
        return extractorSpec;
    }

    /**
     * Checks that an extractor is the one the model was fitted with: the same backbone file (hash), layers
     * and preprocessing, so that scores mean what they meant at fitting time.
     */
    protected void checkExtractor(FeatureExtractor ext) {
        if (extractorSpec != null && !extractorSpec.equals(ext.spec())) {
            throw new IllegalArgumentException("backbone " + backbone.backbone() + " now gives features '" + ext.spec()
                    + "' but the model was fitted with '" + extractorSpec + "' (a changed backbone file or preprocessing); refit the model");
        }
    }

    /** The colour kind recorded in a model state. */
    protected static ImageStream.Colour stateColour(Map<String, Tensor> state) {
        int c = StateTensors.ints(state, "colour", 1)[0];
        if (c == -1) {
            return null;
        }
        if (c < 0 || c >= ImageStream.Colour.values().length) {
            throw new IllegalArgumentException("model state tensor 'colour' = " + c + " is not -1 (any), 0 (gray) or 1 (rgb)");
        }
        return ImageStream.Colour.values()[c];
    }

    /** The mask threshold recorded in a model state. */
    protected static double stateMaskThreshold(Map<String, Tensor> state) {
        return StateTensors.doubles(state, "mask_threshold", 1)[0];
    }

    /** The backbone settings. */
    public BackboneConfig backbone() {
        return backbone;
    }

    /** The colour kind of the training images, or null when the model takes both (zero-shot methods). */
    public ImageStream.Colour colour() {
        return colour;
    }

    /**
     * The pixel value above which a map marks a pixel anomalous in binary masks: the largest map value
     * of up to {@value #THRESHOLD_IMAGES} training images scored in-sample (NaN when the method does not
     * localize). It is a statistic of normal images only and never sees test labels.
     */
    public double maskThreshold() {
        return maskThreshold;
    }

    /** Whether scores carry pixel maps. */
    public boolean localizes() {
        return true;
    }

    /**
     * The result for one image.
     *
     * @param score the image score
     * @param map the map at {@code side x side} (the network input), or null when the method does not localize
     * @param side the map's side
     */
    public record Result(double score, float[] map, int side) {
    }

    /** Scores one image from its feature maps (called concurrently). */
    protected abstract Result scoreImage(List<FeatureMap> layers);

    /**
     * Scores one image using up to {@code threads} threads (more than one when a batch holds fewer images
     * than the context has threads, e.g. one image at a time on a line); results do not depend on it.
     */
    protected Result scoreImage(List<FeatureMap> layers, int threads) {
        return scoreImage(layers);
    }

    /** The same model with another mask threshold. */
    protected abstract ImageModel withMaskThreshold(double threshold);

    /** The method's own tensors. */
    protected abstract Map<String, Tensor> methodState();

    @Override
    public Scores score(ImageSet data, Context ctx) {
        try (FeatureExtractor ext = backbone.open()) {
            return score(data, ext, ctx);
        }
    }

    /** Scores with an extractor the caller opened (and closes), e.g. one shared by several models. */
    public Scores score(ImageSet data, FeatureExtractor ext, Context ctx) {
        checkExtractor(ext);
        int n = data.size();
        double[] scores = new double[n];
        AnomalyMap[] maps = new AnomalyMap[n];
        ImageStream.forEach(data, ext, colour, ctx, item -> {
            Result r = scoreImage(item.layers(), item.threads());
            scores[item.index()] = r.score();
            if (r.map() != null) {
                maps[item.index()] = MapOps.toSize(r.map(), r.side(), r.side(), item.width(), item.height());
            }
        });
        return Scores.of(scores, localizes() ? new PixelMaps(List.of(maps)) : null);
    }

    @Override
    public final Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>(methodState());
        s.put("colour", Tensor.i32(new int[] {colour == null ? -1 : colour.ordinal()}));
        s.put("mask_threshold", Tensor.f64(new double[] {maskThreshold}));
        if (extractorSpec != null) {
            s.put("extractor_spec", Tensor.u8(extractorSpec.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return s;
    }

    /**
     * This model with its mask threshold set from training images: the largest map value over up to
     * {@value #THRESHOLD_IMAGES} of them (a seeded sample when there are more), scored in-sample.
     */
    public ImageModel withTrainingThreshold(ImageSet train, FeatureExtractor ext, Context ctx) {
        if (!localizes()) {
            return withMaskThreshold(Double.NaN);
        }
        ImageSet sample = train;
        if (train.size() > THRESHOLD_IMAGES) {
            int[] pick = io.argus.core.Sampling.withoutReplacement(train.size(), THRESHOLD_IMAGES, ctx.random(0x7E5A01DL));
            java.util.Arrays.sort(pick);
            sample = new ImageSet(train.name(), java.util.Arrays.stream(pick).mapToObj(train::get).toList());
        }
        Scores s = score(sample, ext, ctx);
        double max = Double.NEGATIVE_INFINITY;
        for (AnomalyMap m : ((PixelMaps) s.localization().orElseThrow()).maps()) {
            max = Math.max(max, MapOps.max(m.values()));
        }
        return withMaskThreshold(max);
    }
}
