package io.argus.timeseries.stream;

import java.util.Objects;

/**
 * Streaming Hotelling T²: a step scores (x − μ)ᵀ(Σ + εI)⁻¹(x − μ) against the running mean μ and
 * covariance Σ of the steps before it, then is learned. The channel-dependent baseline among the online
 * detectors: a step whose channels are each typical but break their joint structure (a flipped
 * correlation) scores high, which no per-channel score can see. Hotelling, "Multivariate Quality
 * Control", in Techniques of Statistical Analysis, McGraw-Hill 1947 (the T² statistic); the running
 * covariance is Welford's update generalised to vectors (α = 0) or the exponentially weighted one of
 * Finch 2009, eqs. 124 and 143, per entry (α &gt; 0). ε = ridge × mean diagonal of Σ.
 *
 * <p>With {@code window} w &gt; 1 the score is the mean T² of the last w steps (the moving-window chart).
 *
 * <p>Time O(C³) per step (a Cholesky solve; C²·C/3 multiply-adds), memory O(C²). Not thread-safe.
 */
public final class Hotelling implements OnlineDetector {

    private final HotellingParams params;
    private final int c;
    private final double[] mean;
    private final double[] cov; // population covariance, row-major
    private final double[] l;
    private final double[] d;
    private final double[] y;
    private long seen;
    private final double[] recent;
    private double recentSum;
    private int recentHead;
    private int recentCount;

    /** A detector for {@code channels} values per step. */
    public Hotelling(HotellingParams params, int channels) {
        this.params = Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.c = channels;
        this.mean = new double[c];
        this.cov = new double[c * c];
        this.l = new double[c * c];
        this.d = new double[c];
        this.y = new double[c];
        this.recent = new double[params.window()];
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        Points.requireChannels(point, c);
        Points.requireFinite(point);
        double score = 0;
        for (int i = 0; i < c; i++) {
            d[i] = point[i] - mean[i];
        }
        if (seen >= Math.max(params.warmup(), 2L * c + 1)) {
            score = t2();
        }
        update(point);
        seen++;
        if (recent.length == 1) {
            return score;
        }
        // moving average of T² over the last `window` scored steps (recomputed sum every wrap against drift)
        if (recentCount == recent.length) {
            recentSum -= recent[recentHead];
        } else {
            recentCount++;
        }
        recent[recentHead] = score;
        recentSum += score;
        recentHead = (recentHead + 1) % recent.length;
        if (recentHead == 0) {
            recentSum = 0;
            for (int i = 0; i < recentCount; i++) {
                recentSum += recent[i];
            }
        }
        return recentSum / recentCount;
    }

    /** dᵀ(Σ + εI)⁻¹d by Cholesky; a non-positive pivot (impossible with ε &gt; 0 unless Σ is 0) gives 0. */
    private double t2() {
        double trace = 0;
        for (int i = 0; i < c; i++) {
            trace += cov[i * c + i];
        }
        double eps = params.ridge() * trace / c;
        if (!(trace > 0)) {
            // every channel constant so far: any change is infinitely surprising; report it finitely
            double s = 0;
            for (int i = 0; i < c; i++) {
                s += d[i] * d[i];
            }
            return s == 0 ? 0 : 1e12 * s;
        }
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i * c + j] + (i == j ? eps : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i * c + k] * l[j * c + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return 0;
                    }
                    l[i * c + i] = Math.sqrt(s);
                } else {
                    l[i * c + j] = s / l[j * c + j];
                }
            }
        }
        double t2 = 0;
        for (int i = 0; i < c; i++) {
            double s = d[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * c + k] * y[k];
            }
            y[i] = s / l[i * c + i];
            t2 += y[i] * y[i];
        }
        return t2;
    }

    private void update(float[] x) {
        if (seen == 0) {
            for (int i = 0; i < c; i++) {
                mean[i] = x[i];
            }
            return;
        }
        double a = params.alpha() == 0 ? 1.0 / (seen + 1) : params.alpha();
        // d = x − μ_old; μ_new = μ_old + a·d; Σ_new = (1 − a)(Σ_old + a·d dᵀ) (Welford when a = 1/n).
        for (int i = 0; i < c; i++) {
            mean[i] += a * d[i];
        }
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                cov[i * c + j] = (1 - a) * (cov[i * c + j] + a * d[i] * d[j]);
            }
        }
    }
}
