package io.argus.deep.nn;

import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * Per-column z-scores fitted on training data, as scikit-learn's {@code StandardScaler} (population
 * standard deviation; a constant column keeps scale 1), which PyOD's deep detectors apply by default
 * ({@code preprocessing=True}).
 *
 * @param mean column means
 * @param scale column standard deviations (1 where a column is constant)
 */
public record Standardizer(double[] mean, double[] scale) {

    /** Name of the means tensor in a model state. */
    public static final String MEAN = "scaler.mean";
    /** Name of the scales tensor in a model state. */
    public static final String SCALE = "scaler.scale";

    /**
     * Fits on a table.
     *
     * @param method the method name for messages
     * @throws IllegalArgumentException when a value is not finite, or when every column is constant
     *         (nothing to learn: a network would fit the constant and every score would be equal)
     */
    public static Standardizer fit(Table t, String method) {
        int n = t.rows();
        int d = t.cols();
        double[] mean = new double[d];
        double[] m2 = new double[d];
        float[] v = t.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double x = v[i * d + j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException(method + ": training value at row " + i + ", column " + j + " is " + x
                            + "; deep methods need finite input");
                }
                double delta = x - mean[j];
                mean[j] += delta / (i + 1);
                m2[j] += delta * (x - mean[j]);
            }
        }
        double[] scale = new double[d];
        boolean anyVaries = false;
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(m2[j] / n);
            if (sd > 0 && Double.isFinite(sd)) {
                scale[j] = sd;
                anyVaries = true;
            } else {
                scale[j] = 1.0;
            }
        }
        if (!anyVaries) {
            throw new IllegalArgumentException(method + ": the training data is constant (every one of the " + d
                    + " columns has a single value over " + n + " rows); there is nothing to learn");
        }
        return new Standardizer(mean, scale);
    }

    /** The standardised table, row-major float32; non-finite input is rejected with its row and column. */
    public float[] apply(Table t, String method) {
        int n = t.rows();
        int d = mean.length;
        t.requireColumns(d);
        float[] v = t.values();
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float x = v[i * d + j];
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException(method + ": value at row " + i + ", column " + j + " is " + x
                            + "; deep methods need finite input");
                }
                out[i * d + j] = (float) ((x - mean[j]) / scale[j]);
            }
        }
        return out;
    }

    /** Number of columns. */
    public int cols() {
        return mean.length;
    }

    /** Adds the two tensors to a model state. */
    public void putInto(Map<String, Tensor> state) {
        state.put(MEAN, Tensor.f64(mean.clone()));
        state.put(SCALE, Tensor.f64(scale.clone()));
    }

    /** Reads the two tensors back, checking that they agree and that every scale is positive and finite. */
    public static Standardizer from(Map<String, Tensor> state) {
        double[] mean = StateTensors.doubles(state, MEAN);
        double[] scale = StateTensors.doubles(state, SCALE, mean.length);
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0 && Double.isFinite(scale[j])) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("model state tensor '" + SCALE + "' or '" + MEAN + "' is invalid at column " + j);
            }
        }
        return new Standardizer(mean, scale);
    }
}
