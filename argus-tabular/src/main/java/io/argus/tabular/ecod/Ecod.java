package io.argus.tabular.ecod;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Fit;
import io.argus.core.Model;
import io.argus.core.data.Table;

/**
 * ECOD: a value is anomalous in one feature when it lies in a tail of that feature's empirical
 * distribution, and a row is as anomalous as the sum of its features' tail surprises.
 *
 * <p>Li, Zhao, Hu, Botta, Ionescu, Chen, "ECOD: Unsupervised Outlier Detection Using Empirical Cumulative
 * Distribution Functions", IEEE TKDE 2022. The score follows PyOD's {@code ECOD} (the implementation
 * the ADBench figures come from) exactly: per feature j, the left-tail term U_l = −log F_l(x_j), the
 * right-tail term U_r = −log F_r(x_j) and the skewness-corrected term (U_l where the feature's skewness
 * is negative, U_r where positive, U_l + U_r where zero, e.g. a constant feature), and the row's score is
 * Σ_j max(U_l, U_r, U_skew). The paper states the maximum of the three sums over features instead of the
 * sum of per-feature maxima; PyOD's form is kept because it is what users compare against and because
 * its per-feature terms add up to the score ({@link io.argus.tabular.explain.FeatureContributions}).
 * (The newest PyOD, after its issue #655, combines ECOD's terms as COPOD does; Argus keeps the form of
 * the PyOD 1.x releases that ADBench and most published numbers used.) The empirical CDFs, the treatment
 * of new rows and of constant features are described in {@link EcdfModel}.
 *
 * <p>The score is a sum of negative log tail probabilities, higher is more anomalous: a feature adds
 * about log 2 at its median, about log n in its most extreme tail (log n in sample, log(n + 1) for a new
 * row) and 0 where it is constant. Deterministic: the seed is not used.
 *
 * <p>Time: fit O(d n log n), scoring O(m d log n) for m rows. Memory: the sorted training columns
 * (n·d floats).
 */
public final class Ecod implements Detector<Table> {

    /** A detector; ECOD has no parameters. */
    public Ecod() {
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        return EcdfModel.fit(train, EcdfModel.Rule.ECOD, ctx);
    }

    @Override
    public Fit<Table> fitScore(Table train, Context ctx) {
        return EcdfModel.fitScore(train, EcdfModel.Rule.ECOD, ctx);
    }
}
