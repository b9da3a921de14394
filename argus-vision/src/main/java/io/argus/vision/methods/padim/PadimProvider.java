package io.argus.vision.methods.padim;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.vision.data.ImageSet;
import java.util.Map;

/** Registers {@link Padim} as method {@code padim}. */
public final class PadimProvider extends BaseMethodProvider<ImageSet, PadimParams> {

    /** The registry name. */
    public static final String NAME = "padim";

    public PadimProvider() {
        super(NAME, "image", ImageSet.class, "PaDiM: Mahalanobis distance to a Gaussian of each patch position's normal features; pixel maps",
                new Reference("Defard, Setkov, Loesch, Audigier",
                        "PaDiM: a Patch Distribution Modeling Framework for Anomaly Detection and Localization", "ICPR workshops", 2020),
                PadimParams.class, PadimParams.DEFAULTS, false);
    }

    @Override
    public Detector<ImageSet> detector(PadimParams params) {
        return new Padim(params);
    }

    @Override
    public Model<ImageSet> restore(PadimParams params, Map<String, Tensor> state) {
        return PadimModel.restore(params, state);
    }
}
