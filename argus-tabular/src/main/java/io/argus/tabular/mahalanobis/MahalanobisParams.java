package io.argus.tabular.mahalanobis;

/**
 * Parameters of {@link LedoitWolfMahalanobis}: none, since the Ledoit–Wolf shrinkage is estimated
 * from the data (scikit-learn's {@code LedoitWolf()} has no tuning parameter either).
 */
public record MahalanobisParams() {

    /** The only configuration. */
    public static final MahalanobisParams DEFAULTS = new MahalanobisParams();
}
