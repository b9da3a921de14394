package io.argus.timeseries.stream;

import io.argus.core.StreamingModel;

/**
 * A streaming detector over the steps of a series: each point is one step's values (one float per
 * channel). It scores a point against what it saw before, then learns from it
 * ({@link #scoreAndUpdate}), in memory bounded by its parameters, never by the stream's length.
 *
 * <p>Implementations are not thread-safe: one stream, one thread.
 */
public interface OnlineDetector extends StreamingModel<float[]> {

    /**
     * Learns from a point that is known training data, without scoring it. Methods with a calibration
     * phase (KNN-CAD) use the learned points as their reference set; the default scores and discards.
     */
    default void learn(float[] point) {
        scoreAndUpdate(point);
    }

    /**
     * The per-channel scores of the last point scored by {@link #scoreAndUpdate}, when the method
     * scores channels separately (higher = more anomalous); null otherwise. The array may be reused.
     */
    default double[] lastChannelScores() {
        return null;
    }
}
