/**
 * Readers of series files: the UCR anomaly archive, SKAB, and a generic delimited file with a
 * timestamp column, chosen value columns, labels and a training flag. Defects (unsorted or duplicate
 * timestamps, gaps, missing values) go through an explicit {@link io.argus.timeseries.prep.CleaningPolicy}.
 */
package io.argus.timeseries.io;
