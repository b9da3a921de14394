package io.argus.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a benchmark run does.
 *
 * @param suite the suite
 * @param methods the methods to run, each a registry name or NAME[key=value;...] (see {@link MethodSpec})
 * @param datasets names of data sets to keep (empty = all the suite finds)
 * @param seeds how many seeds per randomised method (deterministic methods run once)
 * @param firstSeed the first seed; seed i is firstSeed + i
 * @param dataRoot the data root
 * @param out the output folder
 * @param threads worker threads per run
 * @param timeLimitSeconds wall-time limit of one run (fit + score)
 */
public record BenchConfig(Suite<?> suite, List<String> methods, List<String> datasets, int seeds, long firstSeed, Path dataRoot,
        Path out, int threads, double timeLimitSeconds) {

    /** The default per-run time limit: 30 minutes. */
    public static final double TIME_LIMIT_DEFAULT = 1800;

    public BenchConfig {
        Objects.requireNonNull(suite, "suite");
        methods = List.copyOf(methods);
        datasets = List.copyOf(datasets);
        if (seeds < 1 || seeds > 1000) {
            throw new IllegalArgumentException("--seeds = " + seeds + " is out of range; allowed: [1, 1000]");
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("--threads = " + threads + " is out of range; allowed: [1, 1024]");
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("time limit = " + timeLimitSeconds + " s must be > 0");
        }
    }
}
