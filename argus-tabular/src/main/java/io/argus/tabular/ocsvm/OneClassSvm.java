package io.argus.tabular.ocsvm;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.vector.VectorKernels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_print_interface;
import libsvm.svm_problem;

/**
 * One-Class SVM with an RBF kernel: the smallest region of feature space, in the kernel's sense, that
 * holds all but a share nu of the training rows; rows far outside it are anomalous.
 *
 * <p>Schölkopf, Platt, Shawe-Taylor, Smola, Williamson, "Estimating the Support of a High-Dimensional
 * Distribution", Neural Computation 13(7), 2001. The dual problem min ½ Σ αᵢαⱼ K(xᵢ, xⱼ) subject to
 * 0 ≤ αᵢ ≤ 1, Σ αᵢ = nu·n is solved by libsvm's SMO solver (Chang and Lin, libsvm 3.35, the same solver
 * scikit-learn wraps) with K(x, y) = exp(−gamma ‖x − y‖²). The decision function is
 * f(x) = Σᵢ αᵢ K(svᵢ, x) − ρ, positive inside the support. The score is −f(x) = ρ − Σᵢ αᵢ K(svᵢ, x):
 * higher is more anomalous, and above 0 means outside the estimated support (about a share nu of the
 * training rows lie there). With the same parameters it equals −{@code OneClassSVM.decision_function}
 * of scikit-learn up to the solver's floating-point rounding.
 *
 * <p>Large tables: the solver needs O(n²)–O(n³) time, so it trains on at most
 * {@link OneClassSvmParams#maxTrainRows()} rows drawn uniformly without replacement from
 * {@code ctx.random(0)} (all rows when there are fewer; 10,000 by default, which keeps every ADBench file
 * under 10,000 rows identical to scikit-learn and lets the 619k rows of donors complete in minutes, see
 * {@link OneClassSvmParams#MAX_TRAIN_ROWS_DEFAULT}). gamma = 'scale' is computed on the rows the solver
 * sees. Below the cap the result does not depend on the seed.
 *
 * <p>Time: fit O(iterations · m · d) with m = min(n, maxTrainRows) rows and up to 200 MB of kernel cache;
 * score O(n · s · d) for s support vectors (s ≥ nu·m). Memory: O(m · d) while fitting, O(s · d) for the model.
 */
public final class OneClassSvm implements Detector<Table> {

    /** libsvm's kernel cache, in MB (scikit-learn's default). */
    static final double CACHE_MB = 200;

    /** libsvm reports progress on stdout unless told otherwise; a library must not print. */
    private static final svm_print_interface QUIET = s -> { };

    private final OneClassSvmParams params;

    /** A detector with the given parameters. */
    public OneClassSvm(OneClassSvmParams params) {
        this.params = params;
    }

    /** The parameters. */
    public OneClassSvmParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        if (n < 1) {
            throw new IllegalArgumentException("one-class SVM needs at least 1 training row, got " + n);
        }
        int d = train.cols();
        int[] rows = n <= params.maxTrainRows() ? identity(n) : sample(n, params.maxTrainRows(), ctx.random(0));
        int m = rows.length;
        float[] v = train.values();
        double gamma = params.gamma() > 0 ? params.gamma() : scaleGamma(v, rows, d);

        svm_problem prob = new svm_problem();
        prob.l = m;
        prob.y = new double[m];
        Arrays.fill(prob.y, 1);
        prob.x = new svm_node[m][];
        for (int r = 0; r < m; r++) {
            prob.x[r] = nodes(v, rows[r] * d, d);
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.ONE_CLASS;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.nu = params.nu();
        p.eps = params.tol();
        p.cache_size = CACHE_MB;
        p.shrinking = 1;
        p.probability = 0;
        p.C = 1;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        String problem = svm.svm_check_parameter(prob, p);
        if (problem != null) {
            throw new IllegalArgumentException("libsvm rejects the parameters: " + problem);
        }
        ctx.progress().start("one-class SVM: solving on " + m + " rows", -1);
        // The print hook is libsvm's only static state that one-class training touches; it is set to the
        // same silent instance before every fit, so concurrent fits cannot make it print.
        svm.svm_set_print_string_function(QUIET);
        svm_model model = svm.svm_train(prob, p);
        ctx.progress().done();
        ctx.checkCancelled();

        int s = model.l;
        float[] sv = new float[s * d];
        double[] coef = new double[s];
        for (int i = 0; i < s; i++) {
            int row = rows[model.sv_indices[i] - 1]; // libsvm's indices are 1-based into the problem
            System.arraycopy(v, row * d, sv, i * d, d);
            coef[i] = model.sv_coef[0][i];
        }
        return new SvmModel(sv, coef, model.rho[0], gamma, d);
    }

    /** scikit-learn's gamma = 'scale': 1 / (d · Var(X)) over every value, or 1 when the values are constant. */
    static double scaleGamma(float[] v, int[] rows, int d) {
        double sum = 0;
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                sum += v[r * d + j];
            }
        }
        double count = (double) rows.length * d;
        double mean = sum / count;
        double ss = 0;
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double diff = v[r * d + j] - mean;
                ss += diff * diff;
            }
        }
        double var = ss / count;
        return var != 0 ? 1.0 / (d * var) : 1.0;
    }

    /** One row as libsvm's sparse nodes; zeros are left out, which changes no sum. */
    private static svm_node[] nodes(float[] v, int off, int d) {
        int nz = 0;
        for (int j = 0; j < d; j++) {
            if (v[off + j] != 0) {
                nz++;
            }
        }
        svm_node[] out = new svm_node[nz];
        int k = 0;
        for (int j = 0; j < d; j++) {
            if (v[off + j] != 0) {
                svm_node node = new svm_node();
                node.index = j + 1;
                node.value = v[off + j];
                out[k++] = node;
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** m distinct rows drawn uniformly without replacement (partial Fisher–Yates), in increasing order. */
    static int[] sample(int n, int m, SplittableRandom rnd) {
        int[] out = new int[m];
        Map<Integer, Integer> swapped = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int vj = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            out[i] = vj;
        }
        Arrays.sort(out);
        return out;
    }

    /** A fitted one-class SVM: support vectors, their coefficients α, the offset ρ and the kernel width. */
    static final class SvmModel implements Model<Table> {
        private static final int BLOCK = 256;

        private final float[] sv;
        private final double[] svT;
        private final double[] coef;
        private final double rho;
        private final double gamma;
        private final int cols;

        SvmModel(float[] sv, double[] coef, double rho, double gamma, int cols) {
            this.sv = sv;
            this.coef = coef;
            this.rho = rho;
            this.gamma = gamma;
            this.cols = cols;
            int s = coef.length;
            // dimension-major copy for the vectorised kernel expansion (one lane per support vector)
            this.svT = new double[s * cols];
            for (int t = 0; t < s; t++) {
                for (int j = 0; j < cols; j++) {
                    svT[j * s + t] = sv[t * cols + j];
                }
            }
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(cols);
            int n = data.rows();
            int d = cols;
            int s = coef.length;
            float[] v = data.values();
            double[] out = new double[n];
            ctx.progress().start("one-class SVM: scoring", n);
            double negGamma = -gamma;
            ctx.parallelFor(n, BLOCK, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = rho - VectorKernels.rbfWeightedSum(v, i * d, d, svT, s, coef, negGamma);
                }
                ctx.progress().advance(to - from);
            });
            ctx.progress().done();
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> st = new LinkedHashMap<>();
            st.put("support_vectors", Tensor.f32(sv, coef.length, cols));
            st.put("coef", Tensor.f64(coef));
            st.put("rho", Tensor.f64(new double[] {rho}));
            st.put("gamma", Tensor.f64(new double[] {gamma}));
            st.put("cols", Tensor.i32(new int[] {cols}));
            return st;
        }

        /** Rebuilds a model from {@link #state()}, checking every shape. */
        static SvmModel restore(Map<String, Tensor> st) {
            int cols = StateTensors.ints(st, "cols", 1)[0];
            if (cols < 1) {
                throw new IllegalArgumentException("tensor 'cols' is " + cols + "; expected >= 1");
            }
            double[] coef = StateTensors.doubles(st, "coef");
            long[] shape = StateTensors.shape(st, "support_vectors", 2);
            if (shape[0] != coef.length || shape[1] != cols) {
                throw new IllegalArgumentException("tensor 'support_vectors' has shape " + Arrays.toString(shape) + "; expected ["
                        + coef.length + ", " + cols + "]");
            }
            float[] sv = StateTensors.floats(st, "support_vectors");
            double rho = StateTensors.doubles(st, "rho", 1)[0];
            double gamma = StateTensors.doubles(st, "gamma", 1)[0];
            if (!(gamma > 0) || !Double.isFinite(gamma) || !Double.isFinite(rho)) {
                throw new IllegalArgumentException("tensors 'gamma' = " + gamma + " and 'rho' = " + rho + " must be finite, gamma > 0");
            }
            return new SvmModel(sv, coef, rho, gamma, cols);
        }
    }
}
