package io.argus.tabular.hbos;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.tabular.explain.FeatureContributions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HBOS: one histogram per feature, features treated as independent; a row is as anomalous as the sum of
 * its features' negative log bin densities.
 *
 * <p>Goldstein, Dengel, "Histogram-based Outlier Score (HBOS): A fast Unsupervised Anomaly Detection
 * Algorithm", KI-2012 Poster and Demo Track, 2012. The score follows PyOD's {@code HBOS} exactly:
 * per feature, the density of each bin is {@code numpy.histogram(x, bins, density=True)}'s (count /
 * width / n), the feature's term for a value in bin b is −log2(density_b + alpha), and the row's score is
 * the sum of its terms (PyOD negates the sum of log2(density + alpha)). The paper instead normalises each
 * histogram to a maximum height of 1 and takes log(1 / height); PyOD's form is kept because it is what
 * users compare against.
 *
 * <p>Bins ({@link HbosParams.Binning}):
 * <ul>
 *   <li>{@code static}: nBins equal-width bins over [min, max] of the training feature (edges
 *       min + i·(max − min)/nBins, the last edge exactly max; a constant feature c gets [c − 0.5, c + 0.5],
 *       as numpy does). Counting puts a value in the bin [e_i, e_{i+1}) (the last bin closed), but PyOD
 *       looks values up with {@code numpy.digitize(x, edges, right=True)}, i.e. in (e_{i−1}, e_i]: a
 *       value exactly on an interior edge is counted in the bin to its right and scored with the density
 *       of the bin to its left, and the training minimum is scored in the first bin. Argus reproduces
 *       this to match PyOD; it matters on integer-valued features, whose values often sit on edges (a
 *       constant feature, for one, typically scores every row with the empty bin left of the value, a constant
 *       offset that does not change the ranking).</li>
 *   <li>{@code dynamic}: equal-frequency bins, the paper's dynamic bin width: the sorted training values
 *       are cut at ranks ⌊b·n/nBins⌋, b = 1..nBins, and a cut inside a run of tied values moves to the
 *       run's end, so each bin holds about n/nBins values, tied values are never split (a bin can then hold
 *       more, and there can be fewer bins) and a feature with few distinct values, e.g. a binary one, gets
 *       one bin per value. An interior edge lies midway between the last value of one bin and the first of
 *       the next; the outer edges are the minimum and the maximum, so every width is positive. A constant
 *       feature gets one bin [c − 0.5, c + 0.5]. Densities are count / width / n as for static bins, and a
 *       value is looked up in the bin that counted it. (The paper leaves the edge placement open; PyOD has
 *       no dynamic bins.)</li>
 * </ul>
 * In both modes a value below the first edge (above the last) counts as in the first (last) bin when it
 * is at most tol widths of that bin away, and otherwise gets the feature's largest term (PyOD's
 * {@code np.min(out_score)}).
 *
 * <p>The score is a sum of −log2(density + alpha) over features: lower-density bins give higher terms,
 * each term is at most −log2(alpha), a term can be negative where a bin's density exceeds 1 − alpha (a
 * narrow, crowded bin), and higher scores are more anomalous. Deterministic: the seed is not used.
 *
 * <p>Time: fit O(n d log nBins) for static bins, O(n d log n) for dynamic bins (one sort per feature);
 * scoring O(m d log nBins) for m rows. Memory: O(d · nBins).
 */
public final class Hbos implements Detector<Table> {

    private final HbosParams params;

    /** A detector with the given parameters. */
    public Hbos(HbosParams params) {
        this.params = params;
    }

    /** The parameters. */
    public HbosParams params() {
        return params;
    }

    @Override
    public Model<Table> fit(Table train, Context ctx) {
        int n = train.rows();
        int d = train.cols();
        if (n < 1) {
            throw new IllegalArgumentException("hbos needs at least 1 training row, got 0");
        }
        int k = params.nBins();
        double[] edges = new double[d * (k + 1)];
        int[] bins = new int[d];
        double[] density = new double[d * k];
        float[] v = train.values();
        ctx.parallelFor(d, 1, (from, to) -> {
            double[] col = new double[n];
            for (int j = from; j < to; j++) {
                for (int i = 0; i < n; i++) {
                    col[i] = v[i * d + j];
                }
                double[] e = params.binning() == HbosParams.Binning.STATIC ? staticEdges(col, k) : dynamicEdges(col, k);
                int m = e.length - 1;
                bins[j] = m;
                System.arraycopy(e, 0, edges, j * (k + 1), e.length);
                long[] counts = new long[m];
                for (int i = 0; i < n; i++) {
                    counts[countingBin(e, 0, m, col[i])]++;
                }
                for (int b = 0; b < m; b++) {
                    // numpy.histogram(density=True): count / width / total, in that order
                    density[j * k + b] = counts[b] / (e[b + 1] - e[b]) / n;
                }
            }
        });
        return new HbosModel(params, d, edges, bins, density);
    }

    /** numpy.histogram's equal-width edges: linspace(min, max, k + 1), widened by 0.5 each side for a constant column. */
    static double[] staticEdges(double[] col, int k) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : col) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double step = (max - min) / k;
        double[] e = new double[k + 1];
        for (int i = 0; i < k; i++) {
            e[i] = i * step + min;
        }
        e[k] = max;
        return e;
    }

    /**
     * Equal-frequency edges: the sorted values are cut at ranks ⌊b·n/k⌋ (b = 1..k), each cut moved up past
     * values tied with the one before it, and each interior edge placed midway between the last value of
     * one bin and the first of the next; the outer edges are the minimum and the maximum.
     */
    static double[] dynamicEdges(double[] col, int k) {
        double[] s = col.clone();
        Arrays.sort(s);
        int n = s.length;
        if (s[0] == s[n - 1]) {
            return new double[] {s[0] - 0.5, s[0] + 0.5};
        }
        double[] e = new double[k + 1];
        e[0] = s[0];
        int m = 0;
        int start = 0;
        for (int b = 1; b <= k && start < n; b++) {
            int end = (int) ((long) b * n / k);
            if (end <= start) {
                continue;
            }
            while (end < n && s[end] == s[end - 1]) {
                end++;
            }
            // The midpoint of two float32 values is exact in double and lies strictly between them, so
            // every training value is counted in the bin the cut gave it.
            e[++m] = end < n ? (s[end - 1] + s[end]) / 2 : s[n - 1];
            start = end;
        }
        return Arrays.copyOf(e, m + 1);
    }

    /** The bin numpy.histogram counts x in: e[b] ≤ x < e[b+1], the last bin closed; x must lie in [e[0], e[m]]. */
    static int countingBin(double[] e, int off, int m, double x) {
        return Math.min(atMost(e, off, m + 1, x) - 1, m - 1);
    }

    /** Number of edges ≤ x among e[off, off+len). */
    private static int atMost(double[] e, int off, int len, double x) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[off + mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of edges < x among e[off, off+len): numpy.digitize(x, edges, right=True). */
    private static int below(double[] e, int off, int len, double x) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[off + mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Fitted histograms: per feature its edges (padded to nBins + 1), bin count, densities and terms. */
    static final class HbosModel implements Model<Table>, FeatureContributions {
        private final HbosParams params;
        private final int d;
        private final int k;
        private final double[] edges;
        private final int[] bins;
        private final double[] density;
        /** −log2(density + alpha) per bin, and per feature the largest of them (for far values). */
        private final double[] term;
        private final double[] farTerm;

        HbosModel(HbosParams params, int d, double[] edges, int[] bins, double[] density) {
            this.params = params;
            this.d = d;
            this.k = params.nBins();
            this.edges = edges;
            this.bins = bins;
            this.density = density;
            this.term = new double[d * k];
            this.farTerm = new double[d];
            double ln2 = Math.log(2);
            for (int j = 0; j < d; j++) {
                double far = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < bins[j]; b++) {
                    double t = -(Math.log(density[j * k + b] + params.alpha()) / ln2);
                    term[j * k + b] = t;
                    far = Math.max(far, t);
                }
                farTerm[j] = far;
            }
        }

        @Override
        public Scores score(Table data, Context ctx) {
            data.requireColumns(d);
            int m = data.rows();
            float[] v = data.values();
            double[] out = new double[m];
            ctx.parallelFor(m, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = rowScore(v, i * d, null);
                }
            });
            return Scores.of(out);
        }

        @Override
        public double[] contributions(Table rows, int row) {
            rows.requireColumns(d);
            FeatureContributions.checkRow(rows, row);
            double[] terms = new double[d];
            rowScore(rows.values(), row * d, terms);
            return terms;
        }

        private double rowScore(float[] v, int base, double[] terms) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double t = featureTerm(j, v[base + j]);
                if (terms != null) {
                    terms[j] = t;
                }
                sum += t;
            }
            return sum;
        }

        private double featureTerm(int j, double x) {
            int m = bins[j];
            int eo = j * (k + 1);
            int to = j * k;
            double first = edges[eo];
            double last = edges[eo + m];
            boolean dynamic = params.binning() == HbosParams.Binning.DYNAMIC;
            // PyOD (static) treats the minimum itself as "below the range" (digitize right=True gives 0);
            // its distance is 0, so it lands in the first bin either way.
            if (dynamic ? x < first : x <= first) {
                double width = edges[eo + 1] - first;
                return first - x <= width * params.tol() ? term[to] : farTerm[j];
            }
            if (x > last) {
                double width = last - edges[eo + m - 1];
                return x - last <= width * params.tol() ? term[to + m - 1] : farTerm[j];
            }
            int b = dynamic ? countingBin(edges, eo, m, x) : below(edges, eo, m + 1, x) - 1;
            return term[to + b];
        }

        @Override
        public Map<String, Tensor> state() {
            Map<String, Tensor> s = new LinkedHashMap<>();
            s.put("edges", Tensor.f64(edges, d, k + 1));
            s.put("bins", Tensor.i32(bins));
            s.put("density", Tensor.f64(density, d, k));
            return s;
        }

        /** Rebuilds a model from {@link #state()}, checking every shape and that each feature's edges ascend. */
        static HbosModel restore(HbosParams params, Map<String, Tensor> s) {
            int k = params.nBins();
            long[] shape = StateTensors.shape(s, "edges", 2);
            if (shape[0] < 1 || shape[1] != k + 1 || shape[0] * (k + 1) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("model state tensor 'edges' has shape [" + shape[0] + ", " + shape[1]
                        + "], expected [d, " + (k + 1) + "] for nBins = " + k);
            }
            int d = (int) shape[0];
            double[] edges = StateTensors.doubles(s, "edges", d * (k + 1));
            int[] bins = StateTensors.ints(s, "bins", d);
            double[] density = StateTensors.doubles(s, "density", d * k);
            for (int j = 0; j < d; j++) {
                int m = bins[j];
                if (m < 1 || m > k || (params.binning() == HbosParams.Binning.STATIC && m != k)) {
                    throw new IllegalArgumentException("model state tensor 'bins': feature " + j + " has " + m + " bins, nBins is " + k);
                }
                for (int b = 0; b <= m; b++) {
                    double e = edges[j * (k + 1) + b];
                    if (!Double.isFinite(e) || (b > 0 && !(e > edges[j * (k + 1) + b - 1]))) {
                        throw new IllegalArgumentException("model state tensor 'edges': feature " + j + " is not finite and ascending at edge " + b);
                    }
                }
                for (int b = 0; b < m; b++) {
                    double p = density[j * k + b];
                    if (!(p >= 0) || Double.isInfinite(p)) {
                        throw new IllegalArgumentException("model state tensor 'density': feature " + j + " bin " + b + " is " + p);
                    }
                }
            }
            return new HbosModel(params, d, edges, bins, density);
        }
    }
}
