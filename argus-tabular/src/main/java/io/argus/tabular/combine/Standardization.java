package io.argus.tabular.combine;

/**
 * How one detector's scores are put on a common scale before they are combined: the location and scale
 * are fitted on that detector's <em>training</em> scores and then applied, unchanged, to every score it
 * gives (training or new rows), as PyOD's {@code pyod.utils.utility.standardizer(X_train, X_test)}
 * does with a scikit-learn {@code StandardScaler} fitted on the training scores.
 *
 * <p>Scores of different detectors live on unrelated scales (a path length, a distance, a sum of
 * log-probabilities); without this step the detector with the widest range would decide every
 * combination alone (Aggarwal and Sathe, "Theoretical foundations and algorithms for outlier
 * ensembles", SIGKDD Explorations 17(1), 2015, §5: "normalization").
 */
public enum Standardization {

    /**
     * z = (s − mean) / sd with the training scores' mean and population standard deviation (ddof = 0),
     * exactly PyOD's {@code standardizer}; a detector whose training scores are all equal gets scale 1, as
     * scikit-learn's {@code StandardScaler} gives it.
     */
    ZSCORE,

    /**
     * z = (s − median) / (IQR / 1.349), the interquartile range scaled to equal the standard deviation of
     * a normal distribution (Aggarwal and Sathe §5 recommend a robust normalisation because the
     * outliers themselves inflate the training scores' mean and standard deviation). Quantiles are
     * interpolated linearly (numpy's default). When the IQR is 0 (half the scores or more tied at the
     * median, so that the MAD is 0 too) the scale falls back to the standard deviation, then to 1.
     */
    ROBUST
}
