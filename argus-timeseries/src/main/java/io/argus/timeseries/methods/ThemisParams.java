package io.argus.timeseries.methods;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import java.util.Objects;

/**
 * Parameters of {@link Themis}.
 *
 * @param window window length; 0 = the training part's period (TSB-AD's rule)
 * @param components embedding dimension (principal axes of the training windows)
 * @param adapter how the similarity matrix becomes window scores
 * @param rank eigenpairs kept by the spectral adapter, neighbours averaged by the top-k adapter
 * @param band similarity band in windows (0 = the whole matrix)
 * @param maxWindows largest number of windows in the similarity matrix (sets the stride)
 */
public record ThemisParams(
        @Param(doc = "window length; 0 = the training part's period", min = 0, max = 100_000) int window,
        @Param(doc = "embedding dimension (principal axes of the training windows)", min = 1, max = 1000) int components,
        @Param(doc = "scoring adapter: SPECTRAL, LOF, MEAN or TOPK") Themis.Adapter adapter,
        @Param(doc = "eigenpairs kept (SPECTRAL) or neighbours averaged (TOPK)", min = 1, max = 1000) int rank,
        @Param(doc = "similarity band in windows; 0 = the whole matrix", min = 0, max = 1_000_000) int band,
        @Param(doc = "largest number of windows in the N×N similarity matrix", min = 8, max = 5000) int maxWindows) {

    /** Defaults: period windows, 8-d embedding, spectral adapter of rank 5, full matrix, at most 1000 windows. */
    public static final ThemisParams DEFAULTS = new ThemisParams(0, 8, Themis.Adapter.SPECTRAL, 5, 0, 1000);

    public ThemisParams {
        Params.checkRange("window", window, 0, 100_000);
        Params.checkRange("components", components, 1, 1000);
        Objects.requireNonNull(adapter, "adapter");
        Params.checkRange("rank", rank, 1, 1000);
        Params.checkRange("band", band, 0, 1_000_000);
        Params.checkRange("maxWindows", maxWindows, 8, 5000);
    }
}
