package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Spot}. Defaults are the authors' reference code's ({@code Amossys-team/SPOT},
 * {@code spot.py}: {@code SPOT(q=1e-4)}, {@code initialize(level=0.98)}; the paper, Siffer et al. KDD
 * 2017 §4, sets the initial threshold at the 98% quantile); DSPOT's depth 10 is the reference code's
 * example. {@code maxPeaks} bounds memory: the GPD is refitted on the most recent peaks only (the paper
 * keeps them all).
 *
 * @param q risk: the probability of a normal value exceeding the alarm threshold z_q
 * @param level quantile of the calibration data used as the initial threshold t
 * @param depth DSPOT's moving-average depth d (values are taken relative to the mean of the last d
 *        normal values); 0 = plain SPOT
 * @param maxPeaks peaks kept for the GPD fit (most recent first)
 */
public record SpotParams(
        @Param(doc = "risk q: probability that a normal value exceeds the alarm threshold", min = 1e-12, max = 0.5) double q,
        @Param(doc = "quantile of the calibration data giving the initial threshold t", min = 0.5, max = 0.9999) double level,
        @Param(doc = "DSPOT moving-average depth d (0 = SPOT)", min = 0, max = 1 << 20) int depth,
        @Param(doc = "peaks kept for the GPD fit (bounded memory)", min = 10, max = 1 << 24) int maxPeaks) {

    /** The reference code's risk. */
    public static final double Q_DEFAULT = 1e-4;

    /** The paper's initial-threshold quantile. */
    public static final double LEVEL_DEFAULT = 0.98;

    /** The reference code's DSPOT depth. */
    public static final int DSPOT_DEPTH_DEFAULT = 10;

    /** Peaks kept. */
    public static final int MAX_PEAKS_DEFAULT = 1000;

    /** SPOT with the defaults. */
    public static final SpotParams SPOT = new SpotParams(Q_DEFAULT, LEVEL_DEFAULT, 0, MAX_PEAKS_DEFAULT);

    /** DSPOT with the defaults. */
    public static final SpotParams DSPOT = new SpotParams(Q_DEFAULT, LEVEL_DEFAULT, DSPOT_DEPTH_DEFAULT, MAX_PEAKS_DEFAULT);

    public SpotParams {
        Params.checkRange("q", q, 1e-12, 0.5);
        Params.checkRange("level", level, 0.5, 0.9999);
        Params.checkRange("depth", depth, 0, 1 << 20);
        Params.checkRange("maxPeaks", maxPeaks, 10, 1 << 24);
    }
}
