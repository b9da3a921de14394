package io.argus.metrics.pixel;

/**
 * The ground-truth mask of one image: {@code true} where a pixel is anomalous, row-major like
 * {@link AnomalyMap}. The array is held, not copied.
 *
 * @param width     pixels per row, at least 1
 * @param height    rows, at least 1
 * @param anomalous {@code width * height} flags
 */
public record GroundTruthMask(int width, int height, boolean[] anomalous) {

    /** Checks the shape: positive sides and {@code anomalous.length == width * height}. */
    public GroundTruthMask {
        AnomalyMap.checkShape("mask", width, height, anomalous == null ? -1 : anomalous.length);
    }

    /** A mask from bytes as image files store them (0 = normal, any other value = anomalous, e.g. 255). */
    public static GroundTruthMask fromBytes(int width, int height, byte[] values) {
        AnomalyMap.checkShape("mask", width, height, values == null ? -1 : values.length);
        boolean[] a = new boolean[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = values[i] != 0;
        }
        return new GroundTruthMask(width, height, a);
    }

    /** Number of anomalous pixels. */
    public int anomalousCount() {
        int c = 0;
        for (boolean b : anomalous) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
