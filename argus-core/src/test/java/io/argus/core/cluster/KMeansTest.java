package io.argus.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.data.Table;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static final double[][] TRUE_CENTERS = {{0, 0}, {10, 0}, {0, 10}};

    /** n rows around the three centres (unit Gaussian noise), row i from centre i % 3. */
    private static Table blobs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double[] c = TRUE_CENTERS[i % 3];
            v[2 * i] = (float) (c[0] + rnd.nextGaussian());
            v[2 * i + 1] = (float) (c[1] + rnd.nextGaussian());
        }
        return Table.of(n, 2, v, null, null, "blobs");
    }

    private static KMeans.Clustering fit(KMeans km, Table t, long seed, int threads) {
        try (Context ctx = Context.builder().seed(seed).threads(threads).build()) {
            return km.fit(t, ctx);
        }
    }

    @Test
    void separatedBlobsAreRecovered() {
        Table t = blobs(600, 1);
        KMeans.Clustering c = fit(KMeans.withDefaults(3), t, 7, 2);
        for (double[] truth : TRUE_CENTERS) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                best = Math.min(best, Math.hypot(c.centers()[2 * k] - truth[0], c.centers()[2 * k + 1] - truth[1]));
            }
            assertThat(best).as("centre near %s", Arrays.toString(truth)).isLessThan(0.2);
        }
        assertThat(c.sizes()).containsExactlyInAnyOrder(200, 200, 200);
        // rows of the same true blob share a label
        for (int i = 3; i < 600; i++) {
            assertThat(c.labels()[i]).isEqualTo(c.labels()[i % 3]);
        }
    }

    @Test
    void resultIsALloydFixedPoint() {
        Table t = blobs(900, 2);
        KMeans.Clustering c = fit(new KMeans(5, 3, 300, 0, 1), t, 3, 2);
        int d = 2;
        double[] sums = new double[5 * d];
        int[] sizes = new int[5];
        double inertia = 0;
        for (int i = 0; i < t.rows(); i++) {
            int l = c.labels()[i];
            assertThat(l).isEqualTo(KMeans.nearest(t.values(), i, d, c.centers(), 5));
            sizes[l]++;
            sums[l * d] += t.get(i, 0);
            sums[l * d + 1] += t.get(i, 1);
            inertia += KMeans.squaredDistance(t.values(), i * d, c.centers(), l * d, d);
        }
        assertThat(c.sizes()).containsExactly(sizes);
        assertThat(c.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
        for (int k = 0; k < 5; k++) {
            assertThat(c.centers()[k * d]).isCloseTo(sums[k * d] / sizes[k], within(1e-9));
            assertThat(c.centers()[k * d + 1]).isCloseTo(sums[k * d + 1] / sizes[k], within(1e-9));
        }
    }

    @Test
    void moreRestartsNeverIncreaseTheInertia() {
        Table t = blobs(500, 4);
        double one = fit(new KMeans(8, 1, 300, 1e-4, 1), t, 11, 2).inertia();
        double ten = fit(new KMeans(8, 10, 300, 1e-4, 1), t, 11, 2).inertia();
        assertThat(ten).isLessThanOrEqualTo(one); // restart 0 is the same in both
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        Table t = blobs(10_000, 5); // three blocks of 4096 rows
        KMeans km = KMeans.withDefaults(8);
        KMeans.Clustering a = fit(km, t, 9, 1);
        KMeans.Clustering b = fit(km, t, 9, 2);
        assertThat(b.centers()).containsExactly(a.centers());
        assertThat(b.labels()).containsExactly(a.labels());
        assertThat(b.inertia()).isEqualTo(a.inertia());
        assertThat(fit(km, t, 10, 2).centers()).isNotEqualTo(a.centers());
    }

    @Test
    void fewerDistinctRowsThanClustersLeavesEmptyClustersAndZeroInertia() {
        float[] v = new float[30];
        for (int i = 0; i < 30; i++) {
            v[i] = i % 3;
        }
        KMeans.Clustering c = fit(KMeans.withDefaults(5), Table.of(30, 1, v, null, null, null), 1, 1);
        assertThat(c.inertia()).isZero();
        assertThat(Arrays.stream(c.sizes()).sum()).isEqualTo(30);
    }

    @Test
    void kMeansPlusPlusSeedsFarApartPoints() {
        // two tight groups 1000 apart: the second seed is from the other group with probability ~1
        Table t = Table.of(new float[][] {{0}, {0.1f}, {0.2f}, {1000}, {1000.1f}});
        try (Context ctx = Context.builder().seed(5).threads(1).build()) {
            for (int s = 0; s < 20; s++) {
                double[] c = new KMeans(2, 1, 1, 0, 1).seed(t, ctx.random(s), ctx);
                assertThat(Math.abs(c[0] - c[1])).isGreaterThan(999);
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> new KMeans(0, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage("k = 0 must be >= 1");
        assertThatThrownBy(() -> new KMeans(2, 1, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tol = -1.0 must be finite and >= 0");
        try (Context ctx = Context.builder().threads(1).build()) {
            assertThatThrownBy(() -> KMeans.withDefaults(4).fit(Table.of(new float[][] {{1}, {2}}), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("k-means with k = 4 needs at least 4 rows, got 2");
        }
    }
}
