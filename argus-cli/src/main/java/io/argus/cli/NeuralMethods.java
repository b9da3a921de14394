package io.argus.cli;

import io.argus.core.params.MethodProvider;

/**
 * The neural methods (module {@code argus-deep}: every method that trains a network, on DJL with the
 * PyTorch CPU engine) as the command line treats them: they are listed and run like any other method,
 * but the demo leaves them out, because the first use of the engine unpacks PyTorch's native library
 * (about 432 MB) into {@code $DJL_CACHE_DIR} (DJL's default {@code ~/.djl.ai}).
 *
 * <p>The CLI never downloads: {@link #configureEngine()} turns DJL's offline mode on before any engine
 * starts, so the native library comes from the {@code pytorch-native-cpu} jar in {@code lib/}.
 */
final class NeuralMethods {

    /** The package of every neural method (ARCHITECTURE.md: argus-deep holds every method that trains a network). */
    static final String PACKAGE = "io.argus.deep.";

    /** DJL's system property for offline mode. */
    static final String OFFLINE = "ai.djl.offline";

    /** How `argus methods` marks a neural method. */
    static final String MARK = "[PyTorch]";

    /** What a user reads about the cost of the first neural run. */
    static final String FIRST_USE = "the first run of a neural method unpacks PyTorch's native library (432 MB) into "
            + "$DJL_CACHE_DIR (default ~/.djl.ai)";

    private NeuralMethods() {
    }

    /** Whether the method trains a neural network on the PyTorch engine. */
    static boolean isNeural(MethodProvider<?, ?> provider) {
        return provider.getClass().getName().startsWith(PACKAGE);
    }

    /** DJL offline unless the user chose otherwise (-Dai.djl.offline=false); call before any engine starts. */
    static void configureEngine() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
    }
}
