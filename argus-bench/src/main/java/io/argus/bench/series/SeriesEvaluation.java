package io.argus.bench.series;

import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.metrics.series.PrecisionRecall;
import io.argus.metrics.series.RangeBasedPR;
import io.argus.metrics.series.Vus;
import io.argus.core.threshold.ControlLimited;
import io.argus.timeseries.prep.Periods;
import java.util.Arrays;

/**
 * The metrics the series suites share, computed on the evaluated part of a series: VUS-PR and VUS-ROC
 * (TSB-AD's sliding window from the autocorrelation of the evaluated values), and, at a threshold chosen
 * without labels, point-wise F1, the false-alarm rate (FAR = FP / (FP + TN)) and the missed-alarm rate
 * (MAR = FN / (FN + TP)) in percent as SKAB reports them, and range-based F1 (Tatbul et al., with
 * TSB-AD's α = 0.2, flat bias, reciprocal cardinality).
 *
 * <p>Threshold rule (never sees labels): a model with a statistical control limit ({@link ControlLimited},
 * e.g. PCA T²+Q) uses it; any other model flags scores above the {@value #TRAINING_QUANTILE} quantile of
 * its scores on the training part, the usual rule of SKAB's baselines (a 1% false-alarm rate on
 * normal data).
 */
final class SeriesEvaluation {

    /** Quantile of the training-part scores used as the threshold of models without a control limit. */
    static final double TRAINING_QUANTILE = 0.99;

    private SeriesEvaluation() {
    }

    /** The threshold of a fitted model from its training-part scores (see the class comment). */
    static double threshold(Model<Series> model, double[] trainingScores) {
        if (model instanceof ControlLimited c) {
            return c.controlLimit();
        }
        double[] s = trainingScores.clone();
        Arrays.sort(s);
        double pos = TRAINING_QUANTILE * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Confusion counts of predictions score &gt; threshold. */
    record Counts(long tp, long fp, long fn, long tn) {
        static Counts of(double[] scores, int[] labels, double threshold) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long tn = 0;
            for (int t = 0; t < scores.length; t++) {
                boolean p = scores[t] > threshold;
                if (p && labels[t] == 1) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (labels[t] == 1) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Counts(tp, fp, fn, tn);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
        }

        double f1() {
            return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** False-alarm rate in percent. */
        double far() {
            return fp + tn == 0 ? Double.NaN : 100.0 * fp / (fp + tn);
        }

        /** Missed-alarm rate in percent. */
        double mar() {
            return fn + tp == 0 ? Double.NaN : 100.0 * fn / (fn + tp);
        }
    }

    /** VUS (ROC, PR) of scores against labels, NaN when the labels hold no anomaly or no normal step. */
    static Vus.Result vus(double[] scores, int[] labels, float[] values) {
        int pos = 0;
        for (int y : labels) {
            pos += y;
        }
        if (pos == 0 || pos == labels.length) {
            return new Vus.Result(Double.NaN, Double.NaN);
        }
        return Vus.vus(scores, labels, Periods.estimate(values));
    }

    /** Range-based F1 of the thresholded scores. */
    static double rangeF1(double[] scores, int[] labels, double threshold) {
        int[] pred = new int[scores.length];
        boolean anyLabel = false;
        for (int t = 0; t < scores.length; t++) {
            pred[t] = scores[t] > threshold ? 1 : 0;
            anyLabel |= labels[t] == 1;
        }
        if (!anyLabel) {
            return Double.NaN;
        }
        PrecisionRecall pr = RangeBasedPR.evaluate(labels, pred, RangeBasedPR.Options.TSB_AD);
        return pr.f1();
    }
}
