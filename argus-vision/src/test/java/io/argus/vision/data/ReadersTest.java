package io.argus.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.TestData;
import io.argus.vision.Synthetic;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMvtecLayoutWithLabelsAndMasks() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 3, 2, 2, false, 1);
        Split s = MvtecLayout.read(cat);
        assertThat(s.name()).isEqualTo("tex");
        assertThat(s.train().size()).isEqualTo(3);
        assertThat(s.test().images()).extracting(ImageRef::id).containsExactly("good/000", "good/001", "spot/000", "spot/001");
        assertThat(s.test().images()).extracting(ImageRef::label).containsExactly(0, 0, 1, 1);
        assertThat(s.test().get(2).mask()).isEqualTo(cat.resolve("ground_truth/spot/000_mask.png"));
        assertThat(s.hasMasks()).isTrue();
        assertThat(MvtecLayout.categories(dir)).containsExactly(cat);
    }

    @Test
    void withoutGroundTruthOnlyImageLabelsRemain() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 2, 1, 1, false, 2);
        try (var w = Files.walk(cat.resolve("ground_truth"))) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Split s = MvtecLayout.read(cat);
        assertThat(s.hasMasks()).isFalse();
        assertThat(s.test().get(1).label()).isEqualTo(1);
    }

    @Test
    void aMissingMaskOrWrongSizedMaskOrCorruptImageIsNamed() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 2, 1, 2, false, 3);
        Path mask = cat.resolve("ground_truth/spot/001_mask.png");
        Files.delete(mask);
        assertThatThrownBy(() -> MvtecLayout.read(cat)).hasMessageContaining("spot/001.png").hasMessageContaining("has no mask");
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", mask.toFile());
        assertThatThrownBy(() -> ImageFiles.readMask(mask, Synthetic.WIDTH, Synthetic.HEIGHT))
                .hasMessageContaining("001_mask.png: mask is 10x12 but its image is 96x80");
        Path bad = dir.resolve("bad.jpg");
        Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
        assertThatThrownBy(() -> ImageFiles.read(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(bad.toString());
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        assertThatThrownBy(() -> ImageFiles.read(text)).hasMessageContaining("not an image in a supported format");
    }

    @Test
    void magneticTileFollowsTheBenchmarkProtocol() {
        Path root = TestData.require("magnetic_tile");
        Split s = MagneticTile.read(root, MagneticTile.SEED_DEFAULT);
        assertThat(s.train().size()).isEqualTo(952 * 80 / 100);
        assertThat(s.test().size()).isEqualTo(952 - 761 + 392);
        assertThat(s.test().images().stream().filter(r -> r.label() == 1).count()).isEqualTo(392);
        assertThat(s.hasMasks()).isTrue();
        Set<String> train = new HashSet<>();
        s.train().images().forEach(r -> train.add(r.id()));
        assertThat(s.test().images()).noneMatch(r -> train.contains(r.id()));
        assertThat(MagneticTile.read(root, MagneticTile.SEED_DEFAULT).train().images()).isEqualTo(s.train().images());
        assertThat(MagneticTile.read(root, 1).train().images()).isNotEqualTo(s.train().images());
    }
}
