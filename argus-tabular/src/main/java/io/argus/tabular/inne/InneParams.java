package io.argus.tabular.inne;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Inne}; defaults are the paper's and PyOD's ({@code n_estimators=200},
 * {@code max_samples="auto"} = min(8, n)).
 *
 * @param estimators ensemble size t: the number of samples, each a set of hyperspheres
 * @param maxSamples sample size ψ; min(ψ, n) is used
 */
public record InneParams(
        @Param(doc = "ensemble size: number of random samples, each a set of hyperspheres", min = 1, max = 100_000) int estimators,
        @Param(doc = "rows per sample (hypersphere centres); min(maxSamples, n) is used", min = 2, max = 1 << 20) int maxSamples) {

    /** The paper's and PyOD's ensemble size t. */
    public static final int ESTIMATORS_DEFAULT = 200;

    /** The paper's and PyOD's sample size ψ. */
    public static final int MAX_SAMPLES_DEFAULT = 8;

    /** 200 samples of 8 rows. */
    public static final InneParams DEFAULTS = new InneParams(ESTIMATORS_DEFAULT, MAX_SAMPLES_DEFAULT);

    public InneParams {
        Params.checkRange("estimators", estimators, 1, 100_000);
        Params.checkRange("maxSamples", maxSamples, 2, 1 << 20);
    }
}
