/**
 * Time-series anomaly-detection metrics: per-step scores or binary predictions against labelled
 * {@link io.argus.metrics.series.Range ranges}. Threshold-free: {@link io.argus.metrics.series.Vus}
 * (VUS-ROC/PR, range-AUC). Thresholded: {@link io.argus.metrics.series.RangeBasedPR} (Tatbul et al.),
 * {@link io.argus.metrics.series.EventMetrics} (event-wise F1, point-adjusted F1 — optimistic),
 * {@link io.argus.metrics.series.Affiliation} (Huet et al.), {@link io.argus.metrics.series.NabScore}
 * (NAB). {@link io.argus.metrics.series.SeriesMetrics} is the facade and name registry.
 */
package io.argus.metrics.series;
