package io.argus.vision.backbone;

import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.image.Preprocess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and opens backbones: a known name ({@code mobilenet_v2}, {@code inception_v3}; see
 * {@link NsfwjsModels}) resolves to its cached ONNX file, pulled on first use, and anything else is an
 * ONNX file path, e.g. a user's WideResNet-50 export.
 *
 * <p>The cache folder is the system property {@code argus.models}, else {@code $ARGUS_MODELS}, else
 * {@code $XDG_CACHE_HOME/argus/models}, else {@code ~/.cache/argus/models}.
 */
public final class Backbones {

    private static final Logger LOG = LoggerFactory.getLogger(Backbones.class);

    private Backbones() {
    }

    /** The folder converted models are cached in. */
    public static Path modelsDir() {
        String prop = System.getProperty("argus.models");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("ARGUS_MODELS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("argus").resolve("models");
    }

    /** Whether the name is a known backbone rather than a file. */
    public static boolean isKnown(String backbone) {
        return NsfwjsModels.Model.byName(backbone) != null;
    }

    /**
     * The ONNX file of a backbone: for a known name the cached file, pulled (fetched with npm, converted and
     * checked) when absent; otherwise the path itself, which must exist.
     *
     * @throws IllegalArgumentException when a path does not exist, naming the known backbones
     */
    public static Path resolve(String backbone) {
        NsfwjsModels.Model m = NsfwjsModels.Model.byName(backbone);
        if (m != null) {
            Path f = modelsDir().resolve(m.id() + ".onnx");
            if (!Files.isRegularFile(f)) {
                // WARN, not INFO: it reaches the network, which the user should see even at the CLI's default level.
                LOG.warn("backbone {} is not cached in {}; pulling it now (fetching {} with npm, converting, checking), as `argus models pull {}` does",
                        m.id(), modelsDir(), NsfwjsModels.PACKAGE, m.id());
                try {
                    NsfwjsModels.Pulled p = NsfwjsModels.pull(m, modelsDir(), null, null, Math.max(1, Runtime.getRuntime().availableProcessors()));
                    LOG.warn("backbone {} cached at {}", m.id(), p.file());
                } catch (RuntimeException e) {
                    throw new IllegalStateException("backbone " + m.id() + " is not cached in " + modelsDir() + " and pulling it failed: " + e.getMessage()
                            + "; run `argus models pull " + m.id() + "` (with --package DIR when npm is not available) or set ARGUS_MODELS", e);
                }
            }
            return f;
        }
        Path f = Path.of(backbone);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("backbone '" + backbone + "' is neither a known backbone (mobilenet_v2, inception_v3) nor an existing .onnx file");
        }
        return f;
    }

    /** The layers suggested for a known backbone; empty for files. */
    public static List<String> defaultLayers(String backbone) {
        NsfwjsModels.Model m = NsfwjsModels.Model.byName(backbone);
        return m == null ? List.of() : m.defaultLayers();
    }

    /**
     * Opens a backbone.
     *
     * @param backbone a known name or an .onnx file
     * @param layers the layers; empty for the known backbone's defaults
     * @param preprocess the preprocessing, or null for the backbone's own (known backbones, metadata), else ImageNet's
     * @param threads ONNX Runtime intra-op threads (e.g. {@code Context.threads()})
     */
    public static OnnxFeatureExtractor open(String backbone, List<String> layers, Preprocess preprocess, int threads) {
        Path file = resolve(backbone);
        NsfwjsModels.Model m = NsfwjsModels.Model.byName(backbone);
        List<String> l = layers == null || layers.isEmpty() ? defaultLayers(backbone) : layers;
        Preprocess p = preprocess != null ? preprocess : m != null ? m.preprocess() : null;
        return OnnxFeatureExtractor.open(file, m != null ? m.id() : file.toString(), l, p, threads, OnnxFeatureExtractor.BATCH_SIZE_DEFAULT);
    }

    /** {@link #open(String, List, Preprocess, int)} with the context's thread count for ONNX Runtime's intra-op pool. */
    public static OnnxFeatureExtractor open(String backbone, List<String> layers, Preprocess preprocess, io.argus.core.Context ctx) {
        return open(backbone, layers, preprocess, ctx.threads());
    }

    /**
     * Rebuilds the extractor a spec describes (as a model file stores it), checking that the backbone file
     * is the one the spec pins.
     *
     * @throws IllegalArgumentException when the backbone's SHA-256 differs from the spec's
     */
    public static OnnxFeatureExtractor open(BackboneSpec spec, int threads) {
        OnnxFeatureExtractor fx = open(spec.backbone(), spec.layers(), spec.preprocess(), threads);
        if (!spec.sha256().isEmpty() && !spec.sha256().equals(fx.modelSha256())) {
            String msg = "backbone " + spec.backbone() + " (" + resolve(spec.backbone()) + ") has SHA-256 " + fx.modelSha256()
                    + " but the model was fitted with " + spec.sha256() + "; the features would differ";
            fx.close();
            throw new IllegalArgumentException(msg);
        }
        return fx;
    }

    /** The same extractor behind a feature cache in memory and, when {@code dir} is not null, on disk. */
    public static FeatureExtractor cached(FeatureExtractor fx, Path dir, long memoryBytes) {
        return new CachingFeatureExtractor(fx, dir, memoryBytes);
    }
}
