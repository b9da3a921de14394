package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link CadOse}. The defaults are those of the reference implementation as the Numenta
 * Anomaly Benchmark runs it ({@code numenta/NAB}, {@code nab/detectors/context_ose/cad_ose.py}, the
 * constructor's defaults, by the method's author, M. Smirnov, from {@code github.com/smirmik/CAD}):
 * base threshold 0.75, left semi-contexts of at most 7 facts, at most 15 active neurons, 3 bits per
 * value. NAB's harness ({@code context_ose_detector.py}) sets the rest period to probationaryPeriod / 5,
 * where NAB's probationary period is min(0.15·n, 750) steps; as a stream has no known length, the
 * probationary period is the number of steps learned before scoring plus one (NAB's protocol learns
 * steps [0, P − 1)), or {@code probation} when nothing was learned, NAB's cap of 750 by default.
 *
 * @param baseThreshold score at or above which the following rest-period steps report 0
 * @param maxLeftSemiContextLength longest matched left side from which a new context is formed
 * @param maxActiveNeurons active contexts (by activation count) fed back as facts of the next step
 * @param valueBits bits of the quantised value (2^bits − 1 is the top level)
 * @param probation probationary period when nothing is learned before scoring; cap of the learned one
 */
public record CadOseParams(
        @Param(doc = "score at or above which the next probation/5 steps report 0 (and the label-free alert level)", min = 0, max = 1)
        double baseThreshold,
        @Param(doc = "longest matched left side from which a new context is formed", min = 1, max = 1000) int maxLeftSemiContextLength,
        @Param(doc = "active contexts fed back as facts of the next step", min = 1, max = 100_000) int maxActiveNeurons,
        @Param(doc = "bits of the quantised value (2^bits - 1 levels above the minimum)", min = 1, max = 16) int valueBits,
        @Param(doc = "probationary period (rest period = probation/5) when nothing is learned first; cap of the learned one", min = 1,
                max = 1 << 20) int probation) {

    /** CAD OSE's {@code baseThreshold}. */
    public static final double BASE_THRESHOLD_DEFAULT = 0.75;

    /** CAD OSE's {@code maxLeftSemiContextsLenght}. */
    public static final int MAX_LEFT_SEMI_CONTEXT_LENGTH_DEFAULT = 7;

    /** CAD OSE's {@code maxActiveNeuronsNum}. */
    public static final int MAX_ACTIVE_NEURONS_DEFAULT = 15;

    /** CAD OSE's {@code numNormValueBits}. */
    public static final int VALUE_BITS_DEFAULT = 3;

    /** NAB's cap on the probationary period, 0.15·5000. */
    public static final int PROBATION_DEFAULT = 750;

    /** The defaults. */
    public static final CadOseParams DEFAULTS = new CadOseParams(BASE_THRESHOLD_DEFAULT, MAX_LEFT_SEMI_CONTEXT_LENGTH_DEFAULT,
            MAX_ACTIVE_NEURONS_DEFAULT, VALUE_BITS_DEFAULT, PROBATION_DEFAULT);

    public CadOseParams {
        Params.checkRange("baseThreshold", baseThreshold, 0, 1);
        Params.checkRange("maxLeftSemiContextLength", maxLeftSemiContextLength, 1, 1000);
        Params.checkRange("maxActiveNeurons", maxActiveNeurons, 1, 100_000);
        Params.checkRange("valueBits", valueBits, 1, 16);
        Params.checkRange("probation", probation, 1, 1 << 20);
    }
}
