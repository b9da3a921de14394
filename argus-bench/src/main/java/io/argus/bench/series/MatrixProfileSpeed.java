package io.argus.bench.series;

import io.argus.core.Context;
import io.argus.timeseries.mp.MatrixProfile;
import java.util.SplittableRandom;

/**
 * Times the exact matrix profile self-join ({@link MatrixProfile#selfJoin}) on random walks of n = N/8,
 * N/4, N/2, N points (default N = 100,000, window m = 100) and sets the time beside the O(n²) operation
 * count: the number of subsequence pairs the join evaluates, l(l−1)/2 minus the exclusion zone, with
 * l = n − m + 1. The last columns give nanoseconds per pair and the time ratio to the previous size
 * (4 for quadratic growth).
 *
 * <p>Run (nice'd, after {@code ./mvnw -o -q -B -pl argus-cli -am package -DskipTests}):
 * {@code nice -n 10 java -cp "argus-cli/target/argus-cli.jar:argus-cli/target/lib/*"
 * io.argus.bench.series.MatrixProfileSpeed [N] [m] [threads]}.
 */
public final class MatrixProfileSpeed {

    private MatrixProfileSpeed() {
    }

    /** Arguments: N (default 100000), m (default 100), threads (default: all cores). */
    public static void main(String[] args) {
        int big = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        System.out.println("n,m,threads,pairs,seconds,ns_per_pair,time_ratio,pairs_ratio");
        double prev = Double.NaN;
        long prevPairs = 0;
        try (Context ctx = Context.builder().threads(threads).build()) {
            // warm-up so that the first size is not timed with the JIT cold
            MatrixProfile.selfJoin(walk(5_000, 1), m, ctx);
            for (int n = big / 8; n <= big; n *= 2) {
                double[] t = walk(n, 42);
                long t0 = System.nanoTime();
                MatrixProfile mp = MatrixProfile.selfJoin(t, m, ctx);
                double s = (System.nanoTime() - t0) / 1e9;
                long pairs = MatrixProfile.pairCount(n, m, mp.exclusion());
                System.out.printf("%d,%d,%d,%d,%.3f,%.3f,%s,%s%n", n, m, threads, pairs, s, s * 1e9 / pairs,
                        Double.isNaN(prev) ? "" : String.format("%.2f", s / prev),
                        prevPairs == 0 ? "" : String.format("%.2f", (double) pairs / prevPairs));
                prev = s;
                prevPairs = pairs;
                if (n * 2 > big && n != big) {
                    n = big / 2; // make the last size exactly N
                }
            }
        }
    }

    private static double[] walk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            t[i] = v;
        }
        return t;
    }
}
