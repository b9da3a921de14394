package io.argus.timeseries.stream;

import java.util.Objects;

/**
 * Any online detector with a SPOT/DSPOT alarm threshold on its score: the first {@code calibration}
 * scores calibrate {@link Spot} (and score 0), after which a step scores 1 when its underlying score is
 * an alarm (above z_q) and 0 otherwise. The threshold adapts to the score stream alone, never to labels.
 * {@link #lastScore()} and {@link #threshold()} give the underlying score and the current z_q.
 *
 * <p>Time and memory: the detector's plus {@link Spot}'s (the calibration buffer until it is used).
 * Not thread-safe.
 */
public final class SpotFilter implements OnlineDetector {

    private final OnlineDetector inner;
    private final Spot spot;
    private double[] buffer;
    private int filled;
    private double lastScore;

    /**
     * @param inner the detector whose scores are thresholded
     * @param params SPOT's (depth 0) or DSPOT's parameters
     * @param calibration scores used to calibrate before alarms start (at least depth + 10)
     */
    public SpotFilter(OnlineDetector inner, SpotParams params, int calibration) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.spot = new Spot(params);
        if (calibration < params.depth() + 10) {
            throw new IllegalArgumentException("calibration = " + calibration + " must be >= depth + 10 = " + (params.depth() + 10));
        }
        this.buffer = new double[calibration];
    }

    @Override
    public double scoreAndUpdate(float[] point) {
        lastScore = inner.scoreAndUpdate(point);
        if (buffer != null) {
            buffer[filled++] = lastScore;
            if (filled == buffer.length) {
                spot.initialize(buffer);
                buffer = null;
            }
            return 0;
        }
        return spot.step(lastScore) ? 1 : 0;
    }

    @Override
    public void learn(float[] point) {
        inner.learn(point);
    }

    /** The underlying detector's score of the last step. */
    public double lastScore() {
        return lastScore;
    }

    /** The current alarm threshold on the underlying score, NaN while calibrating. */
    public double threshold() {
        return buffer != null ? Double.NaN : spot.threshold();
    }
}
