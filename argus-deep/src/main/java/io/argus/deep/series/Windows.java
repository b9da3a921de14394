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

    /**
     * The residual of each of {@code windows} windows (window i starts at step i), as SKAB computes it:
     * the sum over channels of the mean over the window's steps of |x − x̂|. The network runs in batches of
     * {@code batch}; {@code input} lays a batch of window starts out as the network's input, channel-major
     * (batch, channels, w) when {@code channelsFirst}, else time-major (batch, w, channels). A network
     * output with one channel is broadcast against every input channel (SKAB's Conv-AE decodes one).
     */
    static double[] residuals(Network net, int windows, int batch, Context ctx, BiFunction<NDManager, int[], NDArray> input,
            boolean channelsFirst, int channels, int w) {
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
                int outChannels = y.length / (starts.length * w);
                if (outChannels != 1 && outChannels != channels || y.length != starts.length * w * outChannels) {
                    throw new IllegalStateException("the network returned " + y.length + " values for " + starts.length + " windows of "
                            + w + " steps and " + channels + " channels");
                }
                int per = channels * w;
                int perOut = outChannels * w;
                for (int i = 0; i < starts.length; i++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        int co = outChannels == 1 ? 0 : c;
                        for (int t = 0; t < w; t++) {
                            int xi = channelsFirst ? c * w + t : t * channels + c;
                            int yi = channelsFirst ? co * w + t : t * outChannels + co;
                            sum += Math.abs(xin[i * per + xi] - y[i * perOut + yi]);
                        }
                    }
                    res[from + i] = sum / w;
                }
            }
        }
        return res;
    }

    /** Windows as a (batch, channels, w) array: channel-major, as 1-D convolutions read them. */
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
     * Per-step scores from per-window residuals (window k covers steps k .. k+w−1) under a point rule,
     * such that a step's score exceeds {@code limit} exactly when the rule flags it.
     */
    static double[] stepScores(double[] windowResidual, int w, ConvAutoEncoderParams.PointRule rule, double limit) {
        return switch (rule) {
            case SKAB -> skabStepScores(windowResidual, w, limit);
            case ALL_WINDOWS -> allWindowsStepScores(windowResidual, windowResidual.length + w - 1, w);
        };
    }

    /**
     * The smallest residual of the windows that contain each step: a step is above any threshold exactly
     * when every window containing it is.
     */
    static double[] allWindowsStepScores(double[] windowResidual, int steps, int w) {
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

    /**
     * SKAB's point rule (its Conv-AE and LSTM-AE notebooks): with X the n windows of width w, step i is
     * flagged iff w−1 ≤ i ≤ n−w and the w−1 windows starting at i−w+1 … i−1 are all above the limit.
     * Inside that range a step's score is the smallest of those residuals; outside it the score is the
     * all-windows score capped at {@code limit}, which still ranks the step but never flags it.
     */
    static double[] skabStepScores(double[] windowResidual, int w, double limit) {
        int n = windowResidual.length;
        double[] s = allWindowsStepScores(windowResidual, n + w - 1, w);
        for (int i = 0; i < s.length; i++) {
            if (i >= w - 1 && i <= n - w) {
                double min = Double.POSITIVE_INFINITY;
                for (int k = i - w + 1; k < i; k++) {
                    min = Math.min(min, windowResidual[k]);
                }
                s[i] = min;
            } else {
                s[i] = Math.min(s[i], limit);
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
