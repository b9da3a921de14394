package io.argus.tabular.copod;

/**
 * Parameters of {@link Copod}: none, COPOD is parameter-free (PyOD's {@code contamination} only sets a
 * threshold, which Argus chooses separately, and {@code n_jobs} is the {@link io.argus.core.Context}'s
 * thread count).
 */
public record CopodParams() {

    /** The only parameter set. */
    public static final CopodParams DEFAULTS = new CopodParams();
}
