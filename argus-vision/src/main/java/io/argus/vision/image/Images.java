package io.argus.vision.image;

import io.argus.metrics.pixel.GroundTruthMask;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes image files (PNG, JPEG, BMP, TIFF; grayscale and colour) into one of two canonical forms,
 * {@link BufferedImage#TYPE_BYTE_GRAY} or {@link BufferedImage#TYPE_INT_RGB}, and reads ground-truth masks.
 *
 * <p>Decoding is strict: a truncated file or a corrupt JPEG, which Java's decoders often turn into a
 * partly grey picture with only a warning, is an error here, as is a colour model other than grey or RGB
 * (CMYK, YCCK, two-channel). Every error is an {@link IllegalArgumentException} whose message starts with
 * the file. Alpha channels are dropped; 16-bit samples are reduced to 8 bits.
 */
public final class Images {

    private static final Logger LOG = LoggerFactory.getLogger(Images.class);

    static {
        // Picks up the TwelveMonkeys JPEG/TIFF plugins even when the class path was assembled late.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private Images() {
    }

    /** Whether a decoded image is single-channel grey (as {@link #read} returns it). */
    public static boolean isGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY
                || image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(image.getColorModel() instanceof IndexColorModel);
    }

    /**
     * Decodes an image file.
     *
     * @return a {@code TYPE_BYTE_GRAY} image for grey files, {@code TYPE_INT_RGB} for colour ones
     * @throws IllegalArgumentException when the file is missing, not an image, corrupt, truncated, or in
     *     an unsupported colour model; the message starts with the file
     */
    public static BufferedImage read(Path file) {
        BufferedImage raw = decode(file);
        return canonical(raw, file);
    }

    /**
     * Reads a ground-truth mask (a PNG, white = anomalous; a sample of 128 or more counts as anomalous so
     * that anti-aliased edges split evenly) and checks that it matches the image's size.
     *
     * @param mask the mask file
     * @param width the image's width
     * @param height the image's height
     * @param image the image the mask belongs to, for the message
     * @throws IllegalArgumentException when the mask cannot be read or has another size than the image
     */
    public static GroundTruthMask readMask(Path mask, int width, int height, Path image) {
        BufferedImage m = read(mask);
        if (m.getWidth() != width || m.getHeight() != height) {
            throw new IllegalArgumentException(mask + ": mask is " + m.getWidth() + "x" + m.getHeight() + " but its image "
                    + image + " is " + width + "x" + height);
        }
        boolean[] a = new boolean[width * height];
        Raster r = m.getRaster();
        boolean gray = isGray(m);
        int[] rgb = gray ? null : ((DataBufferInt) r.getDataBuffer()).getData();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                int v;
                if (gray) {
                    v = r.getSample(x, y, 0);
                } else {
                    int p = rgb[i];
                    v = Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
                }
                a[i] = v >= 128;
            }
        }
        return new GroundTruthMask(width, height, a);
    }

    /** The SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IllegalArgumentException(file + ": cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException(file + ": not an image in a supported format (PNG, JPEG, BMP, TIFF)");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IllegalArgumentException(file + ": corrupt or truncated " + format + " image: " + String.join("; ", warnings));
                }
                if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
                    throw new IllegalArgumentException(file + ": " + format + " image has no pixels");
                }
                return img;
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(file.toString())) {
                    throw iae;
                }
                throw new IllegalArgumentException(file + ": corrupt or truncated " + format + " image: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the image: " + e.getMessage(), e);
        }
    }

    private static BufferedImage canonical(BufferedImage img, Path file) {
        int type = img.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        ColorModel cm = img.getColorModel();
        int w = img.getWidth();
        int h = img.getHeight();
        Raster r = img.getRaster();
        if (cm instanceof IndexColorModel) {
            return toRgb(img);
        }
        int space = cm.getColorSpace().getType();
        int colourBands = cm.getNumColorComponents();
        if (space == ColorSpace.TYPE_GRAY && colourBands == 1) {
            // Read samples, not getRGB: Java treats grey as linear and would gamma-correct the values.
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            int bits = cm.getComponentSize(0);
            int shift = Math.max(0, bits - 8);
            byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    dst[i] = (byte) (r.getSample(x, y, 0) >>> shift);
                }
            }
            LOG.debug("{}: {}-bit grey image reduced to 8 bits", file, bits);
            return out;
        }
        if (space == ColorSpace.TYPE_RGB && colourBands == 3) {
            return toRgb(img);
        }
        throw new IllegalArgumentException(file + ": unsupported colour model (" + spaceName(space) + ", " + cm.getNumComponents()
                + " channels); convert the image to RGB or grayscale");
    }

    private static BufferedImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        img.getRGB(0, 0, w, h, dst, 0, w);
        for (int i = 0; i < dst.length; i++) {
            dst[i] &= 0xFFFFFF;
        }
        return out;
    }

    private static String spaceName(int space) {
        return switch (space) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_CMY -> "CMY";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_GRAY -> "grey with alpha";
            case ColorSpace.TYPE_Lab -> "Lab";
            case ColorSpace.TYPE_HSV -> "HSV";
            default -> "colour space type " + space;
        };
    }
}
