package io.argus.vision.methods.visionad;

import java.awt.image.BufferedImage;

/** The image transformations of VisionAD's support and query augmentation (RGB images). */
final class Views {

    /** ImageNet channel means on the 0..255 scale: where the normalised input crosses zero. */
    static final int[] MEAN_255 = {124, 116, 104};

    private Views() {
    }

    /** Rotation by 90° clockwise, {@code quarter} times. */
    static BufferedImage rotate(BufferedImage img, int quarter) {
        BufferedImage cur = img;
        for (int q = 0; q < quarter; q++) {
            int w = cur.getWidth();
            int h = cur.getHeight();
            BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(h - 1 - y, x, cur.getRGB(x, y));
                }
            }
            cur = out;
        }
        return cur;
    }

    /** Flip upside down. */
    static BufferedImage vflip(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, h - 1 - y, img.getRGB(x, y));
            }
        }
        return out;
    }

    /** Flip left to right. */
    static BufferedImage hflip(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, img.getRGB(x, y));
            }
        }
        return out;
    }

    /**
     * The reference's {@code clamp(min=0)} of the ImageNet-normalised input, applied before the
     * backbone's normalisation: (v/255 − mean)/std ≥ 0 exactly when v ≥ 255·mean, so every channel value
     * is raised to at least its mean (rounded to the nearest integer).
     */
    static BufferedImage clamp(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = Math.max((rgb >> 16) & 0xff, MEAN_255[0]);
                int g = Math.max((rgb >> 8) & 0xff, MEAN_255[1]);
                int b = Math.max(rgb & 0xff, MEAN_255[2]);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** The support views: the image, its rotations by 90, 180 and 270 degrees, and its two flips. */
    static BufferedImage[] supportViews(BufferedImage img, boolean augment) {
        if (!augment) {
            return new BufferedImage[] {img};
        }
        return new BufferedImage[] {img, rotate(img, 1), rotate(img, 2), rotate(img, 3), vflip(img), hflip(img)};
    }
}
