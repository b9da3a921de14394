package io.argus.bench;

import io.argus.core.ProgressListener;

/** Hears what a benchmark run does, so a front end can show it. */
public interface BenchListener {

    /** Ignores everything. */
    BenchListener NONE = new BenchListener() {
    };

    /** The run plan: how many runs in all and how many are already done from an earlier run. */
    default void planned(int total, int alreadyDone) {
    }

    /** A run starts. */
    default void started(DatasetRef dataset, String method, long seed) {
    }

    /** A run ended (ok, timeout or error). */
    default void finished(ResultRow row) {
    }

    /** The progress listener handed to each method (for progress bars of long runs). */
    default ProgressListener progress() {
        return ProgressListener.NONE;
    }
}
