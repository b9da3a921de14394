package io.argus.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A time series of T steps × C channels, float32, stored step-major ({@code values[t * C + c]}), with
 * optional timestamps (epoch milliseconds, strictly increasing) and optional per-step binary labels (1 =
 * the step lies inside a labelled anomaly). The scored unit is the step: a model over series gives one
 * score per step. Labels are for evaluation only: no detector reads them.
 *
 * <p>Every value is finite; readers turn gaps and missing values into finite values through an explicit
 * policy before they build a series.
 */
public final class Series implements Dataset {

    private final int steps;
    private final int channels;
    private final float[] values;
    private final long[] timestamps;
    private final List<String> names;
    private final int[] labels;
    private final String source;

    private Series(int steps, int channels, float[] values, long[] timestamps, List<String> names, int[] labels, String source) {
        this.steps = steps;
        this.channels = channels;
        this.values = values;
        this.timestamps = timestamps;
        this.names = names;
        this.labels = labels;
        this.source = source;
    }

    /**
     * Builds a series over a step-major array (taken, not copied).
     *
     * @param steps number of steps T, at least 0
     * @param channels number of channels C, at least 1
     * @param values step-major values, length T*C, all finite
     * @param timestamps one strictly increasing timestamp per step (epoch ms), or null for none
     * @param names channel names (size C), or null for {@code c0..c(C-1)}
     * @param labels one 0/1 label per step, or null when unlabelled
     * @param source where the data came from (a file name), for error messages; may be null
     * @throws IllegalArgumentException when a shape does not match, a value is not finite, a timestamp
     *         does not increase or a label is not 0/1 (the message names the step)
     */
    public static Series of(int steps, int channels, float[] values, long[] timestamps, List<String> names, int[] labels,
            String source) {
        Objects.requireNonNull(values, "values");
        String where = source == null ? "" : source + ": ";
        if (steps < 0) {
            throw new IllegalArgumentException(where + "steps must be >= 0, got " + steps);
        }
        if (channels < 1) {
            throw new IllegalArgumentException(where + "channels must be >= 1, got " + channels);
        }
        if ((long) steps * channels != values.length) {
            throw new IllegalArgumentException(where + "shape mismatch: expected " + steps + "x" + channels + " = "
                    + ((long) steps * channels) + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(where + "value at step " + (i / channels) + ", channel " + (i % channels)
                        + " is " + values[i] + "; choose a missing-value policy when reading");
            }
        }
        if (timestamps != null) {
            if (timestamps.length != steps) {
                throw new IllegalArgumentException(where + "expected " + steps + " timestamps, got " + timestamps.length);
            }
            for (int t = 1; t < steps; t++) {
                if (timestamps[t] <= timestamps[t - 1]) {
                    throw new IllegalArgumentException(where + "timestamps must increase strictly: step " + t + " has "
                            + timestamps[t] + " after " + timestamps[t - 1]);
                }
            }
        }
        List<String> n;
        if (names == null) {
            List<String> gen = new ArrayList<>(channels);
            for (int c = 0; c < channels; c++) {
                gen.add("c" + c);
            }
            n = List.copyOf(gen);
        } else {
            if (names.size() != channels) {
                throw new IllegalArgumentException(where + "expected " + channels + " channel names, got " + names.size());
            }
            n = List.copyOf(names);
        }
        if (labels != null) {
            if (labels.length != steps) {
                throw new IllegalArgumentException(where + "expected " + steps + " labels, got " + labels.length);
            }
            for (int t = 0; t < steps; t++) {
                if (labels[t] != 0 && labels[t] != 1) {
                    throw new IllegalArgumentException(where + "label at step " + t + " is " + labels[t] + "; labels must be 0 or 1");
                }
            }
        }
        return new Series(steps, channels, values, timestamps, n, labels, source);
    }

    /** A univariate series without timestamps or labels (the array is taken, not copied). */
    public static Series univariate(float[] values) {
        return of(values.length, 1, values, null, null, null, null);
    }

    @Override
    public int size() {
        return steps;
    }

    /** Number of steps T. */
    public int steps() {
        return steps;
    }

    /** Number of channels C. */
    public int channels() {
        return channels;
    }

    /** Value at step t, channel c. */
    public float get(int t, int c) {
        return values[t * channels + c];
    }

    /** The step-major backing array; callers must not modify it. */
    public float[] values() {
        return values;
    }

    /** A copy of one channel's values over all steps. */
    public float[] channel(int c) {
        Objects.checkIndex(c, channels);
        float[] out = new float[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = values[t * channels + c];
        }
        return out;
    }

    /** Channel names. */
    public List<String> names() {
        return names;
    }

    /** Timestamps (epoch ms), when the series has them; callers must not modify the array. */
    public Optional<long[]> timestamps() {
        return Optional.ofNullable(timestamps);
    }

    /** Per-step labels, when the series has them; callers must not modify the array. */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    /** The labelled anomalies as maximal runs of label 1 (empty when unlabelled). */
    public List<LabelRange> labelRanges() {
        return labels == null ? List.of() : LabelRange.fromLabels(labels);
    }

    /** Where the data came from, or null. */
    public String source() {
        return source;
    }

    /** Steps [from, to) as a new series (values, timestamps and labels copied). */
    public Series slice(int from, int to) {
        Objects.checkFromToIndex(from, to, steps);
        return new Series(to - from, channels, Arrays.copyOfRange(values, from * channels, to * channels),
                timestamps == null ? null : Arrays.copyOfRange(timestamps, from, to), names,
                labels == null ? null : Arrays.copyOfRange(labels, from, to), source);
    }

    /** The same series without labels, to hand to a detector. */
    public Series withoutLabels() {
        return labels == null ? this : new Series(steps, channels, values, timestamps, names, null, source);
    }

    @Override
    public String toString() {
        return "Series[" + steps + "x" + channels + (source == null ? "" : ", " + source) + "]";
    }

    /**
     * One labelled anomaly: the steps {@code start..end}, both inclusive.
     *
     * @param start first anomalous step
     * @param end last anomalous step (inclusive)
     */
    public record LabelRange(int start, int end) {

        /** Validates {@code 0 <= start <= end}. */
        public LabelRange {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("label range needs 0 <= start <= end, got [" + start + ", " + end + "]");
            }
        }

        /** Number of steps in the range. */
        public int length() {
            return end - start + 1;
        }

        /** The maximal runs of 1 in per-step labels. */
        public static List<LabelRange> fromLabels(int[] labels) {
            List<LabelRange> out = new ArrayList<>();
            int t = 0;
            while (t < labels.length) {
                if (labels[t] == 1) {
                    int s = t;
                    while (t < labels.length && labels[t] == 1) {
                        t++;
                    }
                    out.add(new LabelRange(s, t - 1));
                } else {
                    t++;
                }
            }
            return out;
        }

        /** Per-step labels of length {@code steps} with these ranges set to 1 (ranges are clipped to the series). */
        public static int[] toLabels(List<LabelRange> ranges, int steps) {
            int[] out = new int[steps];
            for (LabelRange r : ranges) {
                for (int t = r.start; t <= Math.min(r.end, steps - 1); t++) {
                    out[t] = 1;
                }
            }
            return out;
        }
    }
}
