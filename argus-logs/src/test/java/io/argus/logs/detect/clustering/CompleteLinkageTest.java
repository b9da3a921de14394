package io.argus.logs.detect.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nearest-neighbour chain (scipy's algorithm for complete linkage) against textbook agglomeration.
 * With tied distances complete linkage is not unique, so the data have distinct distances.
 */
class CompleteLinkageTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void nearestNeighbourChainCutEqualsTheNaiveAgglomerationCut(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 60;
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = r.nextDouble(); // distinct distances: complete linkage is unique without ties
            }
        }
        double t = 0.01 + 0.05 * r.nextInt(5);
        int[] fast;
        try (Context ctx = Context.builder().threads(2).build()) {
            fast = LogClustering.completeLinkage(x, n, t, ctx);
        }
        int[] slow = naive(x, t);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(fast[i] == fast[j]).as("rows %d and %d, t = %s", i, j, t).isEqualTo(slow[i] == slow[j]);
            }
        }
    }

    /** Textbook agglomeration: merge the closest pair (complete linkage) while its distance is at most t. */
    private static int[] naive(double[][] x, double t) {
        int n = x.length;
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (clusters.size() > 1) {
            double best = Double.POSITIVE_INFINITY;
            int ba = -1;
            int bb = -1;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double d = 0;
                    for (int i : clusters.get(a)) {
                        for (int j : clusters.get(b)) {
                            d = Math.max(d, LogClustering.distance(x[i], x[j]));
                        }
                    }
                    if (d < best) {
                        best = d;
                        ba = a;
                        bb = b;
                    }
                }
            }
            if (best > t) {
                break;
            }
            clusters.get(ba).addAll(clusters.remove(bb));
        }
        int[] label = new int[n];
        for (int c = 0; c < clusters.size(); c++) {
            for (int i : clusters.get(c)) {
                label[i] = c;
            }
        }
        return label;
    }
}
