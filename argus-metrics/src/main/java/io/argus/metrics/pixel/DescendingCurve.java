package io.argus.metrics.pixel;

/**
 * Walks groups of pixels in decreasing score order (a group = pixels flagged together by one threshold:
 * one distinct score in exact mode, one bin in streaming mode) and integrates ROC, PR and PRO at once.
 * Each group contributes a point of every curve; between points the curves are linear (trapezoids), which
 * is the tie convention of AUROC and of the PRO curve.
 */
final class DescendingCurve {

    private final long positives;
    private final long negatives;
    private final long regions;
    private final double fprLimit;

    private long tp;
    private long fp;
    private double proWeight;
    private double wins;
    private double aurocErr;
    private double ap;
    private double apErr;
    private double bestF1;
    private double bestThreshold = Double.NaN;
    private double proArea;
    private double proErr;
    private boolean proDone;
    private double x0;
    private double y0;

    DescendingCurve(long positives, long negatives, long regions, double fprLimit) {
        PixelMetrics.checkDefined(positives, negatives);
        this.positives = positives;
        this.negatives = negatives;
        this.regions = regions;
        this.fprLimit = fprLimit;
    }

    /**
     * Adds the next group, below all earlier ones.
     *
     * @param threshold   the smallest score of the group (flagging it means flagging scores ≥ threshold)
     * @param pos         anomalous pixels in the group
     * @param neg         normal pixels in the group
     * @param weight      Σ 1/size(region) over the group's anomalous pixels
     */
    void group(double threshold, long pos, long neg, double weight) {
        // Mann–Whitney: each normal pixel of the group is beaten by every anomalous pixel above the group and
        // ties with the group's anomalous pixels. Within-group pairs are what binning cannot resolve.
        wins += neg * (tp + 0.5 * pos);
        aurocErr += 0.5 * pos * (double) neg;
        long tp0 = tp;
        long seen0 = tp + fp;
        tp += pos;
        fp += neg;
        if (pos > 0) {
            double share = (double) pos / positives;
            ap += share * ((double) tp / (tp + fp));
            // Inside the group, the precision at any anomalous pixel lies between these two, whatever the order.
            double lo = (double) (tp0 + 1) / (seen0 + 1 + neg);
            double hi = (double) tp / (seen0 + pos);
            apErr += share * (hi - lo);
            double precision = (double) tp / (tp + fp);
            double recall = (double) tp / positives;
            double f1 = 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = threshold;
            }
        }
        proWeight += weight;
        if (!proDone) {
            double x1 = (double) fp / negatives;
            // Σ 1/size rounds; PRO is a mean of fractions, so it is at most 1 and exactly 1 once every anomaly is flagged.
            double y1 = tp == positives ? 1.0 : Math.min(1.0, proWeight / regions);
            if (x1 <= fprLimit) {
                proArea += (x1 - x0) * (y0 + y1) / 2;
                proErr += (x1 - x0) * (y1 - y0) / 2;
            } else {
                double d = fprLimit - x0;
                double yAtLimit = y0 + (y1 - y0) * d / (x1 - x0);
                proArea += d * (y0 + yAtLimit) / 2;
                proErr += d * (y1 - y0);
                proDone = true;
            }
            x0 = x1;
            y0 = y1;
        }
    }

    PixelEvaluation result(boolean withBounds) {
        if (tp != positives || fp != negatives) {
            throw new IllegalStateException("curve walked " + tp + "/" + positives + " anomalous and " + fp + "/" + negatives + " normal pixels");
        }
        double pn = (double) positives * negatives;
        return new PixelEvaluation(wins / pn, ap, proArea / fprLimit, fprLimit, bestF1, bestThreshold,
                withBounds ? aurocErr / pn : 0, withBounds ? apErr : 0, withBounds ? proErr / fprLimit : 0);
    }
}
