package io.argus.timeseries.stream;

/** Makes a fresh {@link OnlineDetector} for a stream of {@code channels} values per step, seeded with {@code seed}. */
@FunctionalInterface
public interface OnlineFactory {

    /** A new detector that has seen nothing. */
    OnlineDetector create(int channels, long seed);
}
