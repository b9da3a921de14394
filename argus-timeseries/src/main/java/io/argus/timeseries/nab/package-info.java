/**
 * The Numenta Anomaly Benchmark: its reader ({@link io.argus.timeseries.nab.NabCorpus}) and its
 * protocol ({@link io.argus.timeseries.nab.NabProtocol}: streaming with NAB's probationary period, NAB
 * scores with label-free and with NAB-optimised thresholds).
 */
package io.argus.timeseries.nab;
