package io.argus.vision.methods.visionad;

import java.awt.image.BufferedImage;

/** The image transformations of VisionAD's support and query augmentation (RGB images). */
final class Views {

    /** ImageNet channel means on the 0..255 scale: where an ImageNet-normalised input crosses zero. */
    static final int[] MEAN_255 = {124, 116, 104};

    /**
     * Where the backbone's normalised input is zero, per RGB channel on the 0..255 scale: 255·mean of the
     * preprocessing its spec records, else ImageNet's. For a backbone fed [0, 1] samples (mean 0) the
     * clamp pass changes nothing.
     */
    static int[] zeroLevel(io.argus.vision.features.FeatureExtractor ext) {
        try {
            io.argus.vision.image.Preprocess p = io.argus.vision.backbone.BackboneSpec.parse(ext.spec()).preprocess();
            float[] m = p.mean();
            if (p.order() == io.argus.vision.image.Preprocess.ChannelOrder.BGR) {
                m = new float[] {m[2], m[1], m[0]};
            }
            return new int[] {Math.round(255 * m[0]), Math.round(255 * m[1]), Math.round(255 * m[2])};
        } catch (IllegalArgumentException e) {
            return MEAN_255.clone();
        }
    }

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
    static BufferedImage clamp(BufferedImage img, int[] floor) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = Math.max((rgb >> 16) & 0xff, floor[0]);
                int g = Math.max((rgb >> 8) & 0xff, floor[1]);
                int b = Math.max(rgb & 0xff, floor[2]);
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
