package io.argus.timeseries.stream;

/** Checks shared by the online detectors. */
final class Points {

    private Points() {
    }

    /** Throws when a value is NaN or infinite, naming the channel. */
    static void requireFinite(float[] point) {
        for (int c = 0; c < point.length; c++) {
            if (!Float.isFinite(point[c])) {
                throw new IllegalArgumentException("value of channel " + c + " is " + point[c]
                        + "; online detectors need finite values (impute missing steps first)");
            }
        }
    }

    /** Throws when the point does not have {@code channels} values. */
    static void requireChannels(float[] point, int channels) {
        if (point.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " values per step, got " + point.length);
        }
    }
}
