/**
 * The diagnostic of "Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate": the
 * per-segment univariate vs cross-channel test
 * ({@link io.argus.timeseries.diagnose.CrossChannelDiagnostic}) and its synthetic generator of
 * cross-channel-only anomalies ({@link io.argus.timeseries.diagnose.SyntheticCrossChannel}).
 */
package io.argus.timeseries.diagnose;
