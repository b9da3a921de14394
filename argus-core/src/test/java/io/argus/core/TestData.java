package io.argus.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared benchmark data for real-data tests: {@code $ARGUS_DATA} when set, else the first
 * {@code X/../shared/data} found walking up at most four levels from the working directory. Tests that
 * need the data are skipped, not failed, when it is absent.
 */
public final class TestData {

    private static final String MISSING = "../shared/data not found: set ARGUS_DATA to run real-data tests";

    private TestData() {
    }

    /** The data root, when there is one. */
    public static Optional<Path> root() {
        String env = System.getenv("ARGUS_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath().normalize();
        for (int level = 0; level <= 4 && dir != null; level++) {
            Path parent = dir.getParent();
            if (parent != null) {
                Path candidate = parent.resolve("shared").resolve("data");
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
            dir = parent;
        }
        return Optional.empty();
    }

    /**
     * The path {@code sub} under the data root; skips the calling test (JUnit assumption) when the root
     * or the path is missing.
     */
    public static Path require(String sub) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), MISSING);
        Path p = root.get().resolve(sub);
        Assumptions.assumeTrue(Files.exists(p), p + " not found under the data root: the real-data test is skipped");
        return p;
    }
}
