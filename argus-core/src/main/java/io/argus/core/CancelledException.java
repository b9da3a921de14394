package io.argus.core;

/** Thrown by a long-running method when its {@link Context} was cancelled. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
