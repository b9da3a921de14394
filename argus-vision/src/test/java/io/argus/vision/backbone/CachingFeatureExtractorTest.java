package io.argus.vision.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingFeatureExtractorTest {

    @TempDir
    Path tmp;

    /** Counts the images it is asked for; the feature is the image's top-left pixel. */
    static final class Counting implements FeatureExtractor {
        final AtomicInteger images = new AtomicInteger();
        final String spec;

        Counting(String spec) {
            this.spec = spec;
        }

        @Override
        public String spec() {
            return spec;
        }

        @Override
        public List<String> layers() {
            return List.of("pixel");
        }

        @Override
        public int inputSize() {
            return 1;
        }

        @Override
        public List<List<FeatureMap>> extract(List<BufferedImage> batch) {
            images.addAndGet(batch.size());
            List<List<FeatureMap>> out = new ArrayList<>();
            for (BufferedImage b : batch) {
                out.add(List.of(new FeatureMap("pixel", 1, 1, 1, new float[] {b.getRGB(0, 0) & 0xFFFFFF})));
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private Path image(String name, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, rgb);
        Path f = tmp.resolve(name);
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void theBackboneRunsOncePerDistinctImageAcrossCallsAndRuns() throws Exception {
        Path a = image("a.png", 1);
        Path b = image("b.png", 2);
        Path aCopy = Files.copy(a, tmp.resolve("a-copy.png"));
        Path cache = tmp.resolve("cache");
        Counting inner = new Counting("spec-1");
        try (CachingFeatureExtractor fx = new CachingFeatureExtractor(inner, cache, CachingFeatureExtractor.MEMORY_BYTES_DEFAULT)) {
            List<List<FeatureMap>> first = fx.extractFiles(List.of(a, b));
            assertThat(first.get(1).get(0).data()).containsExactly(2f);
            assertThat(inner.images).hasValue(2);
            List<List<FeatureMap>> again = fx.extractFiles(List.of(b, aCopy, a));
            assertThat(inner.images).hasValue(2);
            assertThat(again.get(1).get(0).data()).containsExactly(1f);
            assertThat(fx.stats()).containsExactly(3, 2);
        }
        // A new process with the same spec reads the disk cache; another spec does not.
        Counting fresh = new Counting("spec-1");
        try (CachingFeatureExtractor fx = new CachingFeatureExtractor(fresh, cache, 0)) {
            assertThat(fx.extractFiles(List.of(a, b)).get(0).get(0).data()).containsExactly(1f);
            assertThat(fresh.images).hasValue(0);
        }
        Counting other = new Counting("spec-2");
        try (CachingFeatureExtractor fx = new CachingFeatureExtractor(other, cache, 0)) {
            fx.extractFiles(List.of(a));
            assertThat(other.images).hasValue(1);
        }
    }

    @Test
    void aChangedImageIsAMissAndACorruptEntryIsRecomputed() throws Exception {
        Path a = image("a.png", 7);
        Path cache = tmp.resolve("cache");
        Counting inner = new Counting("s");
        try (CachingFeatureExtractor fx = new CachingFeatureExtractor(inner, cache, 0)) {
            fx.extractFiles(List.of(a));
            image("a.png", 9);
            assertThat(fx.extractFiles(List.of(a)).get(0).get(0).data()).containsExactly(9f);
            assertThat(inner.images).hasValue(2);
            try (var files = Files.walk(cache)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Files.write(p, new byte[] {1, 2, 3});
                }
            }
            assertThat(fx.extractFiles(List.of(a)).get(0).get(0).data()).containsExactly(9f);
            assertThat(inner.images).hasValue(3);
        }
    }

    @Test
    void theMemoryBudgetEvictsTheLeastRecentlyUsed() throws Exception {
        Path a = image("a.png", 1);
        Path b = image("b.png", 2);
        Counting inner = new Counting("s");
        // Each entry costs 4 + 64 bytes: a budget of 100 holds one.
        try (CachingFeatureExtractor fx = new CachingFeatureExtractor(inner, null, 100)) {
            fx.extractFiles(List.of(a));
            fx.extractFiles(List.of(b));
            fx.extractFiles(List.of(b));
            assertThat(inner.images).hasValue(2);
            fx.extractFiles(List.of(a));
            assertThat(inner.images).hasValue(3);
        }
    }
}
