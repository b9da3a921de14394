package io.argus.tabular.copod;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.tabular.ecod.EcdfModel;

/**
 * COPOD: an empirical copula of the training data gives each value its left and right tail
 * probabilities, and a row is as anomalous as the sum of its features' tail surprises.
 *
 * <p>Li, Zhao, Botta, Ionescu, Hu, "COPOD: Copula-Based Outlier Detection", IEEE ICDM 2020. The score
 * follows PyOD's {@code COPOD} exactly: per feature j, the left-tail term U_l = −log F_l(x_j) (the
 * empirical copula's marginal), the right-tail term U_r = −log F_r(x_j) and the skewness-corrected term
 * U_skew (U_l where the feature's skewness is negative, U_r where positive, U_l + U_r where zero, e.g. a
 * constant feature); the row's score is Σ_j max(U_skew, (U_l + U_r) / 2). The paper takes the maximum of
 * the left, right and skewness-corrected sums over features; PyOD sums per-feature maxima against the
 * average of the two tails, and that form is kept because it is what users compare against and because
 * its per-feature terms add up to the score ({@link io.argus.tabular.explain.FeatureContributions}). The
 * empirical CDFs, the treatment of new rows and of constant features are described in
 * {@link EcdfModel}, which COPOD shares with ECOD.
 *
 * <p>The score is a sum of negative log tail probabilities, higher is more anomalous: a feature adds
 * about log 2 at its median, about log n at the extreme of its long tail (log n in sample, log(n + 1) for
 * a new row), half that at the extreme of its short tail, and 0 where it is constant. Deterministic: the
 * seed is not used.
 *
 * <p>Time: fit O(d n log n), scoring O(m d log n) for m rows. Memory: the sorted training columns
 * (n·d floats).
 */
public final class Copod implements Detector<Table> {

    /** A detector; COPOD has no parameters. */
    public Copod() {
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        return EcdfModel.fit(train, EcdfModel.Rule.COPOD, ctx);
    }

    @Override
    public Fit<Table> fitScore(Table train, Context ctx) {
        return EcdfModel.fitScore(train, EcdfModel.Rule.COPOD, ctx);
    }
}
