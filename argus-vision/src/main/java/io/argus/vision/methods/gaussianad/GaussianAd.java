package io.argus.vision.methods.gaussianad;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.Matrices;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.ImageStream;
import java.util.List;
import java.util.Objects;

/**
 * Gaussian-AD (Rippel, Mertens, Merhof, "Modeling the Distribution of Normal Data in Pre-Trained Deep
 * Features for Anomaly Detection", ICPR 2020; ORippler/gaussian-ad-mvtec): every layer ("level") is
 * globally average-pooled to one vector per image; per level a mean and a Ledoit–Wolf shrunk covariance
 * (scikit-learn's {@code LedoitWolf}, {@link Covariance#ledoitWolf}) are fitted; an image scores the sum
 * over levels of its Mahalanobis distances √((g − μ)ᵀ Σ⁻¹ (g − μ)) (the paper's mean, up to the
 * constant factor). Image level only: it gives no map, as in the paper.
 *
 * <p>Cost: fit O(n·Σ C_l² + Σ C_l³), scoring O(Σ C_l²) per image, memory O(Σ C_l²).
 */
public final class GaussianAd implements Detector<ImageSet> {

    private final GaussianAdParams params;

    public GaussianAd(GaussianAdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<ImageSet> fit(ImageSet train, Context ctx) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("gaussian-ad: needs at least 2 training images, got " + train.size());
        }
        try (FeatureExtractor ext = params.backboneConfig().open()) {
            ImageStream.Colour colour = ImageStream.colourOf(train);
            int n = train.size();
            double[][][] pooled = new double[n][][];
            ImageStream.forEach(train, ext, colour, ctx, item -> pooled[item.index()] = pool(item.layers()));
            int levels = pooled[0].length;
            double[][] means = new double[levels][];
            double[][] precisions = new double[levels][];
            for (int l = 0; l < levels; l++) {
                int d = pooled[0][l].length;
                double[] x = new double[n * d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(pooled[i][l], 0, x, i * d, d);
                }
                double[] mu = Covariance.mean(x, n, d);
                Covariance.Shrunk lw = Covariance.ledoitWolf(x, n, d, mu, ctx);
                means[l] = mu;
                precisions[l] = Matrices.pinvh(lw.covariance(), d);
            }
            return new GaussianAdModel(params, colour, ext.spec(), means, precisions);
        }
    }

    /** The global average of every channel of every layer. */
    static double[][] pool(List<FeatureMap> layers) {
        double[][] out = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            FeatureMap m = layers.get(l);
            int hw = m.height() * m.width();
            double[] g = new double[m.channels()];
            float[] d = m.data();
            for (int c = 0; c < m.channels(); c++) {
                double s = 0;
                for (int p = 0; p < hw; p++) {
                    s += d[c * hw + p];
                }
                g[c] = s / hw;
            }
            out[l] = g;
        }
        return out;
    }
}
