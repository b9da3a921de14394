package io.argus.core.model;

/**
 * Where a model came from, recorded in its file so that any result can be traced back.
 *
 * @param dataFingerprint SHA-256 of the training data (shape and values), hex
 * @param dataSource the training file name, or "" when fitted in memory
 * @param rows training units
 * @param cols training features (0 when not a table)
 * @param argusVersion the Argus version that fitted it
 * @param seed the master seed of the fit
 * @param created when it was fitted, ISO-8601 UTC
 */
public record Provenance(String dataFingerprint, String dataSource, long rows, int cols, String argusVersion, long seed,
        String created) {
}
