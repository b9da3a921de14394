package io.argus.vision.methods.visionad;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.vision.data.ImageSet;
import java.util.Map;

/** Registers {@link VisionAd} as method {@code visionad}. */
public final class VisionAdProvider extends BaseMethodProvider<ImageSet, VisionAdParams> {

    /** The registry name. */
    public static final String NAME = "visionad";

    public VisionAdProvider() {
        super(NAME, "image", ImageSet.class,
                "VisionAD: few-shot (1-8 normal images) cosine patch search over augmented supports, with query augmentation; pixel maps",
                new Reference("Qiqigeww et al.", "Search is All You Need for Few-shot Anomaly Detection", "arXiv", 2025),
                VisionAdParams.class, VisionAdParams.DEFAULTS, false);
    }

    @Override
    public Detector<ImageSet> detector(VisionAdParams params) {
        return new VisionAd(params);
    }

    @Override
    public Model<ImageSet> restore(VisionAdParams params, Map<String, Tensor> state) {
        return VisionAdModel.restore(params, state);
    }
}
