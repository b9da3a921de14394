package io.argus.metrics.series;

/**
 * A contiguous run of time steps {@code start..endInclusive} (0-based, both ends included): one
 * labelled anomaly, one predicted event or one NAB anomaly window.
 *
 * @param start        first step of the run, at least 0
 * @param endInclusive last step of the run, at least {@code start}
 */
public record Range(int start, int endInclusive) {

    /** Validates the bounds. */
    public Range {
        if (start < 0) {
            throw new IllegalArgumentException("range start " + start + " is negative");
        }
        if (endInclusive < start) {
            throw new IllegalArgumentException("range [" + start + ", " + endInclusive + "] ends before it starts");
        }
    }

    /** A single-step range. */
    public static Range of(int step) {
        return new Range(step, step);
    }

    /** Number of steps in the range. */
    public int length() {
        return endInclusive - start + 1;
    }

    /** Whether {@code step} lies in the range. */
    public boolean contains(int step) {
        return step >= start && step <= endInclusive;
    }

    /** Whether the two ranges share at least one step. */
    public boolean overlaps(Range other) {
        return start <= other.endInclusive && other.start <= endInclusive;
    }

    /** Number of steps the two ranges share. */
    public int overlapLength(Range other) {
        return Math.max(0, Math.min(endInclusive, other.endInclusive) - Math.max(start, other.start) + 1);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + endInclusive + "]";
    }
}
