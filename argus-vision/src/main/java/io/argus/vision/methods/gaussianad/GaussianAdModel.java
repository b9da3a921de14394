package io.argus.vision.methods.gaussianad;

import io.argus.core.linalg.Matrices;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.ImageModel;
import io.argus.vision.methods.ImageStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link GaussianAd}: per level a mean and a precision matrix. State: {@code mean.L} (F64,
 * C_l) and {@code precision.L} (F64, C_l x C_l) for every level L.
 */
public final class GaussianAdModel extends ImageModel {

    private final double[][] means;
    private final double[][] precisions;

    GaussianAdModel(GaussianAdParams params, ImageStream.Colour colour, String spec, double[][] means, double[][] precisions) {
        super(params.backboneConfig(), colour, Double.NaN, spec);
        this.means = means;
        this.precisions = precisions;
    }

    static GaussianAdModel restore(GaussianAdParams params, Map<String, Tensor> state) {
        int levels = params.backboneConfig().layerList().size();
        double[][] means = new double[levels][];
        double[][] precisions = new double[levels][];
        for (int l = 0; l < levels; l++) {
            means[l] = StateTensors.doubles(state, "mean." + l);
            int d = means[l].length;
            precisions[l] = StateTensors.doubles(state, "precision." + l, d * d);
        }
        return new GaussianAdModel(params, stateColour(state), stateExtractorSpec(state), means, precisions);
    }

    @Override
    public boolean localizes() {
        return false;
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers) {
        double[][] g = GaussianAd.pool(layers);
        if (g.length != means.length) {
            throw new IllegalArgumentException("gaussian-ad: backbone gave " + g.length + " layers, the model has " + means.length);
        }
        double score = 0;
        for (int l = 0; l < g.length; l++) {
            int d = means[l].length;
            if (g[l].length != d) {
                throw new IllegalArgumentException("gaussian-ad: layer " + layers.get(l).layer() + " has " + g[l].length
                        + " channels, the model was fitted on " + d);
            }
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = g[l][j] - means[l][j];
            }
            score += Math.sqrt(Math.max(0, Matrices.quadraticForm(z, d, precisions[l])));
        }
        return new Result(score, null, 0);
    }

    @Override
    protected ImageModel withMaskThreshold(double threshold) {
        return this;
    }

    @Override
    protected Map<String, Tensor> methodState() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int l = 0; l < means.length; l++) {
            s.put("mean." + l, Tensor.f64(means[l]));
            s.put("precision." + l, Tensor.f64(precisions[l], means[l].length, means[l].length));
        }
        return s;
    }
}
