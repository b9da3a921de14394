package io.argus.tabular.hbos;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link Hbos}; the defaults are PyOD's {@code HBOS(n_bins=10, alpha=0.1, tol=0.5)} with
 * static bins.
 *
 * @param nBins bins per feature (dynamic binning can end with fewer where values tie)
 * @param alpha added to every bin density before the logarithm, so an empty bin scores finitely
 * @param tol how far outside the training range, in widths of the outermost bin, a value still counts as
 *        in that bin; farther values get the feature's largest term
 * @param binning equal-width bins (static, PyOD) or equal-frequency bins (dynamic, the paper's second mode)
 */
public record HbosParams(
        @Param(doc = "bins per feature", min = 1, max = 1_000_000) int nBins,
        @Param(doc = "regulariser added to each bin density before the log", min = 1e-9, max = 1) double alpha,
        @Param(doc = "values within tol bin widths outside the training range count as in the outermost bin", min = 0, max = 1) double tol,
        @Param(doc = "static: equal-width bins (PyOD); dynamic: equal-frequency bins (Goldstein and Dengel)") Binning binning) {

    /** How each feature's range is cut into bins. */
    public enum Binning {
        /** Equal-width bins over [min, max], as {@code numpy.histogram(x, bins=nBins)} and PyOD's HBOS. */
        STATIC,
        /** Equal-frequency bins: about n / nBins training values each, tied values kept in one bin (the paper's dynamic bin width). */
        DYNAMIC
    }

    /** PyOD's default number of bins. */
    public static final int N_BINS_DEFAULT = 10;

    /** PyOD's default regulariser. */
    public static final double ALPHA_DEFAULT = 0.1;

    /** PyOD's default tolerance. */
    public static final double TOL_DEFAULT = 0.5;

    /** PyOD's defaults: 10 static bins, alpha 0.1, tol 0.5. */
    public static final HbosParams DEFAULTS = new HbosParams(N_BINS_DEFAULT, ALPHA_DEFAULT, TOL_DEFAULT, Binning.STATIC);

    public HbosParams {
        Params.checkRange("nBins", nBins, 1, 1_000_000);
        Params.checkRange("alpha", alpha, 1e-9, 1);
        Params.checkRange("tol", tol, 0, 1);
        if (binning == null) {
            throw new IllegalArgumentException("parameter binning must be static or dynamic");
        }
    }
}
