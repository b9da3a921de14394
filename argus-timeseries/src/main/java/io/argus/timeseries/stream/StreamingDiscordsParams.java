package io.argus.timeseries.stream;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link StreamingDiscords}. The matrix-profile papers fix no subsequence length (it is
 * the application's period); the default 64 is Argus' choice for minute-to-hour telemetry, and the
 * history of 8192 subsequences bounds memory and time per step. The exclusion zone is m/4, STUMPY's and
 * SCRIMP++'s default ({@code config.STUMPY_EXCL_ZONE_DENOM = 4}).
 *
 * @param window subsequence length m
 * @param history subsequences kept for the left nearest-neighbour search
 */
public record StreamingDiscordsParams(
        @Param(doc = "subsequence length m", min = 3, max = 100_000) int window,
        @Param(doc = "past subsequences searched for each new one (bounds memory)", min = 2, max = 1 << 24) int history) {

    /** The default subsequence length. */
    public static final int WINDOW_DEFAULT = 64;

    /** The default history. */
    public static final int HISTORY_DEFAULT = 8192;

    /** The defaults. */
    public static final StreamingDiscordsParams DEFAULTS = new StreamingDiscordsParams(WINDOW_DEFAULT, HISTORY_DEFAULT);

    public StreamingDiscordsParams {
        Params.checkRange("window", window, 3, 100_000);
        Params.checkRange("history", history, 2, 1 << 24);
    }
}
