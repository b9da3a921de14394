package io.argus.tabular.ecod;

/**
 * Parameters of {@link Ecod}: none, ECOD is parameter-free (PyOD's {@code contamination} only sets a
 * threshold, which Argus chooses separately, and {@code n_jobs} is the {@link io.argus.core.Context}'s
 * thread count).
 */
public record EcodParams() {

    /** The only parameter set. */
    public static final EcodParams DEFAULTS = new EcodParams();
}
