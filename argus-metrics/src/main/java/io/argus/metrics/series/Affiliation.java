package io.argus.metrics.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Affiliation precision and recall: Huet, Navarro, Rossi, "Local Evaluation of Time Series Anomaly
 * Detection Algorithms", KDD 2022 (reference code {@code ahstat/affiliation-metrics-py}, used by
 * TSB-AD's "Affiliation-F").
 *
 * <p><b>Definition.</b> Steps become half-open intervals of continuous time: range {@code [s, e]} is
 * the event [s, e+1), the series is [0, n). Each ground-truth event J_j owns an affiliation zone E_j:
 * the points closer to J_j than to any other ground-truth event (cuts at the midpoints between
 * consecutive events, the outer zones reach 0 and n). Predictions are cut to the zones. For a set A
 * inside E_j, F̄_A(d) = P(dist(X, A) ≥ d) for X uniform on E_j (the survival function of the distance
 * to A of a random point of the zone).
 * <ul>
 *   <li>individual precision of J_j = mean over predicted points x in E_j of F̄_{J_j}(dist(x, J_j));
 *       undefined (NaN) when no prediction falls in E_j;</li>
 *   <li>individual recall of J_j = mean over y in J_j of P(|X − y| ≥ dist(y, I)) for X uniform on E_j,
 *       where I is the predicted interval (cut to E_j) nearest to y: the chance that a random point of
 *       the zone lies at least as far from y as the prediction does; 0 when no prediction falls in
 *       E_j;</li>
 *   <li>precision = mean of the defined individual precisions (NaN when none is defined: no
 *       prediction at all); recall = mean of the individual recalls.</li>
 * </ul>
 * The integrals are piecewise linear and are computed exactly (trapezoids between the kinks), as the
 * reference code does with its closed forms. A random detector scores about 0.5 on both.
 *
 * <p>Complexity: O((N_gt + N_pred) log N_pred) time, O(N_gt + N_pred) memory.
 */
public final class Affiliation {

    /**
     * Affiliation metrics of one prediction.
     *
     * @param precision            mean defined individual precision; NaN when nothing is predicted
     * @param recall               mean individual recall
     * @param individualPrecisions per ground-truth event, NaN where undefined
     * @param individualRecalls    per ground-truth event
     */
    public record Result(double precision, double recall, double[] individualPrecisions, double[] individualRecalls) {

        /** Copies the arrays. */
        public Result {
            individualPrecisions = individualPrecisions.clone();
            individualRecalls = individualRecalls.clone();
        }

        @Override
        public double[] individualPrecisions() {
            return individualPrecisions.clone();
        }

        @Override
        public double[] individualRecalls() {
            return individualRecalls.clone();
        }

        /** 2PR/(P+R); 0 when the precision is undefined or P+R = 0. */
        public double f1() {
            return PrecisionRecall.of(precision, recall).f1();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Double.compare(precision, r.precision) == 0 && Double.compare(recall, r.recall) == 0
                    && Arrays.equals(individualPrecisions, r.individualPrecisions) && Arrays.equals(individualRecalls, r.individualRecalls);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Double.hashCode(precision) + Double.hashCode(recall)) + Arrays.hashCode(individualPrecisions);
        }

        @Override
        public String toString() {
            return "Affiliation[precision=" + precision + ", recall=" + recall + "]";
        }
    }

    private Affiliation() {
    }

    /**
     * Affiliation precision and recall of {@code predicted} against {@code real} on steps 0..n−1.
     *
     * @throws IllegalArgumentException on bad ranges or no real range (the metric needs ground truth)
     */
    public static Result evaluate(List<Range> real, List<Range> predicted, int n) {
        Ranges.validate(real, n, "labels");
        Ranges.validate(predicted, n, "predictions");
        Ranges.requireAnomaly(real, "affiliation");
        double[][] gt = events(real);
        double[][] pred = events(predicted);
        return evaluateEvents(gt, pred, 0, n);
    }

    /** {@link #evaluate(List, List, int)} on 0/1 vectors of equal length. */
    public static Result evaluate(int[] labels, int[] predictions) {
        Ranges.sameLength(labels, predictions);
        return evaluate(Ranges.rangesOf(labels, "label"), Ranges.rangesOf(predictions, "prediction"), labels.length);
    }

    /**
     * The metric on continuous-time events (half-open {a, b} pairs, sorted, disjoint; touching allowed)
     * in the time range [tStart, tEnd]: the form of the reference code's {@code pr_from_events}.
     */
    static Result evaluateEvents(double[][] gt, double[][] pred, double tStart, double tEnd) {
        int k = gt.length;
        double[] precisions = new double[k];
        double[] recalls = new double[k];
        double precSum = 0;
        int precCount = 0;
        double recSum = 0;
        int p0 = 0;
        for (int j = 0; j < k; j++) {
            double e1 = j == 0 ? tStart : (gt[j - 1][1] + gt[j][0]) / 2;
            double e2 = j == k - 1 ? tEnd : (gt[j][1] + gt[j + 1][0]) / 2;
            double[] jj = gt[j];
            // Predictions cut to the zone [e1, e2]; zero-length pieces carry no mass and are dropped.
            List<double[]> pieces = new ArrayList<>();
            while (p0 < pred.length && pred[p0][1] <= e1) {
                p0++;
            }
            for (int q = p0; q < pred.length && pred[q][0] < e2; q++) {
                double a = Math.max(pred[q][0], e1);
                double b = Math.min(pred[q][1], e2);
                if (b > a) {
                    pieces.add(new double[] {a, b});
                }
            }
            if (pieces.isEmpty()) {
                precisions[j] = Double.NaN;
                recalls[j] = 0;
            } else {
                double num = 0;
                double len = 0;
                for (double[] piece : pieces) {
                    num += integrateSurvival(piece[0], piece[1], jj, e1, e2);
                    len += piece[1] - piece[0];
                }
                precisions[j] = num / len;
                precSum += precisions[j];
                precCount++;
                // Recall: J is cut at the midpoints between consecutive pieces; each part is scored
                // against its nearest piece.
                double rec = 0;
                for (int q = 0; q < pieces.size(); q++) {
                    double lo = q == 0 ? Double.NEGATIVE_INFINITY : (pieces.get(q - 1)[1] + pieces.get(q)[0]) / 2;
                    double hi = q == pieces.size() - 1 ? Double.POSITIVE_INFINITY : (pieces.get(q)[1] + pieces.get(q + 1)[0]) / 2;
                    double a = Math.max(jj[0], lo);
                    double b = Math.min(jj[1], hi);
                    if (b > a) {
                        rec += integrateRecall(a, b, pieces.get(q), e1, e2);
                    }
                }
                recalls[j] = rec / (jj[1] - jj[0]);
            }
            recSum += recalls[j];
        }
        double precision = precCount == 0 ? Double.NaN : precSum / precCount;
        return new Result(precision, recSum / k, precisions, recalls);
    }

    /** Steps to continuous events: [s, e] becomes [s, e+1). */
    private static double[][] events(List<Range> ranges) {
        double[][] out = new double[ranges.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {ranges.get(i).start(), ranges.get(i).endInclusive() + 1.0};
        }
        return out;
    }

    /**
     * ∫_{x=u}^{v} F̄_A(dist(x, A)) dx for the interval A = {a1, a2} inside the zone [e1, e2], where
     * F̄_A(d) = (max(0, a1 − e1 − d) + max(0, e2 − a2 − d)) / (e2 − e1) for d &gt; 0 and 1 on A.
     */
    static double integrateSurvival(double u, double v, double[] a, double e1, double e2) {
        double a1 = a[0];
        double a2 = a[1];
        double total = 0;
        // Inside A the integrand is 1.
        double inLo = Math.max(u, a1);
        double inHi = Math.min(v, a2);
        if (inHi > inLo) {
            total += inHi - inLo;
        }
        // Left of A: d = a1 − x; kinks where a1 − e1 − d = 0 (x = e1) and e2 − a2 − d = 0 (x = a1 + a2 − e2).
        if (u < a1) {
            total += piecewiseLinear(u, Math.min(v, a1), new double[] {e1, a1 + a2 - e2}, x -> survival(a1 - x, a1, a2, e1, e2));
        }
        // Right of A: d = x − a2; kinks at x = a1 + a2 − e1 and x = e2.
        if (v > a2) {
            total += piecewiseLinear(Math.max(u, a2), v, new double[] {a1 + a2 - e1, e2}, x -> survival(x - a2, a1, a2, e1, e2));
        }
        return total;
    }

    /**
     * ∫_{y=u}^{v} F̄_y(dist(y, I)) dy for the predicted interval I = {i1, i2} in the zone [e1, e2], where
     * F̄_y(d) = P(|X − y| ≥ d) = 1 − (min(d, y − e1) + min(d, e2 − y)) / (e2 − e1) for X uniform on the
     * zone: the chance that a random point of the zone lies at least as far from y as the prediction.
     * Continuous in y (1 on I); linear between I's ends and the kinks (i1 + e1)/2, (i2 + e2)/2.
     */
    static double integrateRecall(double u, double v, double[] in, double e1, double e2) {
        double i1 = in[0];
        double i2 = in[1];
        return piecewiseLinear(u, v, new double[] {i1, i2, (i1 + e1) / 2, (i2 + e2) / 2}, y -> {
            double d = y < i1 ? i1 - y : y > i2 ? y - i2 : 0;
            return 1 - (Math.min(d, y - e1) + Math.min(d, e2 - y)) / (e2 - e1);
        });
    }

    private static double survival(double d, double a1, double a2, double e1, double e2) {
        return (Math.max(0, a1 - e1 - d) + Math.max(0, e2 - a2 - d)) / (e2 - e1);
    }

    /** Exact integral over [lo, hi] of a continuous function linear between the given kinks. */
    private static double piecewiseLinear(double lo, double hi, double[] kinks, java.util.function.DoubleUnaryOperator f) {
        if (!(hi > lo)) {
            return 0;
        }
        double[] pts = new double[kinks.length + 2];
        int m = 0;
        pts[m++] = lo;
        for (double k : kinks) {
            if (k > lo && k < hi) {
                pts[m++] = k;
            }
        }
        pts[m++] = hi;
        Arrays.sort(pts, 0, m);
        double s = 0;
        for (int i = 0; i + 1 < m; i++) {
            s += (pts[i + 1] - pts[i]) * (f.applyAsDouble(pts[i]) + f.applyAsDouble(pts[i + 1])) / 2;
        }
        return s;
    }
}
