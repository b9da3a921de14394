package io.argus.vision.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.metrics.pixel.AnomalyMap;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapOpsTest {

    @TempDir
    Path dir;

    @Test
    void bilinearResizeMatchesTorchInterpolate() {
        // torch.nn.functional.interpolate(tensor([[[[0., 4.]]]]), size=(1, 4), mode="bilinear", align_corners=False)
        // gives [0, 1, 3, 4]; align_corners=True gives [0, 4/3, 8/3, 4].
        assertThat(MapOps.resize(new float[] {0, 4}, 2, 1, 4, 1, false)).containsExactly(0f, 1f, 3f, 4f);
        float[] t = MapOps.resize(new float[] {0, 4}, 2, 1, 4, 1, true);
        assertThat(t[1]).isCloseTo(4f / 3, within(1e-6f));
        assertThat(t[2]).isCloseTo(8f / 3, within(1e-6f));
    }

    @Test
    void gaussianMatchesScipyOnAnImpulseAndKeepsConstants() {
        int n = 41;
        float[] impulse = new float[n * n];
        impulse[20 * n + 20] = 1f;
        float[] g = MapOps.gaussian(impulse, n, n, 4.0);
        // scipy.ndimage.gaussian_filter: the response is the product of two normalised 1-D kernels of radius 16
        double z = 0;
        for (int i = -16; i <= 16; i++) {
            z += Math.exp(-i * i / 32.0);
        }
        assertThat(g[20 * n + 20]).isCloseTo((float) (1 / (z * z)), within(1e-7f));
        assertThat(g[20 * n + 23]).isCloseTo((float) (Math.exp(-9 / 32.0) / (z * z)), within(1e-7f));
        float[] flat = new float[12 * 7];
        java.util.Arrays.fill(flat, 2.5f);
        for (float v : MapOps.gaussian(flat, 12, 7, 4.0)) {
            assertThat(v).isCloseTo(2.5f, within(1e-5f));
        }
    }

    @Test
    void topMeanIsTheMaximumForOnePixelAndMonotone() {
        float[] v = {1, 5, 3, 2};
        assertThat(MapOps.topMean(v, 0.25)).isEqualTo(5.0);
        assertThat(MapOps.topMean(v, 0.5)).isEqualTo(4.0);
        assertThat(MapOps.topMean(v, 1.0)).isEqualTo(2.75);
        assertThatThrownBy(() -> MapOps.topMean(v, 0)).hasMessageContaining("ratio = 0.0 must be in (0, 1]");
    }

    @Test
    void writesOverlayAndMaskPictures() throws Exception {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        AnomalyMap map = new AnomalyMap(4, 2, new float[] {0, 1, 2, 3, 4, 5, 6, 7});
        Path mask = dir.resolve("a/b_mask.png");
        MapImages.writePng(mask, MapImages.mask(map, 5));
        BufferedImage m = ImageIO.read(mask.toFile());
        assertThat(m.getRaster().getSample(0, 1, 0)).isZero();
        assertThat(m.getRaster().getSample(1, 1, 0)).isEqualTo(255);
        BufferedImage o = MapImages.overlay(img, map, 0, 7);
        assertThat(o.getRGB(3, 1) & 0xff0000).isGreaterThan(o.getRGB(0, 0) & 0xff0000);
        assertThatThrownBy(() -> MapImages.overlay(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), map, 0, 1))
                .hasMessageContaining("map is 4x2 but the image is 3x2");
        try (var s = Files.list(mask.getParent())) {
            assertThat(s.toList()).containsExactly(mask);
        }
    }
}
