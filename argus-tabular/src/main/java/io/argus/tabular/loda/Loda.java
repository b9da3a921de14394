package io.argus.tabular.loda;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LODA, the lightweight on-line detector of anomalies: an ensemble of one-dimensional histograms, each
 * over a sparse random projection of the rows; the score is the mean negative log-density.
 *
 * <p>Pevný, "Loda: Lightweight on-line detector of anomalies", Machine Learning 102(2), 2016. Each of
 * k projections wᵢ has m = ⌊√d⌋ (at least 1) non-zero weights, on features drawn without replacement,
 * drawn from N(0, 1) (PyOD's reading of the paper's d^½ non-zeros). Its histogram p̂ᵢ has {@code bins}
 * equal-width bins over [min, max] of the projected training rows (a constant projection gets
 * [z − ½, z + ½], as numpy's histogram does); bin j of width h holding cⱼ of n rows has density
 * p̂ = (cⱼ + ε) / ((n + bins·ε) · h) with PyOD's ε = 1e-12, so an empty bin has a tiny, finite density.
 * Outside [min, max] the histogram's density is that of an empty bin. The score is the paper's
 * f(x) = −(1/k) Σᵢ log p̂ᵢ(wᵢᵀx): higher is more anomalous, in nats per projection.
 *
 * <p>Deviation from PyOD: PyOD looks bins up with {@code searchsorted} on the left edges, which puts a
 * row into the bin to the right of the one it was counted in; here a row is looked up in the bin it was
 * counted in, as the paper's formula says, and rows outside the training range are not clamped into the
 * edge bins.
 *
 * <p>Randomised: projection i draws from {@code ctx.random(i)}, so results depend on the seed only.
 * Time: fit and score O(n · k · m). Memory: O(k · (m + bins)).
 */
public final class Loda implements Detector<Table> {

    /** PyOD's pseudo-count added to every bin's share. */
    static final double EPSILON = 1e-12;

    private final LodaParams params;

    /** A detector with the given parameters. */
    public Loda(LodaParams params) {
        this.params = params;
    }

    /** The parameters. */
    public LodaParams params() {
        return params;
    }

    /** Non-zero weights per projection for d columns: ⌊√d⌋, at least 1. */
    static int nonZeros(int d) {
        return Math.max(1, (int) Math.floor(Math.sqrt(d)));
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        if (n < 1) {
            throw new IllegalArgumentException("LODA needs at least 1 training row, got " + n);
        }
        int d = train.cols();
        int m = nonZeros(d);
        int k = params.projections();
        int[] index = new int[k * m];
        double[] weight = new double[k * m];
        for (int i = 0; i < k; i++) {
            SplittableRandom rnd = ctx.random(i);
            int[] features = new int[d];
            for (int j = 0; j < d; j++) {
                features[j] = j;
            }
            for (int j = 0; j < m; j++) {
                int pick = j + rnd.nextInt(d - j);
                int t = features[j];
                features[j] = features[pick];
                features[pick] = t;
            }
            Arrays.sort(features, 0, m);
            for (int j = 0; j < m; j++) {
                index[i * m + j] = features[j];
                weight[i * m + j] = rnd.nextGaussian();
            }
        }
        return fromProjections(train, index, weight, m, params.bins(), ctx);
    }

    /** The model for given projections (k × m feature indices and weights), with histograms of {@code train}. */
    static LodaModel fromProjections(Table train, int[] index, double[] weight, int m, int bins, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        int k = index.length / m;
        float[] v = train.values();
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] logDensity = new double[k * bins];
        double[] logOutside = new double[k];
        ctx.parallelFor(k, 1, (from, to) -> {
            double[] z = new double[n];
            for (int i = from; i < to; i++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < n; r++) {
                    z[r] = project(v, r * d, index, weight, i * m, m);
                    min = Math.min(min, z[r]);
                    max = Math.max(max, z[r]);
                }
                if (min == max) {
                    min -= 0.5;
                    max += 0.5;
                }
                lo[i] = min;
                hi[i] = max;
                long[] counts = new long[bins];
                for (int r = 0; r < n; r++) {
                    counts[bin(z[r], min, max, bins)]++;
                }
                double width = (max - min) / bins;
                double norm = (n + bins * EPSILON) * width;
                for (int b = 0; b < bins; b++) {
                    logDensity[i * bins + b] = Math.log((counts[b] + EPSILON) / norm);
                }
                logOutside[i] = Math.log(EPSILON / norm);
            }
        });
        return new LodaModel(index, weight, m, d, bins, lo, hi, logDensity, logOutside);
    }

    /** wᵀx over the m non-zeros of projection at {@code off}, summed in feature order. */
    static double project(float[] v, int rowOff, int[] index, double[] weight, int off, int m) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += weight[off + j] * v[rowOff + index[off + j]];
        }
        return s;
    }

    /** The bin of z in [lo, hi] split into equal parts: ⌊(z − lo) · bins / (hi − lo)⌋, hi in the last bin; -1 outside. */
    static int bin(double z, double lo, double hi, int bins) {
        if (!(z >= lo && z <= hi)) {
            return -1;
        }
        int b = (int) Math.floor((z - lo) * (bins / (hi - lo)));
        return Math.min(Math.max(b, 0), bins - 1);
    }

    /** A fitted LODA model: sparse projections and the log-density of each histogram bin. */
    static final class LodaModel implements Model<Table> {
        private final int[] index;
        private final double[] weight;
        private final int m;
        private final int cols;
        private final int bins;
        private final double[] lo;
        private final double[] hi;
        private final double[] logDensity;
        private final double[] logOutside;

        LodaModel(int[] index, double[] weight, int m, int cols, int bins, double[] lo, double[] hi, double[] logDensity,
                double[] logOutside) {
            this.index = index;
            this.weight = weight;
            this.m = m;
            this.cols = cols;
            this.bins = bins;
            this.lo = lo;
            this.hi = hi;
            this.logDensity = logDensity;
            this.logOutside = logOutside;
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(cols);
            int n = data.rows();
            int k = lo.length;
            float[] v = data.values();
            double[] out = new double[n];
            ctx.parallelFor(n, 4096, (from, to) -> {
                for (int r = from; r < to; r++) {
                    double sum = 0;
                    for (int i = 0; i < k; i++) {
                        double z = project(v, r * cols, index, weight, i * m, m);
                        int b = bin(z, lo[i], hi[i], bins);
                        sum += b < 0 ? logOutside[i] : logDensity[i * bins + b];
                    }
                    out[r] = -sum / k;
                }
            });
            return Scores.of(out);
        }

        @Override
        public Map<String, Tensor> state() {
            int k = lo.length;
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("index", Tensor.i32(index, k, m));
            s.put("weight", Tensor.f64(weight, k, m));
            s.put("lo", Tensor.f64(lo));
            s.put("hi", Tensor.f64(hi));
            s.put("log_density", Tensor.f64(logDensity, k, bins));
            s.put("log_outside", Tensor.f64(logOutside));
            s.put("cols", Tensor.i32(new int[] {cols}));
            return s;
        }

        /** Rebuilds a model from {@link #state()}, checking every shape and feature index. */
        static LodaModel restore(Map<String, Tensor> s) {
            long[] shape = StateTensors.shape(s, "index", 2);
            long[] hshape = StateTensors.shape(s, "log_density", 2);
            int k = (int) shape[0];
            int m = (int) shape[1];
            if (k < 1 || m < 1 || hshape[0] != k || hshape[1] < 1) {
                throw new IllegalArgumentException("tensors 'index' " + Arrays.toString(shape) + " and 'log_density' "
                        + Arrays.toString(hshape) + " do not describe k >= 1 projections");
            }
            int bins = (int) hshape[1];
            int cols = StateTensors.ints(s, "cols", 1)[0];
            int[] index = StateTensors.ints(s, "index");
            for (int f : index) {
                if (f < 0 || f >= cols) {
                    throw new IllegalArgumentException("projection uses feature " + f + " of " + cols);
                }
            }
            return new LodaModel(index, StateTensors.doubles(s, "weight", k * m), m, cols, bins, StateTensors.doubles(s, "lo", k),
                    StateTensors.doubles(s, "hi", k), StateTensors.doubles(s, "log_density", k * bins), StateTensors.doubles(s, "log_outside", k));
        }
    }
}
