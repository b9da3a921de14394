package io.argus.cli;

import io.argus.core.Context;
import io.argus.core.ProgressListener;
import picocli.CommandLine.Option;

/** Options every command that runs a method takes: {@code --threads} and {@code --seed}. */
final class CommonOptions {

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "SEED", description = "master random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new IllegalArgumentException("--threads = " + t + " is out of range; allowed: [1, 1024]");
        }
        return t;
    }

    ProgressListener progress() {
        return quiet ? ProgressListener.NONE : new ConsoleProgress(System.err);
    }

    Context context() {
        return Context.builder().seed(seed).threads(threads()).progress(progress()).build();
    }
}
