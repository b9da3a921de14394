package io.argus.bench;

import io.argus.core.data.Table;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's data set, generated so that Argus can show itself without any download: 1,500 normal
 * points in three 2-D Gaussian clusters of different density, 20 global anomalies scattered far from
 * every cluster, and 10 local anomalies in a ring just outside the densest cluster (far in its terms,
 * close in absolute distance: what LOF exists for). Labels mark the 30 anomalies.
 */
public final class DemoData {

    /** Number of rows. */
    public static final int ROWS = 1530;

    private DemoData() {
    }

    /** Generates the data set; the same seed gives the same table. */
    public static Table generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[ROWS * 2];
        int[] y = new int[ROWS];
        int i = 0;
        i = cluster(v, i, 1000, 0, 0, 1.0, rnd);
        i = cluster(v, i, 400, 6, 6, 0.3, rnd);
        i = cluster(v, i, 100, -5, 6, 0.6, rnd);
        double[][] centres = {{0, 0, 1.0}, {6, 6, 0.3}, {-5, 6, 0.6}};
        int global = 0;
        while (global < 20) {
            double x = -9 + 19 * rnd.nextDouble();
            double z = -6 + 18 * rnd.nextDouble();
            boolean far = true;
            for (double[] c : centres) {
                if (Math.hypot(x - c[0], z - c[1]) < 5 * c[2] + 1) {
                    far = false;
                }
            }
            if (far) {
                v[2 * i] = (float) x;
                v[2 * i + 1] = (float) z;
                y[i++] = 1;
                global++;
            }
        }
        for (int k = 0; k < 10; k++) {
            double angle = 2 * Math.PI * rnd.nextDouble();
            double radius = 1.6 + 0.6 * rnd.nextDouble();
            v[2 * i] = (float) (6 + radius * Math.cos(angle));
            v[2 * i + 1] = (float) (6 + radius * Math.sin(angle));
            y[i++] = 1;
        }
        return Table.of(ROWS, 2, v, List.of("x", "y"), y, "argus-demo");
    }

    private static int cluster(float[] v, int start, int count, double cx, double cy, double sigma, SplittableRandom rnd) {
        int i = start;
        for (int k = 0; k < count; k++) {
            v[2 * i] = (float) (cx + sigma * gaussian(rnd));
            v[2 * i + 1] = (float) (cy + sigma * gaussian(rnd));
            i++;
        }
        return i;
    }

    /** A standard normal draw (Box–Muller), since SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
