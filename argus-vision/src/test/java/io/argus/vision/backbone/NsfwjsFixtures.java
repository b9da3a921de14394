package io.argus.vision.backbone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the unpacked nsfwjs@4.4.0 package ({@code $ARGUS_NSFWJS}, else
 * {@code bench/vision/.cache/nsfwjs-4.4.0/package} of the checkout, written by
 * {@code bench/vision/fetch-nsfwjs.sh}) and the reference activations ({@code $ARGUS_MODELS_REF}, else
 * {@code ../shared/models-ref/nsfwjs-4.4.0}). Tests that need them are skipped with a message saying how
 * to provide them.
 */
final class NsfwjsFixtures {

    private NsfwjsFixtures() {
    }

    static Path packageDir() {
        Optional<Path> p = fromEnv("ARGUS_NSFWJS").or(() -> walkUp("bench/vision/.cache/nsfwjs-4.4.0/package"));
        Assumptions.assumeTrue(p.isPresent() && Files.isRegularFile(p.get().resolve("dist/models/mobilenet_v2/model.min.js")),
                "nsfwjs@4.4.0 was not fetched: run bench/vision/fetch-nsfwjs.sh (needs npm and the npm registry) or set ARGUS_NSFWJS "
                        + "to its unpacked package folder; the conversion test is skipped");
        return p.get();
    }

    static Path referenceDir() {
        Optional<Path> p = fromEnv("ARGUS_MODELS_REF").or(() -> walkUp("../shared/models-ref/nsfwjs-4.4.0").or(() -> walkUp("shared/models-ref/nsfwjs-4.4.0")));
        Assumptions.assumeTrue(p.isPresent() && Files.isRegularFile(p.get().resolve("in224.f32.out_relu.ref")),
                "../shared/models-ref/nsfwjs-4.4.0 not found: set ARGUS_MODELS_REF to compare with the full reference activations");
        return p.get();
    }

    private static Optional<Path> fromEnv(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    private static Optional<Path> walkUp(String sub) {
        Path dir = Path.of("").toAbsolutePath().normalize();
        for (int level = 0; level <= 5 && dir != null; level++) {
            Path candidate = dir.resolve(sub).normalize();
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
