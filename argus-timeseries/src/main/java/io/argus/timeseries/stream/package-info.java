/**
 * Streaming detectors over the steps of a series, score-then-learn in bounded memory
 * ({@link io.argus.timeseries.stream.OnlineDetector}): Random Cut Forest (AWS randomcutforest 4.4.0,
 * plain and thresholded), the online z-score/EWMA baseline, streaming Hotelling T², KNN-CAD, streaming
 * matrix-profile discords, and the SPOT/DSPOT extreme-value thresholds usable on any score stream.
 * Each is also a batch {@link io.argus.core.Detector} over series through
 * {@link io.argus.timeseries.stream.StreamingSeriesDetector}, registered with modality "series".
 */
package io.argus.timeseries.stream;
