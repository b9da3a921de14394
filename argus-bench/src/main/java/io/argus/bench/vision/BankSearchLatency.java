package io.argus.bench.vision;

import io.argus.core.data.Table;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.NeighborSearch;
import io.argus.core.neighbors.Neighbors;
import io.argus.vision.maps.MapOps;
import io.argus.vision.methods.patchcore.BankSearch;
import java.util.Arrays;
import java.util.Random;

/**
 * PatchCore's per-image nearest-neighbour search, the core's exact brute force against
 * {@link BankSearch}, on a synthetic memory bank of the magnetic tile run's shape (ReLU-like
 * features), alternating the two in one JVM so both see the same load; checks that they return the
 * same neighbours and distances, and times the map's upsampling and Gaussian blur beside them.
 *
 * <p>Usage: {@code BankSearchLatency BANK DIM QUERIES K THREADS ROUNDS}.
 */
public final class BankSearchLatency {

    private BankSearchLatency() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int nq = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        Random r = new Random(42);
        float[] bank = new float[n * d];
        for (int i = 0; i < bank.length; i++) {
            bank[i] = (float) Math.max(0, r.nextGaussian());
        }
        NeighborSearch old = ExactKnn.bruteForce(Table.of(n, d, bank, null, null, "bank"));
        BankSearch now = new BankSearch(bank, n, d);
        int side = (int) Math.round(Math.sqrt(nq));
        double[] tOld = new double[rounds];
        double[] tNew = new double[rounds];
        double[] tMap = new double[rounds];
        for (int it = 0; it < rounds + 3; it++) {
            float[] q = new float[nq * d];
            for (int i = 0; i < q.length; i++) {
                q[i] = (float) Math.max(0, r.nextGaussian());
            }
            Table qt = Table.of(nq, d, q, null, null, null);
            Neighbors a;
            Neighbors b;
            long t0;
            long t1;
            long t2;
            if (it % 2 == 0) {
                t0 = System.nanoTime();
                a = old.query(qt, k, threads);
                t1 = System.nanoTime();
                b = now.query(q, nq, k, threads);
                t2 = System.nanoTime();
            } else {
                t0 = System.nanoTime();
                b = now.query(q, nq, k, threads);
                t1 = System.nanoTime();
                a = old.query(qt, k, threads);
                t2 = System.nanoTime();
                long oldNs = t2 - t1;
                t2 = t0 + (t1 - t0) + oldNs;
                t1 = t0 + oldNs;
            }
            if (!a.equals(b)) {
                throw new IllegalStateException("round " + it + ": the two searches disagree");
            }
            float[] grid = new float[side * side];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = a.distance(i, 0);
            }
            long m0 = System.nanoTime();
            float[] map = MapOps.resize(grid, side, side, 224, 224, false);
            MapOps.gaussian(map, 224, 224, 4.0);
            long m1 = System.nanoTime();
            if (it >= 3) {
                tOld[it - 3] = (t1 - t0) / 1e6;
                tNew[it - 3] = (t2 - t1) / 1e6;
                tMap[it - 3] = (m1 - m0) / 1e6;
            }
        }
        System.out.printf("bank %d x %d, %d queries, k = %d, %d threads, %d rounds after 3 warm-up, identical results%n",
                n, d, nq, k, threads, rounds);
        System.out.printf("core brute force: median %.1f ms, mean %.1f ms%n", median(tOld), mean(tOld));
        System.out.printf("BankSearch:       median %.1f ms, mean %.1f ms%n", median(tNew), mean(tNew));
        System.out.printf("map resize %dx%d->224 + Gaussian blur sigma 4: median %.1f ms%n", side, side, median(tMap));
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }
}
