package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.vision.Synthetic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandsTest {

    @TempDir
    Path dir;

    private Cli.Result fit(Path images, Path model) {
        return Cli.run("fit", "--method", "patchcore", "--images", images.toString(), "--model", model.toString(), "--threads", "1",
                "--param", "backbone=test-conv", "--param", "layers=conv1,conv2", "--param", "image_size=64",
                "--param", "pretrain_embed_dimension=32", "--param", "target_embed_dimension=32", "--param", "coreset=0.5");
    }

    @Test
    void fitsOnAFolderAndWritesScoresOverlaysAndMasks() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 6, 2, 3, false, 11);
        Path model = dir.resolve("m.safetensors");
        fit(cat, model).assertOk();
        assertThat(Files.size(model)).isPositive();
        Path maps = dir.resolve("maps");
        Path csv = dir.resolve("scores.csv");
        Cli.Result r = Cli.run("score", "--model", model.toString(), "--images", cat.resolve("test/spot").toString(), "--maps", maps.toString(),
                "--out", csv.toString(), "--threads", "1").assertOk();
        assertThat(r.out()).contains("scored 3 images").contains("wrote 6 pictures to " + maps);
        assertThat(maps.resolve("000_overlay.png")).isRegularFile();
        assertThat(maps.resolve("002_mask.png")).isRegularFile();
        assertThat(Files.readAllLines(csv)).hasSize(4).first().isEqualTo("image,score,calibrated,flag");
        try (var s = Files.list(maps)) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".png"));
        }
    }

    @Test
    void grayscaleImagesForAColourModelAndCorruptFilesFailWithNothingWritten() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 4, 1, 1, false, 12);
        Path gray = Synthetic.category(dir.resolve("gray"), 1, 1, 1, true, 13);
        Path model = dir.resolve("m.safetensors");
        fit(cat, model).assertOk();
        Path maps = dir.resolve("maps");
        Cli.run("score", "--model", model.toString(), "--images", gray.resolve("test/spot").toString(), "--maps", maps.toString(),
                "--threads", "1").assertOneErrorLine("000.png", "grayscale (1 channel) but the model was fitted on colour (RGB) images");
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.write(bad.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
        Cli.run("score", "--model", model.toString(), "--images", bad.toString(), "--maps", maps.toString(), "--threads", "1")
                .assertOneErrorLine("broken.jpg");
        assertThat(maps).doesNotExist();
    }

    @Test
    void tableMethodsAndMissingInputsAreRefused() throws Exception {
        Path cat = Synthetic.category(dir.resolve("tex"), 2, 1, 1, false, 14);
        Cli.run("fit", "--method", "lof", "--images", cat.toString(), "--model", dir.resolve("m").toString())
                .assertOneErrorLine("method 'lof' reads table data, not images");
        Cli.run("fit", "--method", "patchcore", "--model", dir.resolve("m").toString())
                .assertOneErrorLine("give exactly one of --data FILE (a table) or --images DIR (images)");
    }
}
