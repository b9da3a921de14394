package io.argus.metrics.series;

import java.util.List;

/**
 * Range-based precision and recall for time series: Tatbul, Lee, Zdonik, Alam, Gottschlich,
 * "Precision and Recall for Time Series", NeurIPS 2018.
 *
 * <p>For real ranges R = {R_i} (N_r of them) and predicted ranges P = {P_j} (N_p of them):
 * <pre>
 * Recall_T(R_i, P)    = α·Existence(R_i, P) + (1 − α)·γ(R_i, P)·Σ_j ω(R_i, R_i ∩ P_j, δ)
 * Recall_T(R, P)      = (1/N_r)·Σ_i Recall_T(R_i, P)
 * Precision_T(R, P)   = (1/N_p)·Σ_j γ(P_j, R)·Σ_i ω(P_j, P_j ∩ R_i, δ)     (no existence term)
 * ω(A, O, δ)          = Σ_{t ∈ O} δ(pos_A(t), |A|) / Σ_{k=1..|A|} δ(k, |A|)   (pos_A(t) = 1 for A's first step)
 * </pre>
 * Existence is 1 when R_i shares at least one step with a prediction. The positional bias δ(k, L) is
 * {@link Bias#FLAT} 1, {@link Bias#FRONT} L − k + 1, {@link Bias#BACK} k, {@link Bias#MIDDLE} k for
 * k ≤ L/2 else L − k + 1. The cardinality factor γ is 1 under {@link Cardinality#ONE}, and under
 * {@link Cardinality#RECIPROCAL} 1 over the number of ranges of the other side that overlap (1 when at
 * most one does).
 *
 * <p><b>Defaults ({@link Options#TSB_AD}).</b> α = 0.2 for recall, flat bias, reciprocal cardinality,
 * and precision computed by the same function with the roles swapped and α = 0: this is TSB-AD's
 * "R-based-F1" ({@code TheDatumOrg/TSB-AD}, {@code basic_metrics.py}: {@code metric_RF1} calls
 * {@code range_recall_new(label, preds, alpha=0.2)} and {@code range_recall_new(preds, label, 0)} with
 * the default {@code bias='flat'} and {@code Cardinality_factor} = 1/count). The same bias is applied to
 * precision and recall (Tatbul et al. recommend flat for precision; only flat is used by TSB-AD).
 * TSB-AD evaluates the non-flat biases at the absolute series index rather than the position inside
 * the range; this class uses the position, as the paper defines it.
 *
 * <p>Conventions: with no predicted range the precision is 0 and so is F1 (TSB-AD and scikit-learn's
 * {@code zero_division=0}); with no real range the recall is undefined and an exception says so.
 *
 * <p>Complexity: O(N_r + N_p + Σ|R_i|) time for flat bias (a merge of two sorted lists; non-flat biases
 * walk the overlapping steps), O(1) extra memory.
 */
public final class RangeBasedPR {

    /** Positional bias δ inside a range. */
    public enum Bias {
        /** Every position counts the same. */
        FLAT,
        /** Early positions count more: δ(k, L) = L − k + 1. */
        FRONT,
        /** Late positions count more: δ(k, L) = k. */
        BACK,
        /** The middle counts more: δ(k, L) = k for k ≤ L/2, else L − k + 1. */
        MIDDLE
    }

    /** Cardinality factor γ for a range overlapped by several ranges of the other side. */
    public enum Cardinality {
        /** γ = 1: fragmentation is not penalised. */
        ONE,
        /** γ = 1/(number of overlapping ranges), 1 when at most one overlaps (TSB-AD). */
        RECIPROCAL
    }

    /**
     * Parameters of the range-based metric.
     *
     * @param alpha       existence-reward weight α ∈ [0, 1] of the recall (precision always uses 0)
     * @param bias        positional bias δ, for recall and precision
     * @param cardinality cardinality factor γ
     */
    public record Options(double alpha, Bias bias, Cardinality cardinality) {

        /** α = 0.2, flat, reciprocal: TSB-AD's R-based-F1 (see the class Javadoc). */
        public static final Options TSB_AD = new Options(0.2, Bias.FLAT, Cardinality.RECIPROCAL);

        /** Validates α and the enums. */
        public Options {
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
            }
            if (bias == null || cardinality == null) {
                throw new IllegalArgumentException("bias and cardinality must not be null");
            }
        }
    }

    /** α of {@link Options#TSB_AD}. */
    public static final double ALPHA_DEFAULT = 0.2;

    private RangeBasedPR() {
    }

    /**
     * Range-based precision, recall and F1 of {@code predicted} against {@code real} in a series of
     * length {@code n}.
     *
     * @throws IllegalArgumentException when a list is unsorted, overlapping or outside the series, or
     *         {@code real} is empty (recall undefined)
     */
    public static PrecisionRecall evaluate(List<Range> real, List<Range> predicted, int n, Options options) {
        Ranges.validate(real, n, "labels");
        Ranges.validate(predicted, n, "predictions");
        Ranges.requireAnomaly(real, "range-based recall");
        double recall = sideScore(real, predicted, options.alpha(), options);
        double precision = predicted.isEmpty() ? 0 : sideScore(predicted, real, 0, options);
        return PrecisionRecall.of(precision, recall);
    }

    /** {@link #evaluate(List, List, int, Options)} on 0/1 vectors of equal length. */
    public static PrecisionRecall evaluate(int[] labels, int[] predictions, Options options) {
        Ranges.sameLength(labels, predictions);
        return evaluate(Ranges.rangesOf(labels, "label"), Ranges.rangesOf(predictions, "prediction"), labels.length, options);
    }

    /**
     * Mean over {@code targets} of α·Existence + (1 − α)·γ·Σ ω(target, target ∩ other): the recall when
     * targets are the real ranges, the precision (α = 0) when they are the predicted ones.
     */
    private static double sideScore(List<Range> targets, List<Range> others, double alpha, Options options) {
        double sum = 0;
        int j0 = 0;
        for (Range t : targets) {
            // Both lists are sorted and disjoint: skip the others that end before t, then walk the overlaps.
            while (j0 < others.size() && others.get(j0).endInclusive() < t.start()) {
                j0++;
            }
            int count = 0;
            double omega = 0;
            for (int j = j0; j < others.size() && others.get(j).start() <= t.endInclusive(); j++) {
                Range o = others.get(j);
                count++;
                omega += positionalWeight(t, Math.max(t.start(), o.start()), Math.min(t.endInclusive(), o.endInclusive()), options.bias());
            }
            double existence = count > 0 ? 1 : 0;
            double gamma = options.cardinality() == Cardinality.ONE || count <= 1 ? 1 : 1.0 / count;
            sum += alpha * existence + (1 - alpha) * gamma * omega;
        }
        return sum / targets.size();
    }

    /** ω restricted to the overlap {@code from..to} of range {@code r}: Σ δ over the overlap / Σ δ over r. */
    private static double positionalWeight(Range r, int from, int to, Bias bias) {
        int len = r.length();
        if (bias == Bias.FLAT) {
            return (double) (to - from + 1) / len;
        }
        double my = 0;
        double max = 0;
        for (int k = 1; k <= len; k++) {
            double d = delta(k, len, bias);
            max += d;
            int step = r.start() + k - 1;
            if (step >= from && step <= to) {
                my += d;
            }
        }
        return my / max;
    }

    private static double delta(int k, int len, Bias bias) {
        switch (bias) {
            case FRONT:
                return len - k + 1;
            case BACK:
                return k;
            case MIDDLE:
                return k <= len / 2.0 ? k : len - k + 1;
            default:
                return 1;
        }
    }
}
