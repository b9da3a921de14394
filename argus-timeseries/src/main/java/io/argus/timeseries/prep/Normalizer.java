package io.argus.timeseries.prep;

import io.argus.core.data.Series;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * Per-channel standardisation z = (x − μ_c) / σ_c with μ and σ (population standard deviation) fitted
 * on training data only, so that the scaling never sees the data being scored (scikit-learn's
 * {@code StandardScaler}, which TSB-AD and SKAB's baselines fit on the training part).
 *
 * <p>Constant-channel policy: a channel whose training standard deviation is ≤ 1e-12·max(1, |μ|) keeps
 * scale 1 (only the mean is removed), as scikit-learn does; it is not an error.
 *
 * @param mean per-channel training mean
 * @param scale per-channel training standard deviation (1 for constant channels)
 */
public record Normalizer(double[] mean, double[] scale) {

    public Normalizer {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " channels, scale " + scale.length);
        }
    }

    /**
     * Fits the per-channel mean and standard deviation.
     *
     * @throws IllegalArgumentException when the training series has no steps
     */
    public static Normalizer fit(Series train) {
        int n = train.steps();
        int c = train.channels();
        if (n < 1) {
            throw new IllegalArgumentException("normalisation needs at least 1 training step, got 0");
        }
        float[] v = train.values();
        double[] mean = new double[c];
        double[] scale = new double[c];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < c; j++) {
                mean[j] += v[t * c + j];
            }
        }
        for (int j = 0; j < c; j++) {
            mean[j] /= n;
        }
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < c; j++) {
                double d = v[t * c + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < c; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd <= 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? 1.0 : sd;
        }
        return new Normalizer(mean, scale);
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    /** The standardised series (labels and timestamps kept). */
    public Series apply(Series s) {
        if (s.channels() != mean.length) {
            throw new IllegalArgumentException("normaliser was fitted on " + mean.length + " channels, the series has " + s.channels());
        }
        int c = mean.length;
        float[] v = s.values();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int j = i % c;
            out[i] = (float) ((v[i] - mean[j]) / scale[j]);
        }
        return Series.of(s.steps(), c, out, s.timestamps().orElse(null), s.names(), s.labels().orElse(null), s.source());
    }

    /** The state as tensors ({@code <prefix>mean}, {@code <prefix>scale}). */
    public void saveTo(Map<String, Tensor> state, String prefix) {
        state.put(prefix + "mean", Tensor.f64(mean.clone(), mean.length));
        state.put(prefix + "scale", Tensor.f64(scale.clone(), scale.length));
    }

    /** Rebuilds a normaliser saved by {@link #saveTo}. */
    public static Normalizer restore(Map<String, Tensor> state, String prefix) {
        double[] mean = StateTensors.doubles(state, prefix + "mean");
        double[] scale = StateTensors.doubles(state, prefix + "scale", mean.length);
        return new Normalizer(mean, scale);
    }
}
