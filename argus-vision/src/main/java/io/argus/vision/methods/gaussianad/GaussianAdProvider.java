package io.argus.vision.methods.gaussianad;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.vision.data.ImageSet;
import java.util.Map;

/** Registers {@link GaussianAd} as method {@code gaussian-ad}. */
public final class GaussianAdProvider extends BaseMethodProvider<ImageSet, GaussianAdParams> {

    /** The registry name. */
    public static final String NAME = "gaussian-ad";

    public GaussianAdProvider() {
        super(NAME, "image", ImageSet.class,
                "Gaussian-AD: Mahalanobis distance of globally pooled backbone features to Ledoit-Wolf Gaussians of normal images (image level)",
                new Reference("Rippel, Mertens, Merhof", "Modeling the Distribution of Normal Data in Pre-Trained Deep Features for Anomaly Detection",
                        "ICPR", 2020),
                GaussianAdParams.class, GaussianAdParams.DEFAULTS, true);
    }

    @Override
    public Detector<ImageSet> detector(GaussianAdParams params) {
        return new GaussianAd(params);
    }

    @Override
    public Model<ImageSet> restore(GaussianAdParams params, Map<String, Tensor> state) {
        return GaussianAdModel.restore(params, state);
    }
}
