package io.argus.metrics.series;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Facade over the time-series metrics, with the name registry that {@code argus eval --kind series}
 * uses. Each entry works on per-step scores and 0/1 labels:
 * <ul>
 *   <li>{@code vus_roc}, {@code vus_pr}: {@link Vus}, sliding window {@value Vus#SLIDING_WINDOW_DEFAULT}
 *       (TSB-AD's {@code get_metrics} default; call {@link #vus} with {@link Vus#slidingWindow} of the
 *       raw series to follow TSB-AD's benchmark exactly);</li>
 *   <li>{@code range_f1} ({@link RangeBasedPR}, TSB-AD defaults), {@code event_f1}
 *       ({@link EventMetrics#eventF1}), {@code pa_f1_optimistic}
 *       ({@link EventMetrics#pointAdjustedF1Optimistic}), {@code affiliation_precision} and
 *       {@code affiliation_recall} ({@link Affiliation}, at the threshold maximising affiliation F1):
 *       the best value over TSB-AD's 100 thresholds {@code linspace(min, max, 100)} with the strict
 *       rule score &gt; threshold — TSB-AD's "oracle" protocol, which uses the labels;</li>
 *   <li>{@code nab_standard}, {@code nab_low_fp}, {@code nab_low_fn}: {@link NabScore} of this one
 *       series with the labelled ranges as windows, threshold optimised as NAB's sweeper does.</li>
 * </ul>
 * Those marked by {@link SeriesMetric#thresholdFromLabels()} choose their threshold with the labels.
 */
public final class SeriesMetrics {

    /** Number of thresholds of TSB-AD's oracle sweep for thresholded metrics. */
    public static final int ORACLE_THRESHOLDS = 100;

    /**
     * Best value of a thresholded metric over a threshold sweep.
     *
     * @param value     the best value
     * @param threshold the threshold giving it (a step is predicted when its score is &gt; threshold)
     */
    public record Best(double value, double threshold) {
    }

    private static final Map<String, SeriesMetric> BY_NAME = new LinkedHashMap<>();

    static {
        register("range_f1", true, (s, y) -> bestOverThresholds(s, y, p -> rangeF1(y, p).f1()).value());
        register("vus_roc", false, (s, y) -> vus(s, y, Vus.SLIDING_WINDOW_DEFAULT).roc());
        register("vus_pr", false, (s, y) -> vus(s, y, Vus.SLIDING_WINDOW_DEFAULT).pr());
        register("event_f1", true, (s, y) -> bestOverThresholds(s, y, p -> eventF1(y, p).f1()).value());
        register("pa_f1_optimistic", true, (s, y) -> bestOverThresholds(s, y, p -> pointAdjustedF1Optimistic(y, p).f1()).value());
        register("affiliation_precision", true, (s, y) -> affiliationAtBestF1(s, y).precision());
        register("affiliation_recall", true, (s, y) -> affiliationAtBestF1(s, y).recall());
        register("nab_standard", true, (s, y) -> nab(s, y, NabProfile.STANDARD).score());
        register("nab_low_fp", true, (s, y) -> nab(s, y, NabProfile.REWARD_LOW_FP).score());
        register("nab_low_fn", true, (s, y) -> nab(s, y, NabProfile.REWARD_LOW_FN).score());
    }

    private SeriesMetrics() {
    }

    /** All registered metrics, in the order result tables list them. */
    public static List<SeriesMetric> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The metric of that name; an unknown name gives an error listing the known ones. */
    public static SeriesMetric byName(String name) {
        SeriesMetric m = BY_NAME.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown series metric '" + name + "'; known metrics: " + String.join(", ", BY_NAME.keySet()));
        }
        return m;
    }

    /** Range-based precision/recall/F1 of binary predictions with TSB-AD's defaults (α = 0.2, flat, 1/count). */
    public static PrecisionRecall rangeF1(int[] labels, int[] predictions) {
        return RangeBasedPR.evaluate(labels, predictions, RangeBasedPR.Options.TSB_AD);
    }

    /** VUS-ROC and VUS-PR with buffers 0..{@code slidingWindow}; see {@link Vus}. */
    public static Vus.Result vus(double[] scores, int[] labels, int slidingWindow) {
        checkLength(scores, labels);
        return Vus.vus(scores, labels, slidingWindow);
    }

    /** Range-AUC-ROC and -PR at one buffer; see {@link Vus#rangeAuc}. */
    public static Vus.Result rangeAuc(double[] scores, int[] labels, int buffer) {
        checkLength(scores, labels);
        return Vus.rangeAuc(scores, Ranges.rangesOf(labels, "label"), buffer);
    }

    /** Event-wise F1 of binary predictions; see {@link EventMetrics#eventF1}. */
    public static PrecisionRecall eventF1(int[] labels, int[] predictions) {
        return EventMetrics.eventF1(labels, predictions);
    }

    /** Point-adjusted F1 (optimistic; see the warning in {@link EventMetrics#pointAdjustedF1Optimistic}). */
    public static PrecisionRecall pointAdjustedF1Optimistic(int[] labels, int[] predictions) {
        return EventMetrics.pointAdjustedF1Optimistic(labels, predictions);
    }

    /** Affiliation precision and recall of binary predictions; see {@link Affiliation}. */
    public static Affiliation.Result affiliation(int[] labels, int[] predictions) {
        return Affiliation.evaluate(labels, predictions);
    }

    /** NAB score of one series (labelled ranges as windows) with NAB's threshold optimisation. */
    public static NabScore.Result nab(double[] scores, int[] labels, NabProfile profile) {
        checkLength(scores, labels);
        return NabScore.optimize(List.of(new NabScore.Series(scores, Ranges.rangesOf(labels, "label"))), profile);
    }

    /**
     * The best value of {@code metric} (a function of 0/1 predictions) over TSB-AD's oracle sweep:
     * thresholds {@code linspace(min, max, 100)}, a step predicted when its score is &gt; the threshold.
     * Ties keep the lowest threshold (numpy's argmax). Uses the labels through {@code metric}: an
     * optimistic, oracle number.
     */
    public static Best bestOverThresholds(double[] scores, int[] labels, Function<int[], Double> metric) {
        checkLength(scores, labels);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("the series is empty");
        }
        double step = (max - min) / (ORACLE_THRESHOLDS - 1);
        double best = Double.NEGATIVE_INFINITY;
        double bestThr = Double.NaN;
        int[] pred = new int[scores.length];
        for (int k = 0; k < ORACLE_THRESHOLDS; k++) {
            double thr = k == ORACLE_THRESHOLDS - 1 ? max : min + k * step;
            for (int i = 0; i < scores.length; i++) {
                pred[i] = scores[i] > thr ? 1 : 0;
            }
            double v = metric.apply(pred);
            if (v > best) {
                best = v;
                bestThr = thr;
            }
        }
        return new Best(best, bestThr);
    }

    private static Affiliation.Result affiliationAtBestF1(double[] scores, int[] labels) {
        Best b = bestOverThresholds(scores, labels, p -> affiliation(labels, p).f1());
        int[] pred = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            pred[i] = scores[i] > b.threshold() ? 1 : 0;
        }
        return affiliation(labels, pred);
    }

    private static void checkLength(double[] scores, int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        Ranges.validateScores(scores, labels.length, "labels");
        Ranges.rangesOf(labels, "label");
    }

    private static void register(String name, boolean fromLabels, ToDoubleBiFunction<double[], int[]> f) {
        BY_NAME.put(name, new SeriesMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean thresholdFromLabels() {
                return fromLabels;
            }

            @Override
            public double compute(double[] scores, int[] labels) {
                checkLength(scores, labels);
                return f.applyAsDouble(scores, labels);
            }

            @Override
            public String toString() {
                return name;
            }
        });
    }
}
