package io.argus.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Anomaly scores, one per unit of the scored data (higher = more anomalous), with optional
 * localization: where inside each unit the anomaly is (a pixel map, a score per step and channel, a
 * token span). Localization is data, not a picture.
 */
public final class Scores {

    private final double[] values;
    private final Localization localization;

    private Scores(double[] values, Localization localization) {
        this.values = values;
        this.localization = localization;
    }

    /**
     * Scores without localization. The array is taken, not copied.
     *
     * @throws IllegalArgumentException when a value is NaN (a method that cannot score a unit must say so, not return NaN)
     */
    public static Scores of(double[] values) {
        return of(values, null);
    }

    /** Scores with localization (may be null). The array is taken, not copied. */
    public static Scores of(double[] values, Localization localization) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        return new Scores(values, localization);
    }

    /** Number of scored units. */
    public int size() {
        return values.length;
    }

    /** Score of unit i. */
    public double get(int i) {
        return values[i];
    }

    /** The scores; callers must not modify the array. */
    public double[] values() {
        return values;
    }

    /** A copy of the scores. */
    public double[] toArray() {
        return values.clone();
    }

    /** Where inside each unit the anomaly lies, when the method localizes. */
    public Optional<Localization> localization() {
        return Optional.ofNullable(localization);
    }

    @Override
    public String toString() {
        return "Scores[n=" + values.length + (localization == null ? "" : ", " + localization) + "]"
                + (values.length <= 8 ? Arrays.toString(values) : "");
    }
}
