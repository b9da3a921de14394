package io.argus.tabular.pca;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.linalg.Covariance;
import io.argus.core.linalg.Pca;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PCA outlier score exactly as PyOD's {@code PCA} (1.x) computes it: the sum over the selected principal
 * axes of the Euclidean distance between the (standardized) row and the axis's unit vector, each divided
 * by the axis's explained-variance ratio.
 *
 * <p>Shyu, Chen, Sarinnapakorn, Chang, "A Novel Anomaly Detection Scheme Based on Principal Component
 * Classifier", ICDM Foundation and New Direction of Data Mining workshop, 2003, scores a row by
 * Σⱼ yⱼ²/λⱼ over its principal-component projections yⱼ; PyOD's implementation, which ADBench and most
 * users run, computes instead {@code sum(cdist(X, components) / explained_variance_ratio)}: with z the
 * row after PyOD's {@code StandardScaler} (column mean and population standard deviation; constant
 * columns keep scale 1), vⱼ the unit axes from scikit-learn's PCA (signs by its {@code svd_flip}) and
 * rⱼ their explained-variance ratios, score(x) = Σⱼ ‖z − vⱼ‖₂ / rⱼ over the {@code nSelectedComponents}
 * axes of smallest variance. Since ‖z − vⱼ‖² = ‖z‖² − 2zᵀvⱼ + 1, a row far from the centre or far along
 * a low-variance axis (against its sign) scores high. This class implements PyOD's formula, so scores
 * match PyOD's {@code decision_function}; the sign dependence is PyOD's. Ratios are floored at d·ε
 * (scikit-learn's SVD yields ratios near 1e-32 or exactly 0 for rank-deficient data, where PyOD's scores
 * become enormous or infinite; the floor keeps them finite with the same dominant axis).
 *
 * <p>The score is a positive number without fixed scale; higher is more anomalous. Time: fit
 * O(n·d² + d³), score O(n·d·m) for m selected axes. Memory: O(d²) beyond the data's double copy.
 */
public final class PcaDetector implements Detector<Table> {

    private static final double EPS = Math.ulp(1.0);

    private final PcaParams params;

    /** A detector with the given parameters. */
    public PcaDetector(PcaParams params) {
        this.params = params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 training rows, got " + n);
        }
        double[] x = Covariance.toDoubles(train);
        double[] centre = new double[d];
        double[] scale = new double[d];
        Arrays.fill(scale, 1.0);
        if (params.standardize()) {
            standardScaler(x, n, d, centre, scale);
            standardize(x, d, centre, scale);
        }
        int max = Math.min(n, d);
        int k = params.nComponents() == 0 ? max : params.nComponents();
        if (k > max) {
            throw new IllegalArgumentException("parameter nComponents = " + k + " is too large for " + n + " training rows and " + d
                    + " columns; allowed: [0, " + max + "] (0 = all)");
        }
        int m = params.nSelectedComponents() == 0 ? k : params.nSelectedComponents();
        if (m > k) {
            throw new IllegalArgumentException("parameter nSelectedComponents = " + m + " exceeds the " + k + " fitted components; allowed: [0, "
                    + k + "]");
        }
        Pca pca = Pca.fit(x, n, d, k, ctx);
        double[] comps = pca.componentRows();
        double[] ratio = pca.explainedVarianceRatio();
        double[] selected = Arrays.copyOfRange(comps, (k - m) * d, k * d);
        double[] weights = new double[m];
        for (int j = 0; j < m; j++) {
            weights[j] = params.weighted() ? Math.max(ratio[k - m + j], d * EPS) : 1.0;
        }
        return new PcaModel(d, centre, scale, selected, weights);
    }

    /** StandardScaler's mean and scale (population std; 1 where the column is constant as scikit-learn decides). */
    private static void standardScaler(double[] x, int n, int d, double[] mean, double[] scale) {
        double[] mu = Covariance.mean(x, n, d);
        System.arraycopy(mu, 0, mean, 0, d);
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double z = x[i * d + j] - mu[j];
                var[j] += z * z;
            }
        }
        for (int j = 0; j < d; j++) {
            var[j] /= n;
            // scikit-learn's _is_constant_feature: var <= n·ε·var + (n·mean·ε)²
            double bound = n * EPS * var[j] + Math.pow(n * mu[j] * EPS, 2);
            scale[j] = var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
        }
    }

    private static void standardize(double[] x, int d, double[] centre, double[] scale) {
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            x[i] = (x[i] - centre[j]) / scale[j];
        }
    }

    /** The fitted model: the scaler, the selected axes and their weights. */
    static final class PcaModel implements Model<Table> {
        private static final int BLOCK = 4096;

        private final int d;
        private final double[] centre;
        private final double[] scale;
        private final double[] components;
        private final double[] weights;

        PcaModel(int d, double[] centre, double[] scale, double[] components, double[] weights) {
            this.d = d;
            this.centre = centre;
            this.scale = scale;
            this.components = components;
            this.weights = weights;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(d);
            int n = data.rows();
            float[] v = data.values();
            int m = weights.length;
            double[] out = new double[n];
            ctx.parallelFor(n, BLOCK, (from, to) -> {
                double[] z = new double[d];
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < d; j++) {
                        z[j] = (v[i * d + j] - centre[j]) / scale[j];
                    }
                    double s = 0;
                    for (int c = 0; c < m; c++) {
                        double sq = 0;
                        int base = c * d;
                        for (int j = 0; j < d; j++) {
                            double t = z[j] - components[base + j];
                            sq += t * t;
                        }
                        s += Math.sqrt(sq) / weights[c];
                    }
                    out[i] = s;
                }
            });
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("centre", Tensor.f64(centre));
            s.put("scale", Tensor.f64(scale));
            s.put("components", Tensor.f64(components, weights.length, d));
            s.put("weights", Tensor.f64(weights));
            return s;
        }

        static PcaModel restore(Map<String, Tensor> state) {
            long[] shape = StateTensors.shape(state, "components", 2);
            if (shape[0] < 1 || shape[1] < 1 || shape[0] > 100_000 || shape[1] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("model state tensor 'components' has an unusable shape [" + shape[0] + ", " + shape[1] + "]");
            }
            int m = (int) shape[0];
            int d = (int) shape[1];
            double[] comps = StateTensors.doubles(state, "components", m * d);
            double[] centre = StateTensors.doubles(state, "centre", d);
            double[] scale = StateTensors.doubles(state, "scale", d);
            double[] weights = StateTensors.doubles(state, "weights", m);
            for (int j = 0; j < d; j++) {
                if (!(scale[j] > 0) || !Double.isFinite(centre[j])) {
                    throw new IllegalArgumentException("model state tensor 'scale' or 'centre' holds an unusable value at column " + j);
                }
            }
            for (int c = 0; c < m; c++) {
                if (!(weights[c] > 0) || !Double.isFinite(weights[c])) {
                    throw new IllegalArgumentException("model state tensor 'weights' holds an unusable value " + weights[c] + " at " + c);
                }
            }
            return new PcaModel(d, centre, scale, comps, weights);
        }
    }
}
