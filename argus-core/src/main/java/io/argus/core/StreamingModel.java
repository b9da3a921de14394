package io.argus.core;

/**
 * A model that scores a stream point by point and then learns from the point (score-then-learn), in
 * bounded memory. Implementations document whether updates are thread-safe; most are not.
 *
 * @param <P> one point of the stream (a float[] row, a log line, an event)
 */
public interface StreamingModel<P> {

    /** Scores {@code point} against what was seen before it, then learns from it. Higher = more anomalous. */
    double scoreAndUpdate(P point);
}
