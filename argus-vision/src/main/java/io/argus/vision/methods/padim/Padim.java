package io.argus.vision.methods.padim;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Sampling;
import io.argus.core.linalg.Matrices;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.ImageStream;
import java.util.List;
import java.util.Objects;

/**
 * PaDiM (Defard, Setkov, Loesch, Audigier, "PaDiM: a Patch Distribution Modeling Framework for Anomaly
 * Detection and Localization", ICPR 2020 workshops): a multivariate Gaussian per patch position.
 *
 * <ol>
 * <li>The layers are concatenated per position on the first layer's grid, deeper layers upsampled by
 * nearest neighbour (the reference's {@code embedding_concat}), and a seeded random subset of
 * {@code dimensions} channels is kept.</li>
 * <li>Per position (i, j): the mean μᵢⱼ and the unbiased covariance Σᵢⱼ + ε·I of the training
 * vectors (n − 1 in the denominator, as {@code np.cov}); the precision is stored.</li>
 * <li>A test patch scores its Mahalanobis distance √((x − μ)ᵀ Σ⁻¹ (x − μ)); the grid is bilinearly
 * upsampled to the network input and smoothed with σ = 4; the image score is the map's maximum.</li>
 * </ol>
 *
 * <p>Cost: fit O(n·P·d²) time and O(P·d²) memory for P positions; scoring O(P·d²) per image. Needs at
 * least 2 training images.
 */
public final class Padim implements Detector<ImageSet> {

    private final PadimParams params;

    public Padim(PadimParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Model<ImageSet> fit(ImageSet train, Context ctx) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("padim: needs at least 2 training images for a covariance, got " + train.size());
        }
        try (FeatureExtractor ext = params.backboneConfig().open()) {
            ImageStream.Colour colour = ImageStream.colourOf(train);
            float[][] per = new float[train.size()][];
            int[] meta = channelsAndGrid(ImageStream.probe(train, ext, colour));
            int total = meta[0];
            int d = Math.min(params.dimensions(), total);
            int[] channels = Sampling.withoutReplacement(total, d, ctx.random(0xFADE));
            ImageStream.forEach(train, ext, colour, ctx, item -> per[item.index()] = embed(item.layers(), channels));
            int h = meta[1];
            int w = meta[2];
            int hw = h * w;
            int n = train.size();
            if ((long) hw * d * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("padim: " + hw + " positions x " + d + "^2 covariance entries exceed one array; lower dimensions");
            }
            float[] mean = new float[hw * d];
            float[] precision = new float[hw * d * d];
            ctx.parallelFor(hw, 16, (from, to) -> {
                double[] mu = new double[d];
                double[] cov = new double[d * d];
                double[] z = new double[d];
                for (int p = from; p < to; p++) {
                    java.util.Arrays.fill(mu, 0);
                    java.util.Arrays.fill(cov, 0);
                    for (float[] v : per) {
                        for (int j = 0; j < d; j++) {
                            mu[j] += v[p * d + j];
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        mu[j] /= n;
                    }
                    for (float[] v : per) {
                        for (int j = 0; j < d; j++) {
                            z[j] = v[p * d + j] - mu[j];
                        }
                        for (int a = 0; a < d; a++) {
                            double za = z[a];
                            for (int b = a; b < d; b++) {
                                cov[a * d + b] += za * z[b];
                            }
                        }
                    }
                    for (int a = 0; a < d; a++) {
                        for (int b = a; b < d; b++) {
                            double c = cov[a * d + b] / (n - 1) + (a == b ? params.epsilon() : 0.0);
                            cov[a * d + b] = c;
                            cov[b * d + a] = c;
                        }
                    }
                    double[] inv = Matrices.inverse(cov, d);
                    for (int j = 0; j < d; j++) {
                        mean[p * d + j] = (float) mu[j];
                    }
                    for (int k = 0; k < d * d; k++) {
                        precision[p * d * d + k] = (float) inv[k];
                    }
                }
            });
            PadimModel model = new PadimModel(params, colour, Double.NaN, ext.spec(), h, w, channels, mean, precision);
            return model.withTrainingThreshold(train, ext, ctx);
        }
    }

    /** {total channels, grid height, grid width} of an image's layers. */
    static int[] channelsAndGrid(List<FeatureMap> layers) {
        int total = 0;
        for (FeatureMap m : layers) {
            total += m.channels();
        }
        return new int[] {total, layers.get(0).height(), layers.get(0).width()};
    }

    /**
     * The selected channels of the concatenated layers at every position of the first layer's grid
     * (deeper layers by nearest neighbour), position-major: {@code out[p * d + j]}.
     */
    static float[] embed(List<FeatureMap> layers, int[] channels) {
        int h = layers.get(0).height();
        int w = layers.get(0).width();
        int d = channels.length;
        int[] layerOf = new int[d];
        int[] chanOf = new int[d];
        for (int j = 0; j < d; j++) {
            int c = channels[j];
            int l = 0;
            while (c >= layers.get(l).channels()) {
                c -= layers.get(l).channels();
                l++;
                if (l == layers.size()) {
                    throw new IllegalArgumentException("padim: channel " + channels[j] + " beyond the layers' " + (channels[j] - c) + " channels");
                }
            }
            layerOf[j] = l;
            chanOf[j] = c;
        }
        float[] out = new float[h * w * d];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                for (int j = 0; j < d; j++) {
                    FeatureMap m = layers.get(layerOf[j]);
                    int yy = y * m.height() / h;
                    int xx = x * m.width() / w;
                    out[p * d + j] = m.get(chanOf[j], yy, xx);
                }
            }
        }
        return out;
    }
}
