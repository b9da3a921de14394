package io.argus.vision.methods.padim;

import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.maps.MapOps;
import io.argus.vision.methods.ImageModel;
import io.argus.vision.methods.ImageStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link Padim}: per-position means and precisions. State: {@code channels} (I32, d),
 * {@code mean} (F32, h x w x d), {@code precision} (F32, h x w x d x d).
 */
public final class PadimModel extends ImageModel {

    private final PadimParams params;
    private final int h;
    private final int w;
    private final int[] channels;
    private final float[] mean;
    private final float[] precision;

    PadimModel(PadimParams params, ImageStream.Colour colour, double maskThreshold, String spec, int h, int w, int[] channels, float[] mean,
            float[] precision) {
        super(params.backboneConfig(), colour, maskThreshold, spec);
        this.params = params;
        this.h = h;
        this.w = w;
        this.channels = channels;
        this.mean = mean;
        this.precision = precision;
    }

    static PadimModel restore(PadimParams params, Map<String, Tensor> state) {
        int[] channels = StateTensors.ints(state, "channels");
        int d = channels.length;
        long[] s = StateTensors.shape(state, "mean", 3);
        if (s[2] != d || s[0] < 1 || s[1] < 1) {
            throw new IllegalArgumentException("model state tensor 'mean' has last dimension " + s[2] + ", expected " + d);
        }
        int h = (int) s[0];
        int w = (int) s[1];
        float[] mean = StateTensors.floats(state, "mean", h * w * d);
        float[] precision = StateTensors.floats(state, "precision", h * w * d * d);
        return new PadimModel(params, stateColour(state), stateMaskThreshold(state), stateExtractorSpec(state), h, w, channels, mean, precision);
    }

    @Override
    protected Result scoreImage(List<FeatureMap> layers) {
        if (layers.get(0).height() != h || layers.get(0).width() != w) {
            throw new IllegalArgumentException("padim: feature grid " + layers.get(0).height() + "x" + layers.get(0).width()
                    + " differs from the fitted " + h + "x" + w);
        }
        int d = channels.length;
        float[] x = Padim.embed(layers, channels);
        float[] grid = new float[h * w];
        double[] z = new double[d];
        for (int p = 0; p < h * w; p++) {
            for (int j = 0; j < d; j++) {
                z[j] = x[p * d + j] - mean[p * d + j];
            }
            double q = 0;
            int base = p * d * d;
            for (int a = 0; a < d; a++) {
                double row = 0;
                int off = base + a * d;
                for (int b = 0; b < d; b++) {
                    row += precision[off + b] * z[b];
                }
                q += z[a] * row;
            }
            grid[p] = (float) Math.sqrt(Math.max(0, q));
        }
        int side = params.imageSize();
        float[] map = MapOps.gaussian(MapOps.resize(grid, w, h, side, side, false), side, side, params.sigma());
        return new Result(MapOps.max(map), map, side);
    }

    @Override
    protected ImageModel withMaskThreshold(double threshold) {
        return new PadimModel(params, colour(), threshold, extractorSpec(), h, w, channels, mean, precision);
    }

    @Override
    protected Map<String, Tensor> methodState() {
        int d = channels.length;
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("channels", Tensor.i32(channels));
        s.put("mean", Tensor.f32(mean, h, w, d));
        s.put("precision", Tensor.f32(precision, h, w, d, d));
        return s;
    }
}
