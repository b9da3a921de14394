package io.argus.timeseries.stream;

import java.util.Objects;

/**
 * The online z-score baseline: each channel keeps an exponentially weighted mean and variance, a step
 * scores max over channels of |x − μ|/σ computed <em>before</em> the step is learned, and the per-channel
 * |z| values are its localization.
 *
 * <p>Updates follow Finch, "Incremental calculation of weighted mean and variance" (University of
 * Cambridge, 2009), eqs. 124 and 143: with δ = x − μ, μ ← μ + α·δ and σ² ← (1 − α)(σ² + α·δ²). With α = 0
 * the mean and variance are the cumulative ones (Welford, Technometrics 1962), σ² the population
 * variance. A channel whose σ is below 10⁻⁶·(1 + |μ|) (a constant stretch) uses that floor, so a value
 * that leaves a constant stream scores very high but finite.
 *
 * <p>Time O(C) per step, memory O(C). Not thread-safe.
 */
public final class Ewma implements OnlineDetector {

    private final EwmaParams params;
    private final double[] mean;
    private final double[] var;
    private final double[] z;
    private long seen;

    /** A detector for {@code channels} values per step. */
    public Ewma(EwmaParams params, int channels) {
        this.params = Objects.requireNonNull(params, "params");
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.mean = new double[channels];
        this.var = new double[channels];
        this.z = new double[channels];
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        if (point.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " values per step, got " + point.length);
        }
        double score = 0;
        boolean scoring = seen >= params.warmup();
        for (int c = 0; c < mean.length; c++) {
            double x = point[c];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("value of channel " + c + " at step " + seen + " is " + x);
            }
            double zc = 0;
            if (scoring) {
                double sd = Math.max(Math.sqrt(var[c]), 1e-6 * (1 + Math.abs(mean[c])));
                zc = Math.abs(x - mean[c]) / sd;
            }
            z[c] = zc;
            score = Math.max(score, zc);
            update(c, x);
        }
        seen++;
        return score;
    }

    @Override
    public void learn(float[] point) {
        scoreAndUpdate(point);
    }

    private void update(int c, double x) {
        if (seen == 0) {
            mean[c] = x;
            var[c] = 0;
            return;
        }
        double delta = x - mean[c];
        if (params.alpha() == 0) {
            double n = seen + 1;
            mean[c] += delta / n;
            // Welford: M2/n kept as the population variance.
            var[c] += (delta * (x - mean[c]) - var[c]) / n;
        } else {
            double a = params.alpha();
            mean[c] += a * delta;
            var[c] = (1 - a) * (var[c] + a * delta * delta);
        }
    }

    @Override
    public double[] lastChannelScores() {
        return z;
    }

    /** Current mean of channel c (for tests and inspection). */
    double mean(int c) {
        return mean[c];
    }

    /** Current variance of channel c. */
    double variance(int c) {
        return var[c];
    }
}
