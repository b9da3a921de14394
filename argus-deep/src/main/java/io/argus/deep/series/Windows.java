package io.argus.deep.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.argus.core.Context;
import io.argus.deep.nn.Network;
import java.util.Arrays;
import java.util.function.BiFunction;

/** Sliding windows (stride 1) over a standardised row-major series, and what the window methods share. */
final class Windows {

    private Windows() {
    }

    /** Number of windows of width w over T steps. */
    static int count(int steps, int w) {
        return steps - w + 1;
    }

    /** Windows as a (batch, channels, w) array: channel-major, as 1-D convolutions read them. */
    /**
     * The mean absolute reconstruction error of each of {@code windows} windows (window i starts at step
     * i), run through {@code net} in batches of {@code batch}; {@code input} lays a batch of window starts
     * out as the network's input.
     */
    static double[] meanAbsoluteResiduals(Network net, int windows, int batch, Context ctx,
            BiFunction<NDManager, int[], NDArray> input) {
        double[] res = new double[windows];
        for (int from = 0; from < windows; from += batch) {
            ctx.checkCancelled();
            int to = Math.min(windows, from + batch);
            int[] starts = new int[to - from];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = from + i;
            }
            try (NDManager m = net.manager().newSubManager()) {
                NDArray in = input.apply(m, starts);
                float[] xin = in.toFloatArray();
                float[] y = net.forward(new NDList(in)).singletonOrThrow().toFloatArray();
                int per = xin.length / starts.length;
                for (int i = 0; i < starts.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < per; j++) {
                        sum += Math.abs(xin[i * per + j] - y[i * per + j]);
                    }
                    res[from + i] = sum / per;
                }
            }
        }
        return res;
    }

    static NDArray channelsFirst(NDManager m, float[] x, int channels, int w, int[] starts) {
        float[] b = new float[starts.length * channels * w];
        for (int i = 0; i < starts.length; i++) {
            for (int t = 0; t < w; t++) {
                int row = (starts[i] + t) * channels;
                for (int c = 0; c < channels; c++) {
                    b[(i * channels + c) * w + t] = x[row + c];
                }
            }
        }
        return m.create(b, new Shape(starts.length, channels, w));
    }

    /** Windows as a (batch, w, channels) array: time-major, as recurrent layers read them. */
    static NDArray timeFirst(NDManager m, float[] x, int channels, int w, int[] starts) {
        float[] b = new float[starts.length * channels * w];
        for (int i = 0; i < starts.length; i++) {
            System.arraycopy(x, starts[i] * channels, b, i * w * channels, w * channels);
        }
        return m.create(b, new Shape(starts.length, w, channels));
    }

    /**
     * Per-step scores from per-window residuals: the smallest residual of the windows that contain the
     * step. A step is then above any threshold exactly when every window containing it is, which is
     * the SKAB / Keras rule for turning window alarms into point alarms.
     */
    static double[] stepScores(double[] windowResidual, int steps, int w) {
        double[] s = new double[steps];
        Arrays.fill(s, Double.POSITIVE_INFINITY);
        for (int k = 0; k < windowResidual.length; k++) {
            for (int t = k; t < k + w; t++) {
                if (windowResidual[k] < s[t]) {
                    s[t] = windowResidual[k];
                }
            }
        }
        return s;
    }

    /** The q-quantile with linear interpolation (numpy's and pandas' default). */
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
