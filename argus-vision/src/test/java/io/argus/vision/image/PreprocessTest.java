package io.argus.vision.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.model.Tensor;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreprocessTest {

    @Test
    void sameSizeIsTheIdentityBeforeNormalisation() {
        BufferedImage img = ImagesTest.rgb(6, 6, 1);
        Preprocess p = Preprocess.imagenet(6, 6);
        float[] t = new float[p.tensorSize()];
        p.toTensor(img, "img", t, 0);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                int rgb = img.getRGB(x, y);
                int[] ch = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
                for (int c = 0; c < 3; c++) {
                    double expected = (ch[c] / 255.0 - Preprocess.IMAGENET_MEAN[c]) / Preprocess.IMAGENET_STD[c];
                    assertThat((double) t[(c * 6 + y) * 6 + x]).isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @Test
    void halvingUsesTheAntialiasedTriangleFilter() {
        // One row of 8 grey pixels shrunk to 4: PIL's antialiased bilinear weights (1,3,3,1)/8, renormalised at the edges.
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = {0, 80, 160, 240, 0, 40, 200, 120};
        for (int y = 0; y < 8; y++) {
            img.getRaster().setSamples(0, y, 8, 1, 0, row);
        }
        Preprocess p = Preprocess.unitScale(4);
        float[] t = new float[p.tensorSize()];
        p.toTensor(img, "img", t, 0);
        double[] expected = {
            (3 * 0 + 3 * 80 + 1 * 160) / 7.0,
            (1 * 80 + 3 * 160 + 3 * 240 + 1 * 0) / 8.0,
            (1 * 240 + 3 * 0 + 3 * 40 + 1 * 200) / 8.0,
            (1 * 40 + 3 * 200 + 3 * 120) / 7.0};
        for (int x = 0; x < 4; x++) {
            for (int c = 0; c < 3; c++) {
                assertThat((double) t[(c * 4 + 2) * 4 + x] * 255).as("x=" + x + " c=" + c).isCloseTo(expected[x], within(1e-3));
            }
        }
    }

    @Test
    void centreCropTakesTheMiddleAndCropBoxSaysWhere() {
        BufferedImage img = ImagesTest.rgb(8, 8, 2);
        Preprocess crop = new Preprocess(8, 4, new float[] {0, 0, 0}, new float[] {1, 1, 1}, Preprocess.ChannelOrder.RGB, Preprocess.Colour.ANY);
        float[] t = new float[crop.tensorSize()];
        crop.toTensor(img, "img", t, 0);
        assertThat(t[0] * 255).isCloseTo((img.getRGB(2, 2) >> 16) & 0xFF, within(1e-3f));
        assertThat(crop.cropBox(80, 40)).containsExactly(20, 10, 60, 30);
        assertThat(Preprocess.imagenet(256, 224).cropBox(256, 256)).containsExactly(16, 16, 240, 240);
    }

    @Test
    void bgrSwapsChannelsAndGreyFillsAll() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x336699);
        Preprocess bgr = new Preprocess(1, 1, new float[] {0, 0, 0}, new float[] {1, 1, 1}, Preprocess.ChannelOrder.BGR, Preprocess.Colour.ANY);
        float[] t = new float[3];
        bgr.toTensor(img, "img", t, 0);
        assertThat(t).containsExactly(new float[] {0x99 / 255f, 0x66 / 255f, 0x33 / 255f}, within(1e-6f));
        BufferedImage g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(0, 0, 0, 51);
        Preprocess.unitScale(1).toTensor(g, "g", t, 0);
        assertThat(t).containsExactly(new float[] {0.2f, 0.2f, 0.2f}, within(1e-6f));
    }

    @Test
    void colourPolicyRejectsTheOtherKindByName() {
        BufferedImage g = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage c = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        float[] t = new float[12];
        Preprocess p = Preprocess.unitScale(2);
        assertThatThrownBy(() -> p.withColour(Preprocess.Colour.RGB).toTensor(g, "a.png", t, 0))
                .hasMessage("a.png: grayscale image, but the model expects RGB images (it was fitted on colour images)");
        assertThatThrownBy(() -> p.withColour(Preprocess.Colour.GRAY).toTensor(c, "b.png", t, 0))
                .hasMessage("b.png: colour image, but the model expects grayscale images (it was fitted on grey images)");
        assertThat(Preprocess.colourOf(g)).isEqualTo(Preprocess.Colour.GRAY);
        assertThat(Preprocess.colourOf(c)).isEqualTo(Preprocess.Colour.RGB);
    }

    @Test
    void textAndTensorFormsRoundTrip() {
        Preprocess p = new Preprocess(256, 224, Preprocess.IMAGENET_MEAN, Preprocess.IMAGENET_STD, Preprocess.ChannelOrder.BGR, Preprocess.Colour.GRAY);
        assertThat(p.toString()).isEqualTo("resize=256,crop=224,mean=0.485:0.456:0.406,std=0.229:0.224:0.225,order=bgr,colour=gray");
        assertThat(Preprocess.parse(p.toString(), Preprocess.unitScale(1))).isEqualTo(p);
        Map<String, Tensor> state = new HashMap<>();
        p.writeTo(state, "backbone.");
        assertThat(Preprocess.readFrom(state, "backbone.")).isEqualTo(p);
        assertThat(Preprocess.parse("resize=320", Preprocess.imagenet(256, 224))).isEqualTo(Preprocess.imagenet(320, 224));
        assertThat(Preprocess.parse("resize=128", Preprocess.imagenet(256, 224))).isEqualTo(Preprocess.imagenet(128, 128));
    }

    @Test
    void badValuesNameTheKey() {
        Preprocess d = Preprocess.imagenet(256, 224);
        assertThatThrownBy(() -> Preprocess.parse("crop=300", d)).hasMessage("preprocess crop must be in [1, resize=256], got 300");
        assertThatThrownBy(() -> Preprocess.parse("std=1:0:1", d)).hasMessage("preprocess std values must be finite and > 0, got [1.0, 0.0, 1.0]");
        assertThatThrownBy(() -> Preprocess.parse("mean=1:2", d)).hasMessage("preprocess mean must have 3 values, got 2");
        assertThatThrownBy(() -> Preprocess.parse("order=rbg", d)).hasMessage("preprocess: order=rbg is not allowed; use rgb or bgr");
        assertThatThrownBy(() -> Preprocess.parse("size=3", d)).hasMessageStartingWith("preprocess: unknown key 'size'");
        assertThatThrownBy(() -> Preprocess.parse("resize=abc", d)).hasMessage("preprocess: resize=abc is not a number");
        assertThatThrownBy(() -> Preprocess.readFrom(new HashMap<>(), "x.")).hasMessageStartingWith("model state lacks the uint8 tensor 'x.preprocess'");
    }
}
