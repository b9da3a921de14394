/**
 * Batch series detectors, each registered as a {@link io.argus.core.params.MethodProvider} of modality
 * "series": univariate scoring rules (matrix profile, spectral residual, POLY, KShape-AD, Series2Graph,
 * THEMIS's scoring stage) run per channel by {@link io.argus.timeseries.methods.ChannelIndependent}
 * (score per step and channel as localization), and channel-dependent joint detectors (PCA T²+Q, the
 * windowed table methods on all channels' windows).
 */
package io.argus.timeseries.methods;
