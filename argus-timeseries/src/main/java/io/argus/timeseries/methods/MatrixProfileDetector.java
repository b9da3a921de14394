package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.timeseries.mp.MatrixProfile;
import io.argus.timeseries.prep.Periods;
import io.argus.timeseries.prep.Windows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matrix Profile discord score: each subsequence's z-normalised distance to its nearest non-trivial
 * neighbour in the scored series ({@link MatrixProfile#selfJoin}), spread back to steps centred as
 * TSB-AD does. A subsequence unlike any other (a discord) scores high.
 *
 * <p>Yeh et al., "Matrix Profile I", IEEE ICDM 2016; the discord as the anomaly score is the UCR
 * archive's reference detector (Wu and Keogh, IEEE TKDE 2021) and TSB-AD's {@code MatrixProfile}, which
 * is also unsupervised on the scored series. Fitting only fixes the subsequence length: {@code window}
 * when set, else TSB-AD's period estimate of the <em>training</em> part times {@code periods}
 * (TSB-AD's {@code periodicity} = 1 for MatrixProfile).
 *
 * <p>Subsequences with no neighbour outside the exclusion zone (a series barely longer than the window)
 * take the largest finite profile value. Time O(l² + l·m) per scored series (see {@link MatrixProfile}).
 */
public final class MatrixProfileDetector implements UnivariateDetector {

    private final MatrixProfileParams params;

    /** A detector with the given parameters. */
    public MatrixProfileDetector(MatrixProfileParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return MatrixProfileProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        float[] f = new float[train.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) train[i];
        }
        int m = Periods.window(params.window(), params.periods(), f);
        return new Fitted(m);
    }

    /** Restores a model from its state (tensor {@code window}). */
    static UnivariateModel restore(Map<String, Tensor> state) {
        int[] w = StateTensors.ints(state, "window", 1);
        if (w[0] < 2) {
            throw new IllegalArgumentException("model state tensor 'window' must be >= 2, got " + w[0]);
        }
        return new Fitted(w[0]);
    }

    /** The fitted subsequence length. */
    record Fitted(int window) implements UnivariateModel {

        @Override
        public double[] score(double[] x, Context ctx) {
            if (x.length < window + MatrixProfile.exclusionDefault(window) + 1) {
                throw new IllegalArgumentException("matrix-profile: series has " + x.length + " steps; the window " + window
                        + " needs at least " + (window + MatrixProfile.exclusionDefault(window) + 1));
            }
            double[] p = MatrixProfile.selfJoin(x, window, ctx).profile();
            double max = 0;
            for (double v : p) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
            for (int i = 0; i < p.length; i++) {
                if (!Double.isFinite(p[i])) {
                    p[i] = max;
                }
            }
            return Windows.spreadCentred(p, window, x.length);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("window", Tensor.i32(new int[] {window}, 1));
            return s;
        }
    }
}
