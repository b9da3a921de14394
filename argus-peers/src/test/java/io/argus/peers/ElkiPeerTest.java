package io.argus.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.data.Table;
import io.argus.metrics.BinaryMetrics;
import io.argus.tabular.knn.KnnProvider;
import io.argus.tabular.lof.LofProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks that the ELKI peer computes the same quantities as Argus (so that the speed comparison
 * compares like with like): on random data without ties, LOF and kNN distances agree to float rounding,
 * with and without ELKI's k-d tree, on one thread and on two.
 */
class ElkiPeerTest {

    private static final int N = 1500;
    private static final int D = 5;

    private static double[][] data() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] x = new double[N][D];
        for (int i = 0; i < N; i++) {
            double shift = i % 50 == 0 ? 4 : 0;
            for (int j = 0; j < D; j++) {
                // float-representable values, so Argus' float32 table holds exactly the same points
                x[i][j] = (float) (shift + rnd.nextGaussian());
            }
        }
        return x;
    }

    private static Table table(double[][] x) {
        float[] v = new float[N * D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                v[i * D + j] = (float) x[i][j];
            }
        }
        return Table.of(N, D, v, null, null, "random");
    }

    @Test
    void lofAndKnnAgreeWithArgus() {
        double[][] x = data();
        Table t = table(x);
        double[] argusLof;
        double[] argusKnn;
        try (Context ctx = Context.builder().seed(0).threads(1).build()) {
            LofProvider lof = new LofProvider();
            argusLof = lof.detector(lof.defaults()).fitScore(t, ctx).trainingScores().values();
            KnnProvider knn = new KnnProvider();
            argusKnn = knn.detector(knn.defaults()).fitScore(t, ctx).trainingScores().values();
        }
        int k = new LofProvider().defaults().k();
        for (boolean indexed : new boolean[] {false, true}) {
            for (int threads : new int[] {1, 2}) {
                var rel = Elki.relation(x, indexed);
                double[] elkiLof = Elki.lof(rel, k, threads);
                double[] elkiKnn = Elki.knn(rel, 5, threads);
                for (int i = 0; i < N; i++) {
                    assertThat(elkiLof[i]).as("lof row %d, indexed %s, threads %d", i, indexed, threads).isCloseTo(argusLof[i], within(1e-4));
                    assertThat(elkiKnn[i]).as("knn row %d", i).isCloseTo(argusKnn[i], within(1e-4));
                }
            }
        }
    }

    @Test
    void iforestFindsTheShiftedRows() {
        double[][] x = data();
        int[] labels = new int[N];
        for (int i = 0; i < N; i += 50) {
            labels[i] = 1;
        }
        double[] s = Elki.iforest(Elki.relation(x, false), 7);
        assertThat(BinaryMetrics.auroc(s, labels)).isGreaterThan(0.9);
    }
}
