package io.argus.timeseries.stream;

import io.argus.core.Detector;
import io.argus.core.data.Series;

/**
 * A series detector that can be told, before it sees a series, the range of the values it will see.
 *
 * <p>This is the Numenta Anomaly Benchmark's harness convention: NAB's runner gives every detector the
 * minimum and maximum value of the whole data file ({@code inputMin}, {@code inputMax} in
 * {@code nab/detectors/base.py}) before streaming the file to it, and some of its detectors (CAD OSE,
 * HTM) quantise over that range. It reads unlabelled values only, but values of the whole file, later
 * steps included, so a benchmark suite calls it only to reproduce NAB's protocol; outside NAB a
 * detector takes its range from its training data.
 */
public interface InputRangeAware {

    /**
     * The same method configured with a fixed value range [min, max].
     *
     * @throws IllegalArgumentException when a bound is not finite or min &gt; max
     */
    Detector<Series> withInputRange(double min, double max);
}
