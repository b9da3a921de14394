package io.argus.timeseries.methods;

/** How the calibrated per-channel scores of a channel-independent detector become one score per step. */
public enum Aggregation {
    /** The largest channel score: a step is as anomalous as its most anomalous channel. */
    MAX,
    /** The mean over channels. */
    MEAN;

    double combine(double[] v, int off, int len) {
        double r = this == MAX ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < len; i++) {
            r = this == MAX ? Math.max(r, v[off + i]) : r + v[off + i];
        }
        return this == MAX ? r : r / len;
    }
}
