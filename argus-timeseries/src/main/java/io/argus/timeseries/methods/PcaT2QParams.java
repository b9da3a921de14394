package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link PcaT2Q}.
 *
 * <p>The defaults are the textbook chart: limits at the customary 1% level, Jackson and Mudholkar's Q
 * limit, no smoothing. {@link #SKAB} is the configuration of SKAB's "T-squared+Q (PCA-based)" leaderboard
 * row, fixed by SKAB's code (github.com/waico/SKAB: {@code core/t2.py} {@code T2(scaling=True,
 * using_pca=True)} with its defaults {@code explained_variance=0.85}, {@code p_value=0.999}, and the
 * notebook's {@code predict(X_test, window_size=5)}).
 *
 * @param varianceKept share of the training variance the kept components must reach
 * @param alpha significance level of the T² and Q control limits (SKAB's {@code p_value} is 1 − alpha)
 * @param smooth window of the trailing rolling median applied to T² and to Q before the limits (1 = none)
 * @param qlimit which formula gives the Q limit
 */
public record PcaT2QParams(
        @Param(doc = "share of the training variance the kept principal components must reach", min = 0.01, max = 1) double varianceKept,
        @Param(doc = "significance level of the T² and Q control limits (SKAB: 0.001)", min = 1e-9, max = 0.5) double alpha,
        @Param(doc = "trailing rolling-median window applied to T² and Q before the limits; the first smooth-1 steps are not flagged (SKAB: 5)",
                min = 1, max = 100_000) int smooth,
        @Param(doc = "Q limit: textbook (Jackson-Mudholkar, theta_i = sum of residual eigenvalues^i) or skab (SKAB's t2.py, theta_i = (sum of residual eigenvalues)^i)")
        QLimit qlimit) {

    /** The formula of the Q (squared prediction error) control limit. */
    public enum QLimit {
        /**
         * Jackson and Mudholkar (1979): θ_i = Σ_{j&gt;k} λ_j^i over the discarded eigenvalues λ_j of the
         * training covariance.
         */
        TEXTBOOK,
        /**
         * SKAB's {@code core/t2.py} ({@code _q_ucl}): θ_i = (Σ_{j&gt;k} λ_j)^i, the i-th power of the sum of
         * the discarded eigenvalues, so that h₀ = 1 − 2θ₁θ₃/(3θ₂²) = 1/3 whatever the data, and
         * UCL_Q = θ₁(1 + c_α h₀√(2θ₂)/θ₁ + θ₂h₀(h₀−1)/θ₁²)^{1/h₀}.
         *
         * <p>The discarded eigenvalues here are the C − k smallest. SKAB's code takes them as
         * {@code np.linalg.eig(cov)[0][k:]}, in the order LAPACK's general eigensolver returns them, which
         * is not sorted (on all 34 SKAB files), so its S is usually about twice the sum of the smallest
         * ones and its Q limit as much wider; {@code argus-bench/scripts/skab-t2q-eig-order.py} shows that
         * this order, not the rule, is what separates this configuration's SKAB figures (F1 0.755,
         * FAR 31.99 %, MAR 22.65 %) from the published ones (0.76, 26.62 %, 24.92 %). An order that depends
         * on a solver's internals is not reproduced.
         */
        SKAB
    }

    /**
     * Share of variance kept: 0.85, the default {@code explained_variance} of SKAB's {@code core/t2.py}
     * (Katser's ControlCharts), checked in that file.
     */
    public static final double VARIANCE_KEPT_DEFAULT = 0.85;

    /** The customary 1% level of the control limits (textbook charts). */
    public static final double ALPHA_DEFAULT = 0.01;

    /** No smoothing: each step is judged on its own statistics (the textbook chart). */
    public static final int SMOOTH_DEFAULT = 1;

    /** SKAB's level: {@code p_value=0.999}, the default of {@code core/t2.py}, so alpha = 0.001. */
    public static final double SKAB_ALPHA = 0.001;

    /** SKAB's smoothing: the T²+Q notebook calls {@code predict(X_test, window_size=5)}. */
    public static final int SKAB_SMOOTH = 5;

    /** The defaults: the textbook chart. */
    public static final PcaT2QParams DEFAULTS = new PcaT2QParams(VARIANCE_KEPT_DEFAULT, ALPHA_DEFAULT, SMOOTH_DEFAULT, QLimit.TEXTBOOK);

    /**
     * SKAB's leaderboard configuration ({@code pca-t2q[alpha=0.001;smooth=5;qlimit=skab]}): 85% of the
     * variance, level 0.001, rolling median of 5 steps, SKAB's Q limit.
     */
    public static final PcaT2QParams SKAB = new PcaT2QParams(VARIANCE_KEPT_DEFAULT, SKAB_ALPHA, SKAB_SMOOTH, QLimit.SKAB);

    /** The textbook chart with the given share of variance and level. */
    public PcaT2QParams(double varianceKept, double alpha) {
        this(varianceKept, alpha, SMOOTH_DEFAULT, QLimit.TEXTBOOK);
    }

    public PcaT2QParams {
        Params.checkRange("varianceKept", varianceKept, 0.01, 1);
        Params.checkRange("alpha", alpha, 1e-9, 0.5);
        Params.checkRange("smooth", smooth, 1, 100_000);
        if (qlimit == null) {
            throw new IllegalArgumentException("parameter qlimit must be textbook or skab");
        }
    }
}
