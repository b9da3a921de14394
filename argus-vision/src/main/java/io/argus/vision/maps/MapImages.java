package io.argus.vision.maps;

import io.argus.core.io.AtomicFiles;
import io.argus.metrics.pixel.AnomalyMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Pictures made from anomaly maps: a heat-map overlay on the original image and a binary mask at a
 * threshold. Both are PNG files written atomically (a temporary file renamed over the target), so a
 * failure never leaves a half-written picture.
 *
 * <p>The overlay colours the map with the "jet" colour scale between {@code lo} (blue) and {@code hi}
 * (red), fixed for a whole scored set so that colours mean the same in every picture, and blends it
 * with the image at {@value #ALPHA}.
 */
public final class MapImages {

    /** Opacity of the heat map over the image. */
    public static final double ALPHA = 0.5;

    private MapImages() {
    }

    /**
     * The overlay picture of a map on its image (same size).
     *
     * @throws IllegalArgumentException when the map and the image differ in size
     */
    public static BufferedImage overlay(BufferedImage image, AnomalyMap map, double lo, double hi) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (map.width() != w || map.height() != h) {
            throw new IllegalArgumentException("map is " + map.width() + "x" + map.height() + " but the image is " + w + "x" + h);
        }
        double span = hi > lo ? hi - lo : 1.0;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[] v = map.values();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double t = Math.min(1.0, Math.max(0.0, (v[y * w + x] - lo) / span));
                int r = blend((rgb >> 16) & 0xff, jet(t, 0.75));
                int g = blend((rgb >> 8) & 0xff, jet(t, 0.5));
                int b = blend(rgb & 0xff, jet(t, 0.25));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** The binary mask (255 where the map is at least {@code threshold}, else 0) as an 8-bit grayscale image. */
    public static BufferedImage mask(AnomalyMap map, double threshold) {
        BufferedImage out = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        float[] v = map.values();
        for (int i = 0; i < v.length; i++) {
            px[i] = v[i] >= threshold ? (byte) 255 : 0;
        }
        return out;
    }

    /** Writes an image as PNG, atomically. */
    public static void writePng(Path file, BufferedImage image) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private static int blend(int base, double colour) {
        return (int) Math.round((1 - ALPHA) * base + ALPHA * 255 * colour);
    }

    /** One channel of the jet colour scale at t in [0, 1]; the channel peaks at {@code centre}. */
    private static double jet(double t, double centre) {
        return Math.max(0.0, Math.min(1.0, 1.5 - Math.abs(4 * (t - centre))));
    }
}
