package io.argus.vision.methods.patchcore;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.vision.data.ImageSet;
import java.util.Map;

/** Registers {@link PatchCore} as method {@code patchcore}. */
public final class PatchCoreProvider extends BaseMethodProvider<ImageSet, PatchCoreParams> {

    /** The registry name. */
    public static final String NAME = "patchcore";

    public PatchCoreProvider() {
        super(NAME, "image", ImageSet.class,
                "PatchCore: nearest-neighbour distance of locally aggregated patch features to a coreset of normal patches; pixel maps",
                new Reference("Roth, Pemula, Zepeda, Schölkopf, Brox, Gehler", "Towards Total Recall in Industrial Anomaly Detection",
                        "CVPR", 2022),
                PatchCoreParams.class, PatchCoreParams.DEFAULTS, false);
    }

    @Override
    public Detector<ImageSet> detector(PatchCoreParams params) {
        return new PatchCore(params);
    }

    @Override
    public Model<ImageSet> restore(PatchCoreParams params, Map<String, Tensor> state) {
        return PatchCoreModel.restore(params, state);
    }
}
