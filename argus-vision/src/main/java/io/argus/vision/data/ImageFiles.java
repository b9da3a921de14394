package io.argus.vision.data;

import io.argus.metrics.pixel.GroundTruthMask;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Decodes image and mask files with the JDK's ImageIO (PNG, JPEG, BMP, GIF) and the TwelveMonkeys
 * plug-ins on the class path (TIFF, CMYK JPEG), failing with the file's name and the reason: a file
 * that is missing, in a format no reader knows, or corrupt.
 */
public final class ImageFiles {

    /** File extensions read as images when a folder is listed (lower case, without the dot). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    private ImageFiles() {
    }

    /** Whether the file name has one of {@link #EXTENSIONS}. */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /**
     * Decodes an image.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not an image format any
     *         installed reader knows, or corrupt (truncated, bad markers)
     */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such image file");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": corrupt or unreadable image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new IllegalArgumentException(file + ": not an image in a supported format (PNG, JPEG, BMP, TIFF)");
        }
        if (img.getWidth() < 1 || img.getHeight() < 1) {
            throw new IllegalArgumentException(file + ": image has an empty side (" + img.getWidth() + "x" + img.getHeight() + ")");
        }
        return img;
    }

    /** Whether an image has a single colour channel (grayscale, with or without alpha). */
    public static boolean isGray(BufferedImage img) {
        return img.getColorModel().getNumColorComponents() == 1;
    }

    /**
     * Reads a ground-truth mask (any non-zero value of the first band marks an anomalous pixel), which
     * must have the size of its image.
     *
     * @throws IllegalArgumentException naming the file when it cannot be decoded or its size is not
     *         {@code width x height}
     */
    public static GroundTruthMask readMask(Path file, int width, int height) {
        BufferedImage img = read(file);
        if (img.getWidth() != width || img.getHeight() != height) {
            throw new IllegalArgumentException(file + ": mask is " + img.getWidth() + "x" + img.getHeight()
                    + " but its image is " + width + "x" + height);
        }
        Raster r = img.getRaster();
        boolean[] a = new boolean[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            r.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                a[y * width + x] = row[x] != 0;
            }
        }
        return new GroundTruthMask(width, height, a);
    }

    /** An all-normal mask of the given size. */
    public static GroundTruthMask emptyMask(int width, int height) {
        return new GroundTruthMask(width, height, new boolean[width * height]);
    }
}
