package io.argus.metrics.series;

import java.util.List;

/**
 * Event-level F1 scores of binary predictions against labelled ranges: the event-wise F1 and the
 * point-adjusted F1. O(n + N_r + N_p) time, O(1) extra memory beyond the range lists.
 */
public final class EventMetrics {

    private EventMetrics() {
    }

    /**
     * Event-wise precision, recall and F1. A labelled range is detected when at least one predicted
     * step falls inside it: recall = detected ranges / labelled ranges. A predicted event (a maximal run
     * of predicted steps) is correct when it shares a step with a labelled range: precision = correct
     * predicted events / predicted events, 0 when nothing is predicted. Every event counts once,
     * whatever its length, so long and short anomalies weigh the same. (TSB-AD's "Event-based-F1"
     * instead pairs this event recall with the point-wise precision.)
     *
     * <p><b>Caveat.</b> Predicted events are counted, not predicted steps: flagging (almost) every step
     * makes one or two huge events that touch an anomaly, so an all-positive prediction scores F1 = 1,
     * and an oracle threshold sweep finds it. Read it beside a step-aware metric (range-based F1,
     * VUS-PR).
     *
     * @throws IllegalArgumentException on bad ranges or no labelled range (recall undefined)
     */
    public static PrecisionRecall eventF1(List<Range> labels, List<Range> predicted, int n) {
        Ranges.validate(labels, n, "labels");
        Ranges.validate(predicted, n, "predictions");
        Ranges.requireAnomaly(labels, "event-wise F1");
        int detected = countOverlapping(labels, predicted);
        int correct = countOverlapping(predicted, labels);
        double recall = (double) detected / labels.size();
        double precision = predicted.isEmpty() ? 0 : (double) correct / predicted.size();
        return PrecisionRecall.of(precision, recall);
    }

    /** {@link #eventF1(List, List, int)} on 0/1 vectors of equal length. */
    public static PrecisionRecall eventF1(int[] labels, int[] predictions) {
        Ranges.sameLength(labels, predictions);
        return eventF1(Ranges.rangesOf(labels, "label"), Ranges.rangesOf(predictions, "prediction"), labels.length);
    }

    /**
     * Point-adjusted F1, <b>optimistic by construction</b>: when any step of a labelled range is
     * predicted, every step of that range counts as predicted; then the ordinary point-wise precision,
     * recall and F1 (precision 0 when nothing is predicted) are taken. This is the "PA" protocol of Xu
     * et al. (WWW 2018, Donut) used by many deep time-series papers and reported by TSB-AD as "PA-F1".
     *
     * <p><b>Warning.</b> Kim, Choi, Choi, Lee, Yoon, "Towards a Rigorous Evaluation of Time-Series
     * Anomaly Detection", AAAI 2022, show that point adjustment lets a random score reach
     * state-of-the-art F1 on long anomalies: one lucky step credits the whole range. Report it only
     * beside VUS-PR or range-based F1, and flag it. (TSB-AD's loop never adjusts step 0 of a range
     * that starts the series; here the whole range is adjusted.)
     *
     * @throws IllegalArgumentException on bad ranges or no labelled range (recall undefined)
     */
    public static PrecisionRecall pointAdjustedF1Optimistic(List<Range> labels, List<Range> predicted, int n) {
        Ranges.validate(labels, n, "labels");
        Ranges.validate(predicted, n, "predictions");
        Ranges.requireAnomaly(labels, "point-adjusted F1");
        long positives = Ranges.totalLength(labels);
        long predictedSteps = Ranges.totalLength(predicted);
        // Predicted steps inside labelled ranges, and steps of labelled ranges that get adjusted in.
        long tp = 0;
        long insidePredicted = 0;
        int j0 = 0;
        for (Range r : labels) {
            while (j0 < predicted.size() && predicted.get(j0).endInclusive() < r.start()) {
                j0++;
            }
            long overlap = 0;
            for (int j = j0; j < predicted.size() && predicted.get(j).start() <= r.endInclusive(); j++) {
                overlap += r.overlapLength(predicted.get(j));
            }
            insidePredicted += overlap;
            if (overlap > 0) {
                tp += r.length();
            }
        }
        long fp = predictedSteps - insidePredicted;
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = (double) tp / positives;
        return PrecisionRecall.of(precision, recall);
    }

    /** {@link #pointAdjustedF1Optimistic(List, List, int)} on 0/1 vectors of equal length. */
    public static PrecisionRecall pointAdjustedF1Optimistic(int[] labels, int[] predictions) {
        Ranges.sameLength(labels, predictions);
        return pointAdjustedF1Optimistic(Ranges.rangesOf(labels, "label"), Ranges.rangesOf(predictions, "prediction"), labels.length);
    }

    /** Number of ranges of {@code targets} that share a step with some range of {@code others}. */
    private static int countOverlapping(List<Range> targets, List<Range> others) {
        int count = 0;
        int j = 0;
        for (Range t : targets) {
            while (j < others.size() && others.get(j).endInclusive() < t.start()) {
                j++;
            }
            if (j < others.size() && others.get(j).start() <= t.endInclusive()) {
                count++;
            }
        }
        return count;
    }
}
