package io.argus.tabular.inne;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Sampling;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.vector.VectorKernels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * INNE (isolation using nearest-neighbour ensembles): isolation by hyperspheres around a few random
 * training rows, so that local density differences show without a neighbour search over the data.
 *
 * <p>Bandaragoda, Ting, Albrecht, Liu, Zhu, Wells, "Isolation-based anomaly detection using
 * nearest-neighbor ensembles", Computational Intelligence 34(4), 2018. Each of t samples S holds ψ
 * training rows drawn without replacement; every centre c ∈ S owns the hypersphere B(c) whose radius
 * τ(c) is the distance from c to its nearest neighbour η_c in S. A point x is judged by the smallest
 * hypersphere that covers it, cnn(x) = argmin {τ(c) : ‖x − c‖ ≤ τ(c)}, with isolation score
 * I(x) = 1 − τ(η_cnn(x)) / τ(cnn(x)), and I(x) = 1 when no hypersphere covers x. The anomaly score is
 * the mean of I over the t samples, in [0, 1]: 1 means outside every hypersphere of every sample, values
 * near 0 mean inside small spheres whose neighbours are as dense. Higher is more anomalous.
 *
 * <p>Distances are Euclidean, computed in double from the float32 rows (PyOD's INNE compares and divides
 * squared distances, a monotone change per sample that does change the mean). Ties go to the earlier
 * centre in sample order; a centre with a duplicate in its sample has τ = 0 and ratio 0. In-sample
 * scores treat the training rows as any other rows, as the paper and PyOD do. The ψ × ψ distances
 * within a sample and the ψ distances from a row to the centres are the method itself, not a search over
 * the data, so they are computed directly rather than through a neighbour index.
 *
 * <p>Time: fit O(t ψ² d), score O(n t ψ d) at most (a distance is abandoned once it exceeds the radius).
 * Memory: O(t ψ d) for the centres.
 */
public final class Inne implements Detector<Table> {

    private final InneParams params;

    /** A detector with the given parameters. */
    public Inne(InneParams params) {
        this.params = params;
    }

    /** The parameters. */
    public InneParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        if (n < 2) {
            throw new IllegalArgumentException("inne needs at least 2 training rows, got " + n);
        }
        int psi = Math.min(params.maxSamples(), n);
        int t = params.estimators();
        int[][] samples = new int[t][];
        ctx.parallelFor(t, 64, (from, to) -> {
            for (int i = from; i < to; i++) {
                samples[i] = Sampling.withoutReplacement(n, psi, ctx.random(i));
            }
        });
        return fromSamples(train, samples);
    }

    /** The model whose sample i holds the training rows {@code samples[i]}, in that order (all of one size ψ ≥ 2). */
    static InneModel fromSamples(Table train, int[][] samples) {
        int d = train.cols();
        int psi = samples[0].length;
        float[] centres = new float[samples.length * psi * d];
        float[] v = train.values();
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != psi) {
                throw new IllegalArgumentException("sample " + i + " has " + samples[i].length + " rows, sample 0 has " + psi);
            }
            for (int c = 0; c < psi; c++) {
                System.arraycopy(v, samples[i][c] * d, centres, (i * psi + c) * d, d);
            }
        }
        return new InneModel(centres, samples.length, psi, d);
    }

    /** Euclidean distance between row a of {@code x} and row b of {@code y}, accumulated in double. */
    static double distance(float[] x, int aOff, float[] y, int bOff, int d) {
        return VectorKernels.distance64(x, aOff, y, bOff, d);
    }

    /**
     * Whether {@code distance(x row, y row) <= tau}, with exactly that result, but abandoning the sum once
     * a partial distance already exceeds tau (most rows lie outside most hyperspheres, and on wide data
     * the full sum dominates scoring). Sums of non-negative terms and the square root are both monotone,
     * so an early "no" is the answer the full sum would give.
     */
    static boolean covers(float[] x, int aOff, float[] y, int bOff, int d, double tau) {
        double tau2 = tau * tau;
        double s = 0;
        int j = 0;
        while (j < d) {
            for (int end = Math.min(d, j + 16); j < end; j++) {
                double diff = (double) x[aOff + j] - y[bOff + j];
                s += diff * diff;
            }
            if (s > tau2 && Math.sqrt(s) > tau) {
                return false;
            }
        }
        return Math.sqrt(s) <= tau;
    }

    /** The fitted ensemble: t samples of ψ centres; radii and ratios are derived from the centres. */
    static final class InneModel implements Model<Table> {
        private final float[] centres;
        private final int samples;
        private final int psi;
        private final int cols;
        private final double[] radius;
        private final double[] ratio;

        InneModel(float[] centres, int samples, int psi, int cols) {
            this.centres = centres;
            this.samples = samples;
            this.psi = psi;
            this.cols = cols;
            this.radius = new double[samples * psi];
            this.ratio = new double[samples * psi];
            int[] eta = new int[psi];
            for (int s = 0; s < samples; s++) {
                int first = s * psi;
                for (int c = 0; c < psi; c++) {
                    double best = Double.POSITIVE_INFINITY;
                    int arg = -1;
                    for (int o = 0; o < psi; o++) {
                        if (o != c) {
                            double dist = distance(centres, (first + c) * cols, centres, (first + o) * cols, cols);
                            if (dist < best) {
                                best = dist;
                                arg = o;
                            }
                        }
                    }
                    radius[first + c] = best;
                    eta[c] = arg;
                }
                for (int c = 0; c < psi; c++) {
                    double tau = radius[first + c];
                    // τ(η_c) ≤ d(η_c, c) = τ(c), so the ratio lies in [0, 1]; a duplicate centre (τ = 0) isolates nothing.
                    ratio[first + c] = tau > 0 ? 1 - radius[first + eta[c]] / tau : 0;
                }
            }
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(cols);
            int n = data.rows();
            double[] out = new double[n];
            float[] v = data.values();
            ctx.progress().start("inne: scoring", n);
            ctx.parallelFor(n, 1024, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = i * cols;
                    double sum = 0;
                    for (int s = 0; s < samples; s++) {
                        int first = s * psi;
                        double bestRadius = Double.POSITIVE_INFINITY;
                        int cnn = -1;
                        for (int c = first, end = first + psi; c < end; c++) {
                            double tau = radius[c];
                            if (tau < bestRadius && covers(v, base, centres, c * cols, cols, tau)) {
                                bestRadius = tau;
                                cnn = c;
                            }
                        }
                        sum += cnn < 0 ? 1.0 : ratio[cnn];
                    }
                    out[i] = sum / samples;
                }
                ctx.progress().advance(to - from);
            });
            ctx.progress().done();
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("centres", Tensor.f32(centres, samples, psi, cols));
            return s;
        }

        /** Rebuilds the ensemble from its centres (radii and ratios are recomputed, exactly as when fitting). */
        static InneModel restore(Map<String, Tensor> state) {
            long[] shape = StateTensors.shape(state, "centres", 3);
            if (shape[0] < 1 || shape[1] < 2 || shape[2] < 1 || shape[0] * shape[1] * shape[2] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("model state tensor 'centres' has an unusable shape [" + shape[0] + ", " + shape[1]
                        + ", " + shape[2] + "]; expected [samples >= 1, psi >= 2, cols >= 1]");
            }
            float[] centres = StateTensors.floats(state, "centres");
            for (int i = 0; i < centres.length; i++) {
                if (!Float.isFinite(centres[i])) {
                    throw new IllegalArgumentException("model state tensor 'centres' holds a non-finite value at " + i);
                }
            }
            return new InneModel(centres, (int) shape[0], (int) shape[1], (int) shape[2]);
        }
    }
}
