package io.argus.timeseries.diagnose;

import io.argus.core.data.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-segment test of "Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate"
 * ({@code marcpinet/mtsad-benchmarks-are-mostly-univariate}, {@code utils/tools.py}): does a labelled
 * anomaly show in some channel on its own (univariate), only in how channels move together
 * (cross-channel), in both, or in neither?
 *
 * <ol>
 *   <li>Each channel is standardised with the mean and standard deviation of the training series (a
 *       standard deviation of 0 counts as 1). Segments are the runs of label 1 of the test series,
 *       [s, e).</li>
 *   <li>Context: the last {@code context} normal (label 0) steps strictly before s; with fewer, the
 *       segment is {@link Label#INSUFFICIENT_CONTEXT} (unless it is shorter than {@code minLength} and
 *       {@code shortMinContext} of them exist).</li>
 *   <li>Univariate: some channel has max over the segment of |x − μ_ctx|/σ_ctx &gt; z (σ_ctx &lt; 10⁻⁴
 *       counts as 1).</li>
 *   <li>Cross-channel, for segments of at least {@code minLength} steps: over the channels whose
 *       standard deviation exceeds 10⁻⁴ in both segment and context (at least 3, otherwise Δρ is NaN),
 *       Δρ = max_{i≠j} |R_seg(i, j) − R_ctx(i, j)| for the chosen {@link Correlation}; cross-channel when
 *       Δρ &gt; ρ.</li>
 *   <li>The two flags give the label; shorter segments get the univariate test only.</li>
 * </ol>
 * The univariate intensity of a segment is the fraction of its steps where some channel has |z| &gt; 3.
 * The paper's optional lagged correlation mode is not implemented.
 *
 * <p>Time O(L·C + C²·L) per segment of L steps (O(C²·L²) for distance correlation, L capped at
 * {@link Correlation#DCOR_MAX_POINTS}); memory O(L·C).
 */
public final class CrossChannelDiagnostic {

    /** What a segment shows. */
    public enum Label {
        /** Both a univariate deviation and a correlation shift. */
        BOTH,
        /** Only a univariate deviation. */
        UNIVARIATE,
        /** Only a correlation shift: invisible channel by channel. */
        CROSS_CHANNEL,
        /** Neither test fires. */
        UNDETECTED,
        /** Too few normal steps before the segment. */
        INSUFFICIENT_CONTEXT
    }

    /**
     * Settings; defaults are the paper's code's (Z_THR = 3, CORR_THR = 0.1, CTX = 300, MIN_LEN = 10).
     *
     * @param z univariate threshold on |z|
     * @param rho correlation-shift threshold on Δρ
     * @param context normal steps of context before each segment
     * @param minLength shortest segment that gets the cross-channel test
     * @param shortMinContext for segments shorter than minLength, the fewest context steps accepted (0 = as long ones)
     * @param correlation the correlation measure
     */
    public record Options(double z, double rho, int context, int minLength, int shortMinContext, Correlation correlation) {

        /** The paper's z threshold. */
        public static final double Z_DEFAULT = 3.0;

        /** The paper's correlation-shift threshold. */
        public static final double RHO_DEFAULT = 0.1;

        /** The paper's context length. */
        public static final int CONTEXT_DEFAULT = 300;

        /** The paper's shortest segment for the cross-channel test. */
        public static final int MIN_LENGTH_DEFAULT = 10;

        /** The paper's defaults with Pearson correlation. */
        public static final Options DEFAULTS = new Options(Z_DEFAULT, RHO_DEFAULT, CONTEXT_DEFAULT, MIN_LENGTH_DEFAULT, 0, Correlation.PEARSON);

        public Options {
            if (!(z > 0) || !(rho > 0) || !(rho <= 2)) {
                throw new IllegalArgumentException("z must be > 0 and rho in (0, 2], got z=" + z + ", rho=" + rho);
            }
            if (context < 3 || minLength < 3 || shortMinContext < 0) {
                throw new IllegalArgumentException("context and minLength must be >= 3 and shortMinContext >= 0, got context=" + context
                        + ", minLength=" + minLength + ", shortMinContext=" + shortMinContext);
            }
            Objects.requireNonNull(correlation, "correlation");
        }

        /** The same options with another correlation measure. */
        public Options with(Correlation c) {
            return new Options(z, rho, context, minLength, shortMinContext, c);
        }
    }

    /**
     * One segment's findings.
     *
     * @param start first step
     * @param end one past the last step
     * @param maxZ max over channels and steps of |x − μ_ctx|/σ_ctx
     * @param deltaRho Δρ, NaN when not computed (short segment, fewer than 3 usable channels)
     * @param univariateIntensity fraction of steps with some channel |z| &gt; 3
     * @param insufficientContext whether the context was too short (then the other fields are NaN)
     */
    public record Segment(int start, int end, double maxZ, double deltaRho, double univariateIntensity, boolean insufficientContext) {

        /** The label at thresholds z and ρ. */
        public Label label(double z, double rho) {
            if (insufficientContext) {
                return Label.INSUFFICIENT_CONTEXT;
            }
            boolean u = maxZ > z;
            boolean r = !Double.isNaN(deltaRho) && deltaRho > rho;
            return u && r ? Label.BOTH : u ? Label.UNIVARIATE : r ? Label.CROSS_CHANNEL : Label.UNDETECTED;
        }

        /** Length in steps. */
        public int length() {
            return end - start;
        }
    }

    /** The z thresholds of the paper's sensitivity grid. */
    public static final double[] GRID_Z = {2, 3, 4, 5, 7, 10};

    /** The ρ thresholds of the paper's sensitivity grid. */
    public static final double[] GRID_RHO = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    private CrossChannelDiagnostic() {
    }

    /**
     * Tests every labelled segment of {@code test}, standardising with {@code train}'s statistics.
     *
     * @throws IllegalArgumentException when test has no labels, or the channel counts differ
     */
    public static List<Segment> diagnose(Series train, Series test, Options options) {
        Objects.requireNonNull(options, "options");
        if (test.labels().isEmpty()) {
            throw new IllegalArgumentException("the diagnostic needs a labelled test series" + (test.source() == null ? "" : ": " + test.source()));
        }
        if (train.channels() != test.channels()) {
            throw new IllegalArgumentException("train has " + train.channels() + " channels, test has " + test.channels());
        }
        int c = test.channels();
        int n = test.steps();
        double[] mean = new double[c];
        double[] sd = new double[c];
        for (int k = 0; k < c; k++) {
            double s = 0;
            for (int t = 0; t < train.steps(); t++) {
                s += train.get(t, k);
            }
            mean[k] = train.steps() == 0 ? 0 : s / train.steps();
            double ss = 0;
            for (int t = 0; t < train.steps(); t++) {
                double d = train.get(t, k) - mean[k];
                ss += d * d;
            }
            double v = train.steps() == 0 ? 0 : Math.sqrt(ss / train.steps());
            sd[k] = v == 0 ? 1 : v;
        }
        double[][] x = new double[c][n];
        for (int k = 0; k < c; k++) {
            for (int t = 0; t < n; t++) {
                x[k][t] = (test.get(t, k) - mean[k]) / sd[k];
            }
        }
        int[] labels = test.labels().get();
        List<Segment> out = new ArrayList<>();
        for (Series.LabelRange r : test.labelRanges()) {
            out.add(segment(x, labels, r.start(), r.end() + 1, options));
        }
        return out;
    }

    private static Segment segment(double[][] x, int[] labels, int s, int e, Options o) {
        int c = x.length;
        int len = e - s;
        int[] ctx = new int[o.context()];
        int got = 0;
        for (int t = s - 1; t >= 0 && got < o.context(); t--) {
            if (labels[t] == 0) {
                ctx[got++] = t;
            }
        }
        int needed = len < o.minLength() && o.shortMinContext() > 0 ? o.shortMinContext() : o.context();
        if (got < needed) {
            return new Segment(s, e, Double.NaN, Double.NaN, Double.NaN, true);
        }
        double[][] cx = new double[c][got];
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < got; i++) {
                cx[k][i] = x[k][ctx[got - 1 - i]]; // in time order
            }
        }
        double maxZ = 0;
        boolean[] hot = new boolean[len];
        double[] ctxSd = new double[c];
        for (int k = 0; k < c; k++) {
            double mu = mean(cx[k]);
            double sdev = std(cx[k], mu);
            ctxSd[k] = sdev;
            double scale = sdev < 1e-4 ? 1 : sdev;
            for (int t = s; t < e; t++) {
                double z = Math.abs(x[k][t] - mu) / scale;
                maxZ = Math.max(maxZ, z);
                if (z > 3) {
                    hot[t - s] = true;
                }
            }
        }
        int hotCount = 0;
        for (boolean h : hot) {
            hotCount += h ? 1 : 0;
        }
        double deltaRho = Double.NaN;
        if (len >= o.minLength()) {
            List<Integer> keep = new ArrayList<>();
            double[][] sx = new double[c][];
            for (int k = 0; k < c; k++) {
                sx[k] = java.util.Arrays.copyOfRange(x[k], s, e);
                if (std(sx[k], mean(sx[k])) > 1e-4 && ctxSd[k] > 1e-4) {
                    keep.add(k);
                }
            }
            if (keep.size() >= 3) {
                double[][] a = new double[keep.size()][];
                double[][] b = new double[keep.size()][];
                for (int i = 0; i < keep.size(); i++) {
                    a[i] = sx[keep.get(i)];
                    b[i] = cx[keep.get(i)];
                }
                double[] ra = o.correlation().matrix(a);
                double[] rb = o.correlation().matrix(b);
                double max = 0;
                for (int i = 0; i < ra.length; i++) {
                    double d = Math.abs(ra[i] - rb[i]);
                    if (!Double.isNaN(d)) {
                        max = Math.max(max, d);
                    }
                }
                deltaRho = max;
            }
        }
        return new Segment(s, e, maxZ, deltaRho, (double) hotCount / len, false);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double std(double[] a, double mu) {
        double s = 0;
        for (double v : a) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / a.length);
    }

    /** Counts per label at thresholds (z, ρ). */
    public static java.util.Map<Label, Integer> counts(List<Segment> segments, double z, double rho) {
        java.util.Map<Label, Integer> out = new java.util.EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            out.put(l, 0);
        }
        for (Segment s : segments) {
            out.merge(s.label(z, rho), 1, Integer::sum);
        }
        return out;
    }

    /** The sensitivity grid: CROSS_CHANNEL-only segments at each (z, ρ) of {@link #GRID_Z} × {@link #GRID_RHO}, [z][ρ]. */
    public static int[][] sensitivityGrid(List<Segment> segments) {
        int[][] out = new int[GRID_Z.length][GRID_RHO.length];
        for (int i = 0; i < GRID_Z.length; i++) {
            for (int j = 0; j < GRID_RHO.length; j++) {
                for (Segment s : segments) {
                    if (s.label(GRID_Z[i], GRID_RHO[j]) == Label.CROSS_CHANNEL) {
                        out[i][j]++;
                    }
                }
            }
        }
        return out;
    }
}
