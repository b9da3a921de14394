package io.argus.deep.series;

import io.argus.core.data.Dataset;
import io.argus.core.data.Table;
import java.util.Objects;

/**
 * A multivariate time series: the rows of a {@link Table} in time order, one unit per step. A stand-in
 * until the time-series module's series type can be used here.
 */
public final class Series implements Dataset {

    private final Table steps;

    private Series(Table steps) {
        this.steps = steps;
    }

    /** The steps of a table, in row order. */
    public static Series of(Table steps) {
        return new Series(Objects.requireNonNull(steps, "steps"));
    }

    /** The steps as a table (row i = step i). */
    public Table steps() {
        return steps;
    }

    /** Number of channels. */
    public int channels() {
        return steps.cols();
    }

    @Override
    public int size() {
        return steps.rows();
    }
}
