package io.argus.core;

/**
 * Receives progress of a long-running task. Methods call it from any thread; implementations must be
 * thread-safe and cheap. The CLI draws progress bars from it; libraries never print.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void done() {
        }
    };

    /** A task starts; {@code total} is the number of units of work, or -1 when unknown. */
    void start(String task, long total);

    /** {@code units} more units of the current task are done. */
    void advance(long units);

    /** The current task is done. */
    void done();
}
