package io.argus.vision.methods;

import io.argus.vision.backbone.Backbones;
import io.argus.vision.backbone.CachingFeatureExtractor;
import io.argus.vision.backbone.OnnxFeatureExtractor;
import io.argus.vision.features.FeatureExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens ONNX backbones for the image methods: a known name ({@code mobilenet_v2}, pulled and cached on
 * first use) or an {@code .onnx} file, through {@link Backbones}, with the backbone's own preprocessing
 * resized to the method's input side. ONNX Runtime gets one intra-op thread per processor.
 *
 * <p>When the system property {@value #CACHE_PROPERTY} names a folder, features of image files are
 * cached there (and in memory) by backbone spec and file hash, so that a benchmark running several
 * methods over the same images runs the backbone once per image.
 */
public final class OnnxBackboneFactory implements BackboneFactory {

    /** System property naming the feature-cache folder. */
    public static final String CACHE_PROPERTY = "argus.featureCache";

    @Override
    public boolean accepts(String backbone) {
        return Backbones.isKnown(backbone) || backbone.toLowerCase(Locale.ROOT).endsWith(".onnx") || Files.isRegularFile(Path.of(backbone));
    }

    @Override
    public FeatureExtractor open(String backbone, List<String> layers, int inputSize) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        OnnxFeatureExtractor fx = Backbones.open(backbone, layers, null, threads);
        if (fx.inputSize() != inputSize) {
            var p = fx.preprocess().withSize(inputSize, inputSize);
            fx.close();
            fx = Backbones.open(backbone, layers, p, threads);
        }
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache != null && !cache.isBlank()) {
            return Backbones.cached(fx, Path.of(cache), CachingFeatureExtractor.MEMORY_BYTES_DEFAULT);
        }
        return fx;
    }
}
