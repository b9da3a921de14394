package io.argus.metrics.bench;

import io.argus.metrics.pixel.NaiveAupro;
import io.argus.metrics.pixel.PixelEvaluation;
import io.argus.metrics.pixel.PixelFixtures;
import io.argus.metrics.pixel.PixelMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pixel metrics on 1,000 maps of 256×256 (65.5M pixels, 0–3 blob regions per image), generated once with a
 * fixed seed: exact AUPRO (all four metrics come from the same sort), streaming at 1000 bins, and the naive
 * O(thresholds × pixels) reference at 200 thresholds as the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class PixelMetricsBenchmark {

    PixelFixtures.Case data;

    @Setup
    public void setup() {
        data = PixelFixtures.blobs(42, 1000, 256, 256, 0);
    }

    @Benchmark
    public double auproExact() {
        return PixelMetrics.aupro(data.maps(), data.masks());
    }

    @Benchmark
    public PixelEvaluation streaming1000() {
        return PixelMetrics.evaluateStreaming(data.maps(), data.masks(), 1000);
    }

    /** Baseline: label, then one full pass over all pixels per threshold (200 linear thresholds). */
    @Benchmark
    public double auproNaive200() {
        NaiveAupro naive = new NaiveAupro(data.maps(), data.masks());
        double[] up = naive.linearThresholds(200);
        double[] down = new double[up.length];
        for (int i = 0; i < up.length; i++) {
            down[i] = up[up.length - 1 - i];
        }
        return naive.aupro(down, PixelMetrics.FPR_LIMIT_DEFAULT);
    }
}
