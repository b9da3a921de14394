/** Log anomaly detectors over sessions of events, their count features, explanations and intrinsic thresholds. */
package io.argus.logs.detect;
