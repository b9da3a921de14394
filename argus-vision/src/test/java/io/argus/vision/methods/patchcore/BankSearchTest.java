package io.argus.vision.methods.patchcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.data.Table;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.Neighbors;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BankSearchTest {

    /** The plain reference: direct float squared distances in dimension order, k smallest, ties to the lower index. */
    private static Neighbors plain(float[] bank, int n, int d, float[] queries, int nq, int k) {
        int[] idx = new int[nq * k];
        float[] dist = new float[nq * k];
        for (int q = 0; q < nq; q++) {
            float[] all = new float[n];
            for (int p = 0; p < n; p++) {
                float acc = 0f;
                for (int j = 0; j < d; j++) {
                    float diff = bank[p * d + j] - queries[q * d + j];
                    acc = Math.fma(diff, diff, acc);
                }
                all[p] = acc;
            }
            boolean[] used = new boolean[n];
            for (int j = 0; j < k; j++) {
                int arg = -1;
                for (int p = 0; p < n; p++) {
                    if (!used[p] && (arg < 0 || all[p] < all[arg])) {
                        arg = p;
                    }
                }
                used[arg] = true;
                idx[q * k + j] = arg;
                dist[q * k + j] = (float) Math.sqrt(all[arg]);
            }
        }
        return new Neighbors(nq, k, idx, dist);
    }

    private static float[] relu(Random r, int len, double offset) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = (float) Math.max(0, r.nextGaussian() + offset);
        }
        return x;
    }

    private static void assertSame(Neighbors got, Neighbors want) {
        for (int q = 0; q < want.queries(); q++) {
            assertThat(got.indices(q)).as("indices of query %d", q).containsExactly(want.indices(q));
            assertThat(got.distances(q)).as("distances of query %d", q).containsExactly(want.distances(q));
        }
    }

    @Test
    void equalsPlainLoopAndCoreBruteForceOnRandomBanks() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {5, 3}, {37, 17}, {301, 64}, {700, 256}};
        for (int[] s : shapes) {
            int n = s[0];
            int d = s[1];
            // Far from the origin (offset 5) is where the expansion loses most precision.
            for (double offset : new double[] {0, 5}) {
                float[] bank = relu(r, n * d, offset);
                int nq = 21;
                float[] queries = relu(r, nq * d, offset);
                BankSearch search = new BankSearch(bank, n, d);
                for (int k : new int[] {1, 3}) {
                    if (k > n) {
                        continue;
                    }
                    Neighbors want = plain(bank, n, d, queries, nq, k);
                    for (int threads : new int[] {1, 2}) {
                        Neighbors got = search.query(queries, nq, k, threads);
                        assertSame(got, want);
                        assertSame(got, ExactKnn.bruteForce(Table.of(n, d, bank, null, null, "bank")).query(
                                Table.of(nq, d, queries, null, null, null), k, threads));
                    }
                }
            }
        }
    }

    @Test
    void tiesGoToTheLowerIndexAndNearTiesAreResolvedExactly() {
        Random r = new Random(11);
        int d = 48;
        int n = 200;
        float[] bank = relu(r, n * d, 3);
        // Exact duplicates at 17, 90 and 150; near duplicates (one ulp apart in one coordinate) at 40 and 41.
        System.arraycopy(bank, 17 * d, bank, 90 * d, d);
        System.arraycopy(bank, 17 * d, bank, 150 * d, d);
        System.arraycopy(bank, 40 * d, bank, 41 * d, d);
        bank[41 * d + 5] = Math.nextUp(bank[41 * d + 5]);
        int nq = 6;
        float[] queries = new float[nq * d];
        System.arraycopy(bank, 17 * d, queries, 0, d); // distance 0 to three bank rows
        System.arraycopy(bank, 40 * d, queries, d, d);
        for (int j = 0; j < d; j++) {
            queries[2 * d + j] = bank[17 * d + j] + 0.25f; // equidistant from the duplicates, not on them
        }
        float[] rest = relu(r, 3 * d, 3);
        System.arraycopy(rest, 0, queries, 3 * d, 3 * d);
        BankSearch search = new BankSearch(bank, n, d);
        for (int k : new int[] {1, 2, 3, 4}) {
            Neighbors want = plain(bank, n, d, queries, nq, k);
            assertSame(search.query(queries, nq, k, 2), want);
        }
        Neighbors three = search.query(queries, nq, 3, 1);
        assertThat(three.indices(0)).containsExactly(17, 90, 150);
        assertThat(three.distance(0, 0)).isZero();
        assertThat(three.index(1, 0)).isEqualTo(40);
    }

    @Test
    void nearDuplicatesBelowTheScreeningErrorAreRankedByTheDirectDistance() {
        // A cluster of near-copies far from the origin: their distances to a nearby query differ by less
        // than the rounding error of ||q||² + ||b||² − 2 q·b, so only the re-check can order them.
        Random r = new Random(3);
        int d = 256;
        int n = 400;
        float[] bank = relu(r, n * d, 0);
        float[] centre = relu(r, d, 20);
        for (int p = 100; p < 160; p++) {
            for (int j = 0; j < d; j++) {
                bank[p * d + j] = centre[j] + (float) (1e-4 * r.nextGaussian());
            }
        }
        int nq = 16;
        float[] queries = new float[nq * d];
        for (int q = 0; q < nq; q++) {
            for (int j = 0; j < d; j++) {
                queries[q * d + j] = centre[j] + (float) (1e-4 * r.nextGaussian());
            }
        }
        BankSearch search = new BankSearch(bank, n, d);
        for (int k : new int[] {1, 3}) {
            assertSame(search.query(queries, nq, k, 2), plain(bank, n, d, queries, nq, k));
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new BankSearch(new float[10], 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 4 needs 12 values");
        BankSearch s = new BankSearch(new float[12], 3, 4);
        assertThatThrownBy(() -> s.query(new float[7], 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 queries of 4 dims need 8 values");
        assertThatThrownBy(() -> s.query(new float[8], 2, 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 4 must be in [1, 3]");
    }
}
