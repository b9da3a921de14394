/** Log parsing (Drain), sessions and windows of events, and log anomaly detectors. */
package io.argus.logs;
