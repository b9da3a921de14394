package io.argus.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a small synthetic inspection category in MVTec AD layout: striped noisy textures as normal
 * images, and the same textures with a dark or bright blob (its mask in ground_truth) as defects.
 */
public final class Synthetic {

    /** Width of every image. */
    public static final int WIDTH = 96;

    /** Height of every image. */
    public static final int HEIGHT = 80;

    private Synthetic() {
    }

    /** Writes the category under {@code dir}; returns dir. */
    public static Path category(Path dir, int train, int testGood, int testBad, boolean gray, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < train; i++) {
            write(dir.resolve("train/good/" + String.format("%03d.png", i)), texture(r, gray), gray);
        }
        for (int i = 0; i < testGood; i++) {
            write(dir.resolve("test/good/" + String.format("%03d.png", i)), texture(r, gray), gray);
        }
        for (int i = 0; i < testBad; i++) {
            int[] img = texture(r, gray);
            boolean[] mask = new boolean[WIDTH * HEIGHT];
            int cx = 16 + r.nextInt(WIDTH - 32);
            int cy = 16 + r.nextInt(HEIGHT - 32);
            int rad = 6 + r.nextInt(5);
            int value = r.nextBoolean() ? 0x101010 : 0xf0f0f0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad) {
                        img[y * WIDTH + x] = value;
                        mask[y * WIDTH + x] = true;
                    }
                }
            }
            write(dir.resolve("test/spot/" + String.format("%03d.png", i)), img, gray);
            BufferedImage m = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < mask.length; p++) {
                m.getRaster().setSample(p % WIDTH, p / WIDTH, 0, mask[p] ? 255 : 0);
            }
            Path mp = dir.resolve("ground_truth/spot/" + String.format("%03d_mask.png", i));
            Files.createDirectories(mp.getParent());
            ImageIO.write(m, "png", mp.toFile());
        }
        return dir;
    }

    private static int[] texture(SplittableRandom r, boolean gray) {
        int[] px = new int[WIDTH * HEIGHT];
        double phase = r.nextDouble() * 2 * Math.PI;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double v = 128 + 40 * Math.sin(x * 0.5 + phase) + r.nextGaussian() * 8;
                int g = (int) Math.max(0, Math.min(255, v));
                int b = gray ? g : Math.max(0, Math.min(255, g - 30));
                px[y * WIDTH + x] = (g << 16) | (g << 8) | b;
            }
        }
        return px;
    }

    private static void write(Path file, int[] px, boolean gray) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < px.length; p++) {
            if (gray) {
                img.getRaster().setSample(p % WIDTH, p / WIDTH, 0, px[p] & 0xff);
            } else {
                img.setRGB(p % WIDTH, p / WIDTH, px[p]);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
