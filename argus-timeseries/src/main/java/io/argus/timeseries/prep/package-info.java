/**
 * Preparing series for detectors: sliding windows and the way window scores return to steps,
 * per-channel normalisation fitted on training data, TSB-AD's period estimate, and the cleaning
 * policies for unsorted or duplicate timestamps, gaps and missing values.
 */
package io.argus.timeseries.prep;
