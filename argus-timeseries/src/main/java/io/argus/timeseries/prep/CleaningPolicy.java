package io.argus.timeseries.prep;

import java.util.Objects;

/**
 * What to do with the defects real series have before they become a {@link io.argus.core.data.Series}:
 * rows out of time order, duplicate timestamps, missing steps (gaps) and missing values (NaN or empty
 * cells). Each defect has an explicit choice; the default rejects all of them with an error naming the
 * file and line, so that nothing is silently repaired.
 *
 * @param order rows whose timestamps decrease
 * @param duplicates rows with the same timestamp
 * @param gaps steps missing from an otherwise regular sampling
 * @param missing non-finite or empty values
 */
public record CleaningPolicy(Order order, Duplicates duplicates, Gaps gaps, Missing missing) {

    /** Rows out of time order. */
    public enum Order {
        /** Fail with the line of the first row whose timestamp is earlier than the one before. */
        REJECT,
        /** Sort the rows by timestamp (stable: rows with equal timestamps keep their file order). */
        SORT
    }

    /** Rows with equal timestamps (after sorting). */
    public enum Duplicates {
        /** Fail with the line of the first duplicate. */
        REJECT,
        /** Keep the first row of each timestamp. */
        KEEP_FIRST,
        /** Keep the last row of each timestamp. */
        KEEP_LAST,
        /** Average the rows of each timestamp (a label is 1 when any of them is 1). */
        MEAN
    }

    /**
     * Steps missing from a regular sampling. The sampling interval is the median difference of
     * consecutive timestamps; a difference above 1.5 intervals is a gap of round(diff / interval) − 1
     * missing steps.
     */
    public enum Gaps {
        /** Fail with the line after the first gap. */
        REJECT,
        /** Keep the irregular timestamps as they are (the detector sees consecutive rows as consecutive steps). */
        IGNORE,
        /** Insert the missing steps (values missing, imputed by the {@link Missing} policy; label 0). */
        FILL
    }

    /** Non-finite or empty values (including the values of inserted steps). */
    public enum Missing {
        /** Fail with the line and column of the first missing value (inserted steps: the gap's line). */
        REJECT,
        /** Linear interpolation between the nearest valid values; the ends take the nearest valid value. */
        LINEAR,
        /** The previous valid value (the first valid value for leading missing values). */
        FORWARD_FILL,
        /** Zero (after normalisation, zero is the training mean). */
        ZERO
    }

    /** Rejects every defect. */
    public static final CleaningPolicy STRICT = new CleaningPolicy(Order.REJECT, Duplicates.REJECT, Gaps.IGNORE, Missing.REJECT);

    /** Sorts, keeps the last of duplicate rows, fills gaps and interpolates missing values linearly. */
    public static final CleaningPolicy REPAIR = new CleaningPolicy(Order.SORT, Duplicates.KEEP_LAST, Gaps.FILL, Missing.LINEAR);

    public CleaningPolicy {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(duplicates, "duplicates");
        Objects.requireNonNull(gaps, "gaps");
        Objects.requireNonNull(missing, "missing");
    }

    /** This policy with another missing-value rule. */
    public CleaningPolicy withMissing(Missing m) {
        return new CleaningPolicy(order, duplicates, gaps, m);
    }

    /** This policy with another order rule. */
    public CleaningPolicy withOrder(Order o) {
        return new CleaningPolicy(o, duplicates, gaps, missing);
    }

    /** This policy with another duplicates rule. */
    public CleaningPolicy withDuplicates(Duplicates d) {
        return new CleaningPolicy(order, d, gaps, missing);
    }

    /** This policy with another gap rule. */
    public CleaningPolicy withGaps(Gaps g) {
        return new CleaningPolicy(order, duplicates, g, missing);
    }
}
