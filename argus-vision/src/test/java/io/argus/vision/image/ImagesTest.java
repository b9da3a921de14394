package io.argus.vision.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.metrics.pixel.GroundTruthMask;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {

    @TempDir
    Path tmp;

    static BufferedImage rgb(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return img;
    }

    static BufferedImage gray(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster ra = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ra.setSample(x, y, 0, r.nextInt(256));
            }
        }
        return img;
    }

    private Path write(BufferedImage img, String format, String name) throws Exception {
        Path f = tmp.resolve(name);
        assertThat(ImageIO.write(img, format, f.toFile())).as("a writer for " + format).isTrue();
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessColourFormatsDecodeExactly(String format) throws Exception {
        BufferedImage img = rgb(13, 7, 1);
        BufferedImage back = Images.read(write(img, format, "a." + format));
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getRGB(0, 0, 13, 7, null, 0, 13)).containsExactly(img.getRGB(0, 0, 13, 7, null, 0, 13));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tiff"})
    void greyImagesKeepTheirSamplesWithoutGammaCorrection(String format) throws Exception {
        BufferedImage img = gray(9, 11, 2);
        BufferedImage back = Images.read(write(img, format, "g." + format));
        assertThat(Images.isGray(back)).isTrue();
        assertThat(back.getRaster().getSamples(0, 0, 9, 11, 0, (int[]) null)).containsExactly(img.getRaster().getSamples(0, 0, 9, 11, 0, (int[]) null));
    }

    @Test
    void sixteenBitGreyIsReducedToItsHighByte() throws Exception {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] v = {0, 0x1234, 0x80FF, 0xFFFF};
        for (int x = 0; x < 4; x++) {
            img.getRaster().setSample(x, 0, 0, v[x]);
        }
        BufferedImage back = Images.read(write(img, "png", "g16.png"));
        assertThat(back.getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null)).containsExactly(0, 0x12, 0x80, 0xFF);
    }

    @Test
    void jpegDecodesAsColourAndGreyJpegAsGrey() throws Exception {
        assertThat(Images.read(write(rgb(16, 16, 3), "jpg", "c.jpg")).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(Images.isGray(Images.read(write(gray(16, 16, 3), "jpg", "g.jpg")))).isTrue();
    }

    @Test
    void aTruncatedJpegIsAnErrorNamingTheFile() throws Exception {
        Path f = write(rgb(64, 64, 4), "jpg", "t.jpg");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ": corrupt or truncated JPEG image");
    }

    @Test
    void aCorruptJpegBodyIsAnError() throws Exception {
        Path f = write(rgb(64, 64, 5), "jpg", "c.jpg");
        byte[] b = Files.readAllBytes(f);
        // Keep the headers, overwrite the entropy-coded data with marker bytes.
        for (int i = b.length / 2; i < b.length - 2; i++) {
            b[i] = (byte) 0xFF;
        }
        Files.write(f, b);
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(f + ": corrupt or truncated");
    }

    @Test
    void aTruncatedPngIsAnError() throws Exception {
        Path f = write(rgb(64, 64, 6), "png", "t.png");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(f + ": corrupt or truncated PNG image");
    }

    @Test
    void textAndMissingFilesAreNamed() throws Exception {
        Path f = tmp.resolve("notes.png");
        Files.writeString(f, "not an image");
        assertThatThrownBy(() -> Images.read(f)).hasMessage(f + ": not an image in a supported format (PNG, JPEG, BMP, TIFF)");
        assertThatThrownBy(() -> Images.read(tmp.resolve("absent.png"))).hasMessage(tmp.resolve("absent.png") + ": no such image file");
    }

    @Test
    void alphaAndPalettesBecomeRgb() throws Exception {
        BufferedImage argb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80112233);
        BufferedImage back = Images.read(write(argb, "png", "a.png"));
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x112233);
        BufferedImage indexed = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(1, 1, 0xFF0000);
        assertThat(Images.read(write(indexed, "png", "i.png")).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void masksAreThresholdedAtHalfAndMustMatchTheImageSize() throws Exception {
        BufferedImage m = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = {0, 127, 128, 255, 255, 0, 1, 200};
        m.getRaster().setSamples(0, 0, 4, 2, 0, v);
        Path f = write(m, "png", "m.png");
        GroundTruthMask mask = Images.readMask(f, 4, 2, Path.of("img.png"));
        assertThat(mask.anomalous()).containsExactly(false, false, true, true, true, false, false, true);
        assertThatThrownBy(() -> Images.readMask(f, 5, 2, Path.of("img.png")))
                .hasMessage(f + ": mask is 4x2 but its image img.png is 5x2");
    }

    @Test
    void sha256IsOfTheBytes() throws Exception {
        Path f = tmp.resolve("x.bin");
        Files.writeString(f, "abc");
        assertThat(Images.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
