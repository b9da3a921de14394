package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link KnnCad}; defaults are those of the KNN-CAD entry of the Numenta Anomaly Benchmark
 * ({@code numenta/NAB}, {@code nab/detectors/knncad/knncad_detector.py}, by the paper's authors): k = 27
 * neighbours, windows of 19 steps, an alert when the conformal score reaches 0.9965, after which
 * probation/5 steps are suppressed. NAB's probationary period is min(0.15·n, 750) steps; as a stream
 * has no known length, the default is NAB's cap, 750, used when the detector learns nothing before it
 * starts scoring (with {@link OnlineDetector#learn} the learned steps are the probationary period).
 *
 * @param k nearest neighbours summed in the non-conformity measure
 * @param window steps per window (the paper's dimension of the lagged vectors)
 * @param alertThreshold conformal score at which an alert is raised and the following steps suppressed
 * @param probation steps of the training (reference) phase when nothing is learned first; also the cap
 *        on the reference set's size in windows
 */
public record KnnCadParams(
        @Param(doc = "nearest neighbours summed in the non-conformity measure", min = 1, max = 10_000) int k,
        @Param(doc = "steps per lagged window", min = 1, max = 1000) int window,
        @Param(doc = "conformal score at which an alert is raised (following steps suppressed)", min = 0, max = 1) double alertThreshold,
        @Param(doc = "training steps when nothing is learned first; cap of the reference set in windows", min = 2, max = 1 << 20) int probation) {

    /** NAB's KNN-CAD k. */
    public static final int K_DEFAULT = 27;

    /** NAB's KNN-CAD window (its {@code dim}). */
    public static final int WINDOW_DEFAULT = 19;

    /** NAB's KNN-CAD alert level. */
    public static final double ALERT_THRESHOLD_DEFAULT = 0.9965;

    /** NAB's cap on the probationary period, 0.15·5000. */
    public static final int PROBATION_DEFAULT = 750;

    /** The defaults. */
    public static final KnnCadParams DEFAULTS = new KnnCadParams(K_DEFAULT, WINDOW_DEFAULT, ALERT_THRESHOLD_DEFAULT, PROBATION_DEFAULT);

    public KnnCadParams {
        Params.checkRange("k", k, 1, 10_000);
        Params.checkRange("window", window, 1, 1000);
        Params.checkRange("alertThreshold", alertThreshold, 0, 1);
        Params.checkRange("probation", probation, 2, 1 << 20);
    }
}
