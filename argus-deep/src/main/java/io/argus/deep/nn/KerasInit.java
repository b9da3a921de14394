package io.argus.deep.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Keras' default weight initialisers, for networks that reproduce a Keras reference: Glorot-uniform
 * kernels (Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural
 * networks", AISTATS 2010), orthogonal recurrent kernels (Saxe et al., "Exact solutions to the nonlinear
 * dynamics of learning in deep linear neural networks", ICLR 2014) and the LSTM bias with the forget
 * gate at 1 (Jozefowicz et al., ICML 2015; Keras' {@code unit_forget_bias=True}). DJL's own default (a
 * He-normal weight) differs, so the Keras-faithful blocks set these explicitly.
 *
 * <p>Draws come from the engine's generator, which {@link Training} seeds before initialising, so an
 * initialisation repeats with the seed.
 */
public final class KerasInit {

    private KerasInit() {
    }

    /**
     * Uniform on [−l, l] with l = √(6 / (fan_in + fan_out)), Keras' {@code glorot_uniform}. The fans of a
     * matrix are its two sizes; of a convolution kernel (out, in, k…) they are in·k… and out·k… (the sum is
     * the same in PyTorch's and in Keras' layout).
     */
    public static Initializer glorotUniform() {
        return (manager, shape, dtype) -> {
            double limit = glorotLimit(shape);
            return manager.randomUniform((float) -limit, (float) limit, shape, dtype);
        };
    }

    /** The bound l of {@link #glorotUniform()} for a parameter of this shape. */
    public static double glorotLimit(Shape shape) {
        long[] s = shape.getShape();
        if (s.length < 2) {
            throw new IllegalArgumentException("glorot_uniform needs a parameter of 2 or more dimensions, got shape " + shape);
        }
        long receptive = 1;
        for (int i = 2; i < s.length; i++) {
            receptive *= s[i];
        }
        return Math.sqrt(6.0 / ((s[0] + s[1]) * (double) receptive));
    }

    /**
     * Keras' {@code Orthogonal(gain=1)}: for a (rows, cols) matrix, a standard normal (max, min) matrix is
     * factored A = QR, Q's columns are sign-corrected so that R's diagonal is positive, and Q (or Qᵀ when
     * rows &lt; cols) is the result; its rows or its columns, whichever are fewer, are orthonormal.
     * The factorisation is modified Gram-Schmidt in double, which yields that sign convention directly.
     */
    public static Initializer orthogonal() {
        return (manager, shape, dtype) -> {
            long[] s = shape.getShape();
            long rows = 1;
            for (int i = 0; i < s.length - 1; i++) {
                rows *= s[i];
            }
            long cols = s[s.length - 1];
            int n = (int) Math.max(rows, cols);
            int k = (int) Math.min(rows, cols);
            float[] a;
            try (NDArray g = manager.randomNormal(0f, 1f, new Shape(n, k), DataType.FLOAT32)) {
                a = g.toFloatArray();
            }
            double[][] q = orthonormalColumns(a, n, k);
            float[] out = new float[(int) (rows * cols)];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[(int) (r * cols + c)] = (float) (rows < cols ? q[c][r] : q[r][c]);
                }
            }
            return create(manager, out, shape, dtype);
        };
    }

    /**
     * The bias of an LSTM with {@code units} units in Keras' gate order (input, forget, cell, output):
     * zero, except 1 for the forget gate.
     */
    public static Initializer lstmBias(int units) {
        return (manager, shape, dtype) -> {
            if (shape.size() != 4L * units) {
                throw new IllegalArgumentException("LSTM bias of " + units + " units has " + 4 * units + " values, the parameter has shape " + shape);
            }
            float[] b = new float[4 * units];
            java.util.Arrays.fill(b, units, 2 * units, 1f);
            return create(manager, b, shape, dtype);
        };
    }

    private static NDArray create(NDManager manager, float[] values, Shape shape, DataType dtype) {
        NDArray a = manager.create(values, shape);
        return dtype == DataType.FLOAT32 ? a : a.toType(dtype, false);
    }

    /** Q of the thin QR factorisation of a row-major (n, k) matrix, n ≥ k, as q[row][col], with R's diagonal positive. */
    static double[][] orthonormalColumns(float[] a, int n, int k) {
        double[][] cols = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                cols[j][i] = a[i * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            double[] v = cols[j];
            // twice: classical re-orthogonalisation keeps Q orthogonal to rounding error
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += cols[p][i] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * cols[p][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0)) {
                throw new IllegalStateException("orthogonal initialisation drew a rank-deficient matrix");
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
        }
        double[][] q = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                q[i][j] = cols[j][i];
            }
        }
        return q;
    }
}
