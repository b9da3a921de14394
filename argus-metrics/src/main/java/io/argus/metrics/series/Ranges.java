package io.argus.metrics.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between 0/1 labels per step and {@link Range} lists, and the checks every time-series
 * metric applies to its input. O(n) time.
 *
 * <p>Range lists are sorted by start and disjoint. Touching ranges ({@code [0, 3]} then {@code [4, 6]})
 * are allowed and stay two events; {@link #fromLabels} of their 0/1 vector merges them into one, which
 * is how vector-based tools (TSB-AD, the affiliation package) see them.
 */
public final class Ranges {

    private Ranges() {
    }

    /**
     * The maximal runs of 1 in {@code labels} (values must be 0 or 1).
     *
     * @throws IllegalArgumentException on a value other than 0 or 1
     */
    public static List<Range> fromLabels(int[] labels) {
        List<Range> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("label " + i + " is " + y + "; labels must be 0 or 1");
            }
            if (y == 1 && start < 0) {
                start = i;
            } else if (y == 0 && start >= 0) {
                out.add(new Range(start, i - 1));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Range(start, labels.length - 1));
        }
        return List.copyOf(out);
    }

    /** The maximal runs of {@code true} in {@code predictions}. */
    public static List<Range> fromPredictions(boolean[] predictions) {
        int[] y = new int[predictions.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = predictions[i] ? 1 : 0;
        }
        return fromLabels(y);
    }

    /**
     * 0/1 labels of length {@code n} with 1 on every step of {@code ranges}.
     *
     * @throws IllegalArgumentException when the ranges are unsorted, overlap or leave the series
     */
    public static int[] toLabels(List<Range> ranges, int n) {
        validate(ranges, n, "ranges");
        int[] y = new int[n];
        for (Range r : ranges) {
            for (int i = r.start(); i <= r.endInclusive(); i++) {
                y[i] = 1;
            }
        }
        return y;
    }

    /** Total number of steps covered by the (disjoint) ranges. */
    static long totalLength(List<Range> ranges) {
        long s = 0;
        for (Range r : ranges) {
            s += r.length();
        }
        return s;
    }

    /**
     * Checks that {@code ranges} are sorted by start, pairwise disjoint (touching is allowed) and inside
     * a series of length {@code n}; {@code what} names the argument in the message.
     */
    static void validate(List<Range> ranges, int n, String what) {
        if (ranges == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        Range prev = null;
        for (Range r : ranges) {
            if (r == null) {
                throw new IllegalArgumentException(what + " contain a null range");
            }
            if (r.endInclusive() >= n) {
                throw new IllegalArgumentException(what + ": range " + r + " lies outside the series of length " + n);
            }
            if (prev != null) {
                if (r.start() < prev.start()) {
                    throw new IllegalArgumentException(what + " must be sorted by start: " + r + " comes after " + prev);
                }
                if (r.start() <= prev.endInclusive()) {
                    throw new IllegalArgumentException(what + " must be disjoint: " + prev + " overlaps " + r);
                }
            }
            prev = r;
        }
    }

    /** Checks a score vector: non-null, the expected length and every value finite. */
    static void validateScores(double[] scores, int n, String lengthOf) {
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null");
        }
        if (n >= 0 && scores.length != n) {
            throw new IllegalArgumentException("length mismatch: " + scores.length + " scores but " + n + " " + lengthOf);
        }
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (Double.isInfinite(s)) {
                throw new IllegalArgumentException("score " + i + " is " + s + "; scores must be finite");
            }
        }
    }

    /** Checks that labels and predictions have the same length and hold only 0/1; returns their ranges. */
    static List<Range> rangesOf(int[] values, String what) {
        if (values == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(what + " " + i + " is " + values[i] + "; " + what + " must be 0 or 1");
            }
        }
        return fromLabels(values);
    }

    static void sameLength(int[] labels, int[] predictions) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException("length mismatch: " + predictions.length + " predictions but " + labels.length + " labels");
        }
    }

    /** Throws the "undefined" error used when the labels hold no anomaly. */
    static void requireAnomaly(List<Range> labels, String metric) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(metric + " undefined: the labels hold no anomaly");
        }
    }
}
