package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Mset}. The defaults are SKAB's MSET pipeline (github.com/waico/SKAB,
 * {@code notebooks/MSET.ipynb}: {@code movmean(err / norm(Y_pred), window=60)} flagged when
 * {@code > UCL} with {@code UCL = 0.01}); the memory cap is Argus's own guard, above SKAB's 400 training
 * rows so that SKAB's runs are unaffected.
 *
 * @param window centred moving-mean window of the relative error
 * @param limit alarm limit of the smoothed relative error
 * @param maxStates most training states kept in the memory matrix
 */
public record MsetParams(
        @Param(doc = "centred moving-mean window of the relative estimation error (SKAB: 60)", min = 1, max = 100_000) int window,
        @Param(doc = "alarm limit of the smoothed relative error ||x - estimate|| / ||estimate|| (SKAB: 0.01)", min = 1e-12, max = 1e12)
        double limit,
        @Param(doc = "most training states in the memory matrix; a longer training part is subsampled evenly (the fit is cubic in it)",
                min = 1, max = 20_000) int maxStates) {

    /** SKAB's smoothing window: {@code movmean(..., window=60)} in {@code notebooks/MSET.ipynb}. */
    public static final int WINDOW_DEFAULT = 60;

    /** SKAB's alarm limit: {@code UCL = 0.01} in {@code notebooks/MSET.ipynb}. */
    public static final double LIMIT_DEFAULT = 0.01;

    /**
     * At most 2,000 states: a 2,000 × 2,000 similarity matrix (32 MB, an LU factorisation of about 5·10⁹
     * flops). SKAB trains on 400 rows, well below.
     */
    public static final int MAX_STATES_DEFAULT = 2_000;

    /** SKAB's settings. */
    public static final MsetParams DEFAULTS = new MsetParams(WINDOW_DEFAULT, LIMIT_DEFAULT, MAX_STATES_DEFAULT);

    public MsetParams {
        Params.checkRange("window", window, 1, 100_000);
        Params.checkRange("limit", limit, 1e-12, 1e12);
        Params.checkRange("maxStates", maxStates, 1, 20_000);
    }
}
