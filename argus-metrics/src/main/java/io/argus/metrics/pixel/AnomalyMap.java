package io.argus.metrics.pixel;

/**
 * The anomaly map of one image: one score per pixel, row-major ({@code values[y * width + x]}), higher =
 * more anomalous. The array is held, not copied, so that a data set of maps costs its floats once; do not
 * change it while a metric reads it. Finite values are required by the metrics, which name the image and
 * pixel of a NaN or infinite value.
 *
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param values {@code width * height} scores
 */
public record AnomalyMap(int width, int height, float[] values) {

    /** Checks the shape: positive sides and {@code values.length == width * height}. */
    public AnomalyMap {
        checkShape("anomaly map", width, height, values == null ? -1 : values.length);
    }

    static void checkShape(String what, int width, int height, int length) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(what + " size " + width + "x" + height + " is empty; both sides must be at least 1");
        }
        if (length < 0) {
            throw new IllegalArgumentException(what + " values are null");
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException(what + " is " + width + "x" + height + " = " + ((long) width * height)
                    + " pixels but holds " + length + " values");
        }
    }
}
