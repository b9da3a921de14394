package io.argus.bench.stream;

import com.amazon.randomcutforest.RandomCutForest;
import io.argus.timeseries.stream.Ewma;
import io.argus.timeseries.stream.Hotelling;
import io.argus.timeseries.stream.HotellingParams;
import io.argus.timeseries.stream.EwmaParams;
import io.argus.timeseries.stream.KnnCad;
import io.argus.timeseries.stream.KnnCadParams;
import io.argus.timeseries.stream.OnlineDetector;
import io.argus.timeseries.stream.Rcf;
import io.argus.timeseries.stream.RcfParams;
import io.argus.timeseries.stream.StreamingDiscords;
import io.argus.timeseries.stream.StreamingDiscordsParams;
import io.argus.timeseries.stream.ThresholdedRcf;
import io.argus.timeseries.stream.ThresholdedRcfParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Throughput and memory of the streaming detectors, and Random Cut Forest through Argus' wrapper
 * ({@link Rcf}) side by side with the same forest used directly ({@code RandomCutForest.getAnomalyScore}
 * then {@code update}, same configuration and seed).
 *
 * <p>Each detector streams N points (default 10⁶) of a noisy sinusoid, univariate, default parameters,
 * one thread. Memory is the heap in use after a full GC with the detector alive minus the heap before it
 * was built, measured after N/10 and after N points: equal figures show bounded memory. The RCF
 * comparison warms both paths up, then alternates direct and wrapped runs ({@code rounds} each, default
 * 3, the order swapped every round) over the same points and reports the median points/s of each and
 * their ratio; the score checksums must agree (the wrapper computes exactly the library's scores).
 *
 * <p>Run (nice'd, after {@code ./mvnw -o -q -B -pl argus-cli -am package -DskipTests}):
 * {@code bench/stream/speed.sh [N] [rounds]}.
 */
public final class StreamSpeed {

    private StreamSpeed() {
    }

    /** Arguments: N (default 1000000), rounds of the RCF comparison (default 3), {@code rcf-only} to skip the per-method table. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean rcfOnly = args.length > 2 && args[2].equals("rcf-only");
        float[] x = points(n);
        if (!rcfOnly) {
            System.out.println("method,points,seconds,points_per_s,heap_mb_at_n_over_10,heap_mb_at_n");
            run("ewma", () -> new Ewma(EwmaParams.DEFAULTS, 1), x);
            run("hotelling", () -> new Hotelling(HotellingParams.DEFAULTS, 1), x);
            run("knn-cad", () -> new KnnCad(KnnCadParams.DEFAULTS, 1), x);
            run("stream-discords", () -> new StreamingDiscords(StreamingDiscordsParams.DEFAULTS, 1), x);
            run("rcf", () -> new Rcf(RcfParams.DEFAULTS, 1, 42), x);
            run("trcf", () -> new ThresholdedRcf(ThresholdedRcfParams.DEFAULTS, 1, 42), x);
            System.out.println();
        }
        // warm both paths up so that neither is timed with the JIT cold
        direct(java.util.Arrays.copyOf(x, Math.min(x.length, 20_000)));
        wrapper(java.util.Arrays.copyOf(x, Math.min(x.length, 20_000)));
        System.out.println("rcf_side_by_side,round,points,direct_points_per_s,wrapper_points_per_s");
        List<Double> direct = new ArrayList<>();
        List<Double> wrapped = new ArrayList<>();
        double checksum = 0;
        for (int r = 0; r < rounds; r++) {
            // alternate which side runs first, so that a slow spell of a shared machine hits both alike
            double d;
            double w;
            if (r % 2 == 0) {
                long t0 = System.nanoTime();
                checksum += direct(x);
                d = n / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                checksum -= wrapper(x);
                w = n / ((System.nanoTime() - t0) / 1e9);
            } else {
                long t0 = System.nanoTime();
                checksum -= wrapper(x);
                w = n / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                checksum += direct(x);
                d = n / ((System.nanoTime() - t0) / 1e9);
            }
            direct.add(d);
            wrapped.add(w);
            System.out.printf("rcf_side_by_side,%d,%d,%.0f,%.0f%n", r, n, d, w);
        }
        double md = median(direct);
        double mw = median(wrapped);
        System.out.printf("rcf_side_by_side,median,%d,%.0f,%.0f%n", n, md, mw);
        System.out.printf("wrapper/direct throughput ratio: %.3f (score checksum difference %s)%n", mw / md, checksum);
    }

    private static double direct(float[] x) {
        RandomCutForest f = RandomCutForest.builder().dimensions(RcfParams.SHINGLE_SIZE_DEFAULT).shingleSize(RcfParams.SHINGLE_SIZE_DEFAULT)
                .internalShinglingEnabled(true).numberOfTrees(RcfParams.TREES_DEFAULT).sampleSize(RcfParams.SAMPLE_SIZE_DEFAULT)
                .timeDecay(RcfParams.TIME_DECAY_DEFAULT).outputAfter(RcfParams.OUTPUT_AFTER_DEFAULT).randomSeed(42)
                .parallelExecutionEnabled(false).build();
        double sum = 0;
        for (float v : x) {
            float[] p = {v};
            sum += f.getAnomalyScore(p);
            f.update(p);
        }
        return sum;
    }

    private static double wrapper(float[] x) {
        Rcf f = new Rcf(RcfParams.DEFAULTS, 1, 42);
        double sum = 0;
        float[] p = new float[1];
        for (float v : x) {
            p[0] = v;
            sum += f.scoreAndUpdate(p);
        }
        return sum;
    }

    private static void run(String name, Supplier<OnlineDetector> make, float[] x) {
        long before = heap();
        OnlineDetector d = make.get();
        float[] p = new float[1];
        int tenth = x.length / 10;
        long t0 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < tenth; i++) {
            p[0] = x[i];
            sink += d.scoreAndUpdate(p);
        }
        long pause = System.nanoTime();
        double memTenth = (heap() - before) / 1e6;
        long resume = System.nanoTime();
        for (int i = tenth; i < x.length; i++) {
            p[0] = x[i];
            sink += d.scoreAndUpdate(p);
        }
        double secs = ((pause - t0) + (System.nanoTime() - resume)) / 1e9;
        double mem = (heap() - before) / 1e6;
        System.out.printf("%s,%d,%.2f,%.0f,%.2f,%.2f%n", name, x.length, secs, x.length / secs, memTenth, mem);
        if (Double.isNaN(sink) || d.hashCode() == 0) {
            System.out.println("(unreachable)");
        }
    }

    private static long heap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static float[] points(int n) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * i / 288) + 0.1 * r.nextDouble() + (i % 5000 == 4999 ? 3 : 0));
        }
        return x;
    }
}
