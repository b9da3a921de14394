package io.argus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder that holds benchmark data: {@code --data DIR}, else {@code $ARGUS_DATA}, else
 * {@code ../shared/data} from the working directory or one of its parents.
 */
public final class DataRoot {

    /** The environment variable naming the data root. */
    public static final String ENV = "ARGUS_DATA";

    private DataRoot() {
    }

    /**
     * The data root.
     *
     * @param explicit the folder given on the command line, or null
     * @return the folder, or empty when none of the places exists
     * @throws IllegalArgumentException when an explicitly given folder does not exist
     */
    public static Optional<Path> resolve(Path explicit) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit)) {
                throw new IllegalArgumentException("--data " + explicit + ": no such folder");
            }
            return Optional.of(explicit);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("$" + ENV + " = " + env + ": no such folder");
            }
            return Optional.of(p);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
