package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * Spectral Residual (SR): the saliency map of a series from the residual of its log-amplitude spectrum,
 * scored against a trailing local average.
 *
 * <p>Ren, Xu, Wang, Yi, Wang, Zhang, Tong, Zhang, "Time-Series Anomaly Detection Service at Microsoft",
 * ACM KDD 2019, §4.1, and Microsoft's reference implementation ({@code msanomalydetector}):
 * <ol>
 * <li>Extend the series by {@code extension} = 5 estimated points ({@code extend_series}: each equal to
 *     x[−m] + Σ slopes, the slopes from the last point to each of the m = 5 points before it, as the
 *     reference code computes it with {@code look_ahead} = 5).</li>
 * <li>A(f) = |FFT(x)| (values ≤ 1e-8 become 1e-8), L = log A, AL = L averaged by the trailing moving
 *     average of q = {@code magWindow} = 3 points; R = L − AL.</li>
 * <li>S = |IFFT(FFT(x)·exp(R)/A)| (the phase kept, the amplitude replaced by exp(R)).</li>
 * <li>Score = |S − S̄| / max(S̄, 1e-8), S̄ the trailing moving average of z = {@code scoreWindow} = 21
 *     points; the extension is dropped.</li>
 * </ol>
 * The reference implementation then clips score/10 to [0, 1]; that monotone clip only ties the top
 * scores, so it is left out to keep the ranking.
 *
 * <p>Fitting learns nothing (the method is unsupervised on the scored series). Time O(n log n), memory O(n).
 */
public final class SpectralResidual implements UnivariateDetector {

    /** The paper's amplitude averaging window q. */
    public static final int MAG_WINDOW_DEFAULT = 3;

    /** The paper's local-average window z for the score. */
    public static final int SCORE_WINDOW_DEFAULT = 21;

    /** The reference code's number of extension points (and look-ahead). */
    public static final int EXTENSION_DEFAULT = 5;

    static final double EPS = 1e-8;

    private final SpectralResidualParams params;

    /** A detector with the given parameters. */
    public SpectralResidual(SpectralResidualParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return SpectralResidualProvider.NAME;
    }

    @Override
    public UnivariateModel fit(double[] train, Context ctx) {
        return new UnivariateModel() {
            @Override
            public double[] score(double[] x, Context c) {
                return SpectralResidual.this.score(x);
            }

            @Override
            public Map<String, Tensor> state() {
                return Map.of();
            }
        };
    }

    /** The SR score of every step of x. */
    public double[] score(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("spectral-residual needs at least 2 steps, got " + n);
        }
        int ext = params.extension();
        int look = ext;
        double[] extended = new double[n + ext];
        System.arraycopy(x, 0, extended, 0, n);
        if (ext > 0) {
            double next = predictNext(x, n - look - 2, n);
            for (int i = 0; i < ext; i++) {
                extended[n + i] = next;
            }
        }
        double[] saliency = saliency(extended, params.magWindow());
        double[] avg = trailingMean(saliency, params.scoreWindow());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(saliency[i] - avg[i]) / Math.max(avg[i], EPS);
        }
        return out;
    }

    /** msanomalydetector's {@code predict_next(values[-look_ahead-2:-1])} over x[from, to − 1). */
    private static double predictNext(double[] x, int from, int to) {
        // values = x[from .. to-2] (the last point excluded, as the slice [-look_ahead-2:-1] does)
        int len = to - 1 - Math.max(0, from);
        int start = Math.max(0, from);
        if (len < 2) {
            return x[to - 1];
        }
        double last = x[start + len - 1];
        double slopes = 0;
        for (int i = 0; i < len - 1; i++) {
            slopes += (last - x[start + i]) / (len - 1 - i);
        }
        return x[start + 1] + slopes;
    }

    /** The spectral-residual saliency map |IFFT(FFT(x)·exp(R)/A)| (steps 2-3 of the class comment). */
    static double[] saliency(double[] x, int magWindow) {
        int n = x.length;
        double[] re = x.clone();
        double[] im = new double[n];
        Fft.transform(re, im, false);
        double[] mag = new double[n];
        double[] logMag = new double[n];
        for (int i = 0; i < n; i++) {
            mag[i] = Math.max(EPS, Math.hypot(re[i], im[i]));
            logMag[i] = Math.log(mag[i]);
        }
        double[] avg = trailingMean(logMag, magWindow);
        for (int i = 0; i < n; i++) {
            double spectral = Math.exp(logMag[i] - avg[i]);
            re[i] = re[i] * spectral / mag[i];
            im[i] = im[i] * spectral / mag[i];
        }
        Fft.transform(re, im, true);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.hypot(re[i], im[i]);
        }
        return s;
    }

    /** msanomalydetector's {@code average_filter}: the mean of the last min(i + 1, w) values. */
    static double[] trailingMean(double[] v, int w) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= w) {
                sum -= v[i - w];
            }
            out[i] = sum / Math.min(i + 1, w);
        }
        return out;
    }
}
