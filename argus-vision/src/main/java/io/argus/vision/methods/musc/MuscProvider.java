package io.argus.vision.methods.musc;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.vision.data.ImageSet;
import java.util.Map;

/** Registers {@link Musc} as method {@code musc}. */
public final class MuscProvider extends BaseMethodProvider<ImageSet, MuscParams> {

    /** The registry name. */
    public static final String NAME = "musc";

    public MuscProvider() {
        super(NAME, "image", ImageSet.class,
                "MuSc: zero-shot, no training images; unlabelled images score each other by mutual patch distances, then RsCIN; pixel maps",
                new Reference("Li, Huang, Liu, Liu, Zhou, Xie, Gao, Zhang, Tao",
                        "MuSc: Zero-Shot Industrial Anomaly Classification and Segmentation with Mutual Scoring of the Unlabeled Images",
                        "ICLR", 2024),
                MuscParams.class, MuscParams.DEFAULTS, false);
    }

    @Override
    public Detector<ImageSet> detector(MuscParams params) {
        return new Musc(params);
    }

    @Override
    public Model<ImageSet> restore(MuscParams params, Map<String, Tensor> state) {
        return new MuscModel(params);
    }
}
