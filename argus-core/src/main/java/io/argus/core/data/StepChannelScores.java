package io.argus.core.data;

import io.argus.core.Localization;
import java.util.Objects;

/**
 * Localization of series scores: a score per step <em>and</em> channel (higher = more anomalous),
 * step-major ({@code values[t * channels + c]}), telling which channel is anomalous at each step.
 *
 * @param steps number of steps
 * @param channels number of channels
 * @param values step-major scores, length steps*channels
 */
public record StepChannelScores(int steps, int channels, double[] values) implements Localization {

    /** Validates the shape. */
    public StepChannelScores {
        Objects.requireNonNull(values, "values");
        if ((long) steps * channels != values.length) {
            throw new IllegalArgumentException("shape mismatch: expected " + steps + "x" + channels + " scores, got " + values.length);
        }
    }

    /** Score of step t, channel c. */
    public double get(int t, int c) {
        return values[t * channels + c];
    }

    @Override
    public String kind() {
        return "step-channel";
    }
}
