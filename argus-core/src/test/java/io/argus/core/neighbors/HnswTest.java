package io.argus.core.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.CancelledException;
import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HnswTest {

    @Test
    void recallOnGaussianClustersIsHigh() {
        Table data = clusters(new SplittableRandom(1), 6000, 12, 20);
        Table queries = clusters(new SplittableRandom(2), 500, 12, 20);
        Hnsw index = Hnsw.build(data, Hnsw.Options.DEFAULTS, 7L);
        NeighborSearch exact = ExactKnn.bruteForce(data);
        assertThat(recall(index.selfQuery(10, 2), exact.selfQuery(10, 2))).isGreaterThanOrEqualTo(0.95);
        assertThat(recall(index.query(queries, 10, 2), exact.query(queries, 10, 2))).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void recallOnRealDataSampleIsHigh() {
        Table shuttle = TableReaders.read(TestData.require("adbench_classical/32_shuttle.npz"));
        Table mnist = TableReaders.read(TestData.require("adbench_classical/24_mnist.npz"));
        for (Table t : new Table[] {sample(shuttle, 20_000, 3), mnist}) {
            Hnsw index = Hnsw.build(t, Hnsw.Options.DEFAULTS, 42L);
            double r = recall(index.selfQuery(10, 2), ExactKnn.index(t).selfQuery(10, 2));
            assertThat(r).as("recall@10 on %s", t.source()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void heavyDuplicatesKeepRecallAndShareNodes() {
        // Like 11_donors: a few binary columns and one row repeated for a third of the table.
        SplittableRandom rnd = new SplittableRandom(8);
        int n = 12_000;
        int d = 8;
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            boolean common = rnd.nextInt(3) == 0;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = common ? (j % 2) : j < 6 ? rnd.nextInt(2) : (float) Math.floor(rnd.nextDouble() * 5) / 5f;
            }
        }
        Table data = Table.of(n, d, v, null, null, "dups");
        Hnsw index = Hnsw.build(data, Hnsw.Options.DEFAULTS, 4L);
        assertThat(index.distinctRows()).isLessThan(n / 4);
        Neighbors approx = index.selfQuery(10, 2);
        Neighbors exact = ExactKnn.index(data).selfQuery(10, 2);
        assertThat(recall(approx, exact)).isGreaterThanOrEqualTo(0.95);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) {
                assertThat(approx.index(i, j)).isNotEqualTo(i);
            }
        }
    }

    @Test
    void aSmallBeamLosesRecallSoTheRecallMeasureCanFail() {
        Table data = uniform(new SplittableRandom(5), 4000, 16);
        Hnsw weak = Hnsw.build(data, new Hnsw.Options(2, 2, 1), 1L);
        assertThat(recall(weak.selfQuery(10, 1), ExactKnn.bruteForce(data).selfQuery(10, 1))).isLessThan(0.95);
    }

    @Test
    void sameSeedGivesTheSameAnswerForEveryThreadCount() {
        Table data = clusters(new SplittableRandom(3), 3000, 5, 8);
        Neighbors a = Hnsw.build(data, Hnsw.Options.DEFAULTS, 11L).selfQuery(7, 1);
        Neighbors b = Hnsw.build(data, Hnsw.Options.DEFAULTS, 11L).selfQuery(7, 2);
        Neighbors c = Hnsw.build(data, Hnsw.Options.DEFAULTS, 11L).selfQuery(7, 3);
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
        Hnsw x = Hnsw.build(data, new Hnsw.Options(4, 8, 4), 11L);
        Hnsw y = Hnsw.build(data, new Hnsw.Options(4, 8, 4), 12L);
        int differ = 0;
        for (int i = 0; i < data.rows(); i++) {
            differ += java.util.Arrays.equals(x.links(i, 0), y.links(i, 0)) ? 0 : 1;
        }
        assertThat(differ).as("points whose layer-0 links change with the seed").isGreaterThan(100);
    }

    @Test
    void selfQueryExcludesThePointByIndexButKeepsItsDuplicates() {
        float[] v = new float[200 * 2];
        for (int i = 0; i < 200; i++) {
            v[2 * i] = i % 50;
            v[2 * i + 1] = (i % 50) * 2;
        }
        Table data = Table.of(200, 2, v, null, null, "dups");
        Neighbors nb = Hnsw.build(data, Hnsw.Options.DEFAULTS, 1L).selfQuery(3, 2);
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(nb.index(i, j)).isNotEqualTo(i);
                assertThat(nb.distance(i, j)).isZero();
                assertThat(nb.index(i, j) % 50).isEqualTo(i % 50);
            }
        }
    }

    @Test
    void distancesMatchTheExactSearchBitForBit() {
        Table data = clusters(new SplittableRandom(9), 2000, 40, 5);
        Neighbors approx = Hnsw.build(data, Hnsw.Options.DEFAULTS, 3L).selfQuery(5, 2);
        Neighbors exact = ExactKnn.bruteForce(data).selfQuery(5, 2);
        int same = 0;
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < 5; j++) {
                if (approx.index(i, j) == exact.index(i, j)) {
                    assertThat(approx.distance(i, j)).isEqualTo(exact.distance(i, j));
                    same++;
                }
                if (j > 0) {
                    assertThat(approx.distance(i, j)).isGreaterThanOrEqualTo(approx.distance(i, j - 1));
                }
            }
        }
        assertThat(same).isGreaterThan(data.rows() * 4);
    }

    @Test
    void tinyIndexesAnswerExactly() {
        for (int n = 1; n <= 6; n++) {
            Table data = uniform(new SplittableRandom(n), n, 3);
            Hnsw index = Hnsw.build(data, Hnsw.Options.DEFAULTS, 1L);
            Table queries = uniform(new SplittableRandom(100 + n), 4, 3);
            assertThat(index.query(queries, n, 1)).isEqualTo(ExactKnn.bruteForce(data).query(queries, n, 1));
            if (n > 1) {
                assertThat(index.selfQuery(n - 1, 2)).isEqualTo(ExactKnn.bruteForce(data).selfQuery(n - 1, 2));
            }
        }
    }

    @Test
    void badInputFailsWithTheRange() {
        Table data = uniform(new SplittableRandom(1), 30, 3);
        Hnsw index = Hnsw.build(data, Hnsw.Options.DEFAULTS, 1L);
        assertThatThrownBy(() -> index.selfQuery(30, 1)).hasMessage("k = 30 must be in [1, 29] (n = 30 points)");
        assertThatThrownBy(() -> index.query(data, 0, 1)).hasMessage("k = 0 must be in [1, 30] (n = 30 points)");
        assertThatThrownBy(() -> index.query(data, 3, 0)).hasMessage("threads = 0 must be >= 1");
        assertThatThrownBy(() -> index.query(uniform(new SplittableRandom(2), 3, 4), 3, 1))
                .hasMessage("shape mismatch: queries have 4 columns but the indexed data has d = 3");
        assertThatThrownBy(() -> new Hnsw.Options(1, 200, 10)).hasMessage("parameter m = 1 is out of range; allowed: [2, 512]");
        assertThatThrownBy(() -> new Hnsw.Options(16, 0, 10))
                .hasMessage("parameter efConstruction = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> new Hnsw.Options(16, 200, 0)).hasMessage("parameter efSearch = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> Hnsw.build(Table.of(0, 3, new float[0], null, null, "empty"), Hnsw.Options.DEFAULTS, 1L))
                .hasMessage("hnsw needs at least 1 row to index, got 0");
    }

    @Test
    void cancellationStopsTheBuild() {
        Table data = uniform(new SplittableRandom(1), 3000, 3);
        assertThatThrownBy(() -> Hnsw.build(data, Hnsw.Options.DEFAULTS, 1L, io.argus.core.ProgressListener.NONE, () -> true))
                .isInstanceOf(CancelledException.class).hasMessageContaining("hnsw build cancelled after 1024 of 3000 distinct rows");
    }

    /**
     * recall@k as ANN benchmarks count it: the share of returned neighbours no farther than the exact
     * k-th neighbour. Distances are bit-identical between the two searches, so no tolerance is needed,
     * and ties at the k-th distance (duplicates) are not counted as misses.
     */
    static double recall(Neighbors approx, Neighbors exact) {
        long hits = 0;
        for (int q = 0; q < exact.queries(); q++) {
            float kth = exact.kDistance(q);
            for (int j = 0; j < approx.k(); j++) {
                if (approx.distance(q, j) <= kth) {
                    hits++;
                }
            }
        }
        return hits / (double) ((long) exact.queries() * exact.k());
    }

    static Table sample(Table t, int rows, long seed) {
        if (t.rows() <= rows) {
            return t;
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[t.rows()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < rows; i++) {
            int j = i + r.nextInt(idx.length - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return t.select(java.util.Arrays.copyOf(idx, rows));
    }

    static Table clusters(SplittableRandom rnd, int n, int d, int k) {
        float[][] centres = new float[k][d];
        SplittableRandom c = new SplittableRandom(1234);
        for (float[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = (float) (c.nextDouble() * 20 - 10);
            }
        }
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            float[] centre = centres[rnd.nextInt(k)];
            for (int j = 0; j < d; j++) {
                v[i * d + j] = centre[j] + (float) gauss(rnd);
            }
        }
        return Table.of(n, d, v, null, null, "clusters");
    }

    static Table uniform(SplittableRandom rnd, int n, int d) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextDouble();
        }
        return Table.of(n, d, v, null, null, "uniform");
    }

    private static double gauss(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
