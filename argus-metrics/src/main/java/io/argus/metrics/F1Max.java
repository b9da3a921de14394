package io.argus.metrics;

/**
 * The best F1 score over thresholds and where it is reached: flagging {@code score >= threshold} gives
 * F1 = {@code f1}, with that precision and recall. Made by {@link BinaryMetrics#f1Max}.
 *
 * @param f1 the maximum F1 = 2·TP / (2·TP + FP + FN), in [0, 1]
 * @param threshold the highest distinct score reaching it
 * @param precision TP / (TP + FP) at that threshold
 * @param recall TP / (TP + FN) at that threshold
 */
public record F1Max(double f1, double threshold, double precision, double recall) {
}
