package io.argus.core.neighbors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactKnnTest {

    private static final List<Function<Table, NeighborSearch>> ALGORITHMS = List.of(ExactKnn::kdTree, ExactKnn::bruteForce);

    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        for (int d : new int[] {1, 2, 3, 10, 17, 40}) {
            for (int n : new int[] {21, 100, 1500}) {
                for (int k : new int[] {1, 5, 20}) {
                    out.add(Arguments.of(n, d, k));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "n={0} d={1} k={2}")
    @MethodSource("shapes")
    void continuousDataMatchesDoubleReference(int n, int d, int k) {
        SplittableRandom rnd = new SplittableRandom(31L * n + d);
        Table data = gaussian(rnd, n, d, 3.0);
        Table queries = gaussian(rnd, 37, d, 3.0);
        Neighbors kdSelf = ExactKnn.kdTree(data).selfQuery(k, 2);
        Neighbors bfSelf = ExactKnn.bruteForce(data).selfQuery(k, 1);
        assertThat(kdSelf).isEqualTo(bfSelf);
        assertClose(kdSelf, reference(data, data, k, true), data, data);
        Neighbors kd = ExactKnn.kdTree(data).query(queries, k, 1);
        Neighbors bf = ExactKnn.bruteForce(data).query(queries, k, 2);
        assertThat(kd).isEqualTo(bf);
        assertClose(kd, reference(data, queries, k, false), data, queries);
    }

    @ParameterizedTest(name = "n={0} d={1} k={2}")
    @MethodSource("shapes")
    void integerDataWithTiesMatchesReferenceExactly(int n, int d, int k) {
        SplittableRandom rnd = new SplittableRandom(7L * n + d);
        Table data = integers(rnd, n, d, 3);
        Table queries = integers(rnd, 29, d, 3);
        for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
            NeighborSearch search = algorithm.apply(data);
            assertExact(search.selfQuery(k, 2), reference(data, data, k, true));
            assertExact(search.query(queries, k, 2), reference(data, queries, k, false));
        }
    }

    @Test
    void heavyDuplicatesStayExactAndFast() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 20_000;
        int d = 3;
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            boolean dup = rnd.nextInt(10) != 0;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = dup ? 1.5f : (float) rnd.nextGaussian();
            }
        }
        Table data = Table.of(n, d, v, null, null, null);
        Neighbors kd = ExactKnn.kdTree(data).selfQuery(20, 2);
        Neighbors bf = ExactKnn.bruteForce(data).selfQuery(20, 2);
        assertThat(kd).isEqualTo(bf);
        // A duplicate's neighbours are the 20 smallest other indices of the duplicated row.
        int firstDup = -1;
        for (int i = 0; i < n && firstDup < 0; i++) {
            if (v[i * d] == 1.5f && v[i * d + 1] == 1.5f && v[i * d + 2] == 1.5f) {
                firstDup = i;
            }
        }
        assertThat(kd.index(firstDup, 0)).isGreaterThan(firstDup);
        assertThat(kd.kDistance(firstDup)).isZero();
    }

    @Test
    void allIdenticalRowsDoNotRecurseOrDegrade() {
        int n = 100_000;
        Table data = Table.of(n, 2, new float[n * 2], null, null, null);
        Neighbors kd = ExactKnn.kdTree(data).selfQuery(5, 2);
        assertThat(kd.indices(0)).containsExactly(1, 2, 3, 4, 5);
        assertThat(kd.indices(n - 1)).containsExactly(0, 1, 2, 3, 4);
        assertThat(kd.indices(3)).containsExactly(0, 1, 2, 4, 5);
        assertThat(kd.kDistance(77)).isZero();
    }

    @Test
    void selfIsExcludedByIndexButDuplicatesCount() {
        Table data = Table.of(new float[][] {{1, 1}, {1, 1}, {1, 1}, {5, 5}, {9, 9}});
        for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
            Neighbors nb = algorithm.apply(data).selfQuery(2, 1);
            assertThat(nb.indices(0)).containsExactly(1, 2);
            assertThat(nb.indices(1)).containsExactly(0, 2);
            assertThat(nb.indices(2)).containsExactly(0, 1);
            assertThat(nb.distances(2)).containsExactly(0f, 0f);
            // (1,1) and (9,9) are equally far from (5,5): the smaller indices win the tie.
            assertThat(nb.indices(3)).containsExactly(0, 1);
            assertThat(nb.distance(3, 1)).isEqualTo((float) Math.sqrt(32));
            assertThat(nb.indices(4)).containsExactly(3, 0);
            assertThat(nb.kDistance(3)).isEqualTo(nb.distance(3, 1));
            // A query never excludes anything: the point itself comes first at distance 0.
            Neighbors q = algorithm.apply(data).query(Table.of(new float[][] {{5, 5}}), 1, 1);
            assertThat(q.index(0, 0)).isEqualTo(3);
            assertThat(q.distance(0, 0)).isZero();
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int d : new int[] {4, 24}) {
            Table data = integers(rnd, 3000, d, 4);
            for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
                NeighborSearch search = algorithm.apply(data);
                Neighbors one = search.selfQuery(10, 1);
                assertThat(search.selfQuery(10, 2)).isEqualTo(one);
                assertThat(search.selfQuery(10, 3)).isEqualTo(one);
            }
        }
    }

    @Test
    void kOutOfRangeIsRejectedWithTheRange() {
        Table data = integers(new SplittableRandom(1), 10, 3, 5);
        for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
            NeighborSearch search = algorithm.apply(data);
            assertThatThrownBy(() -> search.selfQuery(25, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("k = 25 must be in [1, 9] (n = 10 points)");
            assertThatThrownBy(() -> search.selfQuery(10, 1)).hasMessage("k = 10 must be in [1, 9] (n = 10 points)");
            assertThatThrownBy(() -> search.query(data, 0, 1)).hasMessage("k = 0 must be in [1, 10] (n = 10 points)");
            assertThatThrownBy(() -> search.query(data, 11, 1)).hasMessage("k = 11 must be in [1, 10] (n = 10 points)");
            assertThatThrownBy(() -> search.selfQuery(3, 0)).hasMessage("threads = 0 must be >= 1");
            assertThatThrownBy(() -> search.query(Table.of(new float[][] {{1, 2}}), 1, 1))
                    .hasMessage("shape mismatch: queries have 2 columns but the indexed data has d = 3");
            assertThat(search.selfQuery(9, 1).k()).isEqualTo(9);
        }
    }

    @Test
    void singlePointAndSingleDimension() {
        Table one = Table.of(new float[][] {{2.5f}});
        for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
            NeighborSearch search = algorithm.apply(one);
            assertThat(search.size()).isEqualTo(1);
            assertThat(search.dimension()).isEqualTo(1);
            Neighbors nb = search.query(Table.of(new float[][] {{0.5f}, {2.5f}}), 1, 2);
            assertThat(nb.queries()).isEqualTo(2);
            assertThat(nb.index(1, 0)).isZero();
            assertThat(nb.distance(0, 0)).isEqualTo(2f);
            assertThat(nb.distance(1, 0)).isZero();
            assertThatThrownBy(() -> search.selfQuery(1, 1)).hasMessage("k = 1 must be in [1, 0] (n = 1 points)");
        }
        Table line = Table.of(new float[][] {{0}, {3}, {1}, {1}, {10}});
        for (Function<Table, NeighborSearch> algorithm : ALGORITHMS) {
            Neighbors nb = algorithm.apply(line).selfQuery(3, 1);
            assertThat(nb.indices(0)).containsExactly(2, 3, 1);
            assertThat(nb.distances(0)).containsExactly(1f, 1f, 3f);
            assertThat(nb.indices(4)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void emptyQueryTableGivesEmptyResult() {
        Table data = integers(new SplittableRandom(2), 50, 2, 3);
        Table none = Table.of(0, 2, new float[0], null, null, null);
        assertThat(ExactKnn.index(data).query(none, 3, 2).queries()).isZero();
    }

    @Test
    void indexChoosesByDimensionAndSize() {
        SplittableRandom rnd = new SplittableRandom(3);
        assertThat(ExactKnn.index(gaussian(rnd, 2000, 16, 1))).isInstanceOf(KdTree.class);
        assertThat(ExactKnn.index(gaussian(rnd, 2000, 17, 1))).isInstanceOf(BruteForce.class);
        assertThat(ExactKnn.index(gaussian(rnd, 100, 2, 1))).isInstanceOf(BruteForce.class);
    }

    @Test
    void farFromOriginStaysExact() {
        // Large offsets are where the ||x||^2 + ||y||^2 - 2xy expansion would lose the neighbours.
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 800;
        int d = 20;
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = 10_000f + (float) rnd.nextGaussian() * 0.01f;
        }
        Table data = Table.of(n, d, v, null, null, null);
        Neighbors kd = ExactKnn.kdTree(data).selfQuery(5, 1);
        assertThat(ExactKnn.bruteForce(data).selfQuery(5, 2)).isEqualTo(kd);
        assertClose(kd, reference(data, data, 5, true), data, data);
    }

    // ---- reference and helpers ----

    /** Naive O(q n) search in double; ties by smaller index. Returns {indices, distances}. */
    private static Object[] reference(Table data, Table queries, int k, boolean self) {
        int n = data.rows();
        int d = data.cols();
        int nq = queries.rows();
        int[] idx = new int[nq * k];
        double[] dist = new double[nq * k];
        for (int q = 0; q < nq; q++) {
            double[] all = new double[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                all[i] = exactDistance(data, i, queries, q);
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> all[a] != all[b] ? Double.compare(all[a], all[b]) : Integer.compare(a, b));
            int j = 0;
            for (int r = 0; r < n && j < k; r++) {
                if (self && order[r] == q) {
                    continue;
                }
                idx[q * k + j] = order[r];
                dist[q * k + j] = all[order[r]];
                j++;
            }
        }
        return new Object[] {idx, dist};
    }

    private static double exactDistance(Table data, int i, Table queries, int q) {
        double s = 0;
        for (int j = 0; j < data.cols(); j++) {
            double diff = (double) data.get(i, j) - queries.get(q, j);
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** Distances agree with the reference; each returned index really lies at its reported distance. */
    private static void assertClose(Neighbors nb, Object[] ref, Table data, Table queries) {
        int[] rIdx = (int[]) ref[0];
        double[] rDist = (double[]) ref[1];
        int k = nb.k();
        for (int q = 0; q < nb.queries(); q++) {
            for (int j = 0; j < k; j++) {
                double expected = rDist[q * k + j];
                double tol = 1e-5 * Math.max(expected, 1e-3) + 1e-6;
                assertThat((double) nb.distance(q, j)).as("query %d neighbour %d", q, j).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
                assertThat(exactDistance(data, nb.index(q, j), queries, q)).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
                if (j > 0) {
                    assertThat(nb.distance(q, j)).isGreaterThanOrEqualTo(nb.distance(q, j - 1));
                }
            }
            assertThat(nb.indices(q)).doesNotHaveDuplicates();
            if (rIdx.length > 0 && data == queries) {
                assertThat(nb.indices(q)).doesNotContain(q);
            }
        }
    }

    private static void assertExact(Neighbors nb, Object[] ref) {
        int[] rIdx = (int[]) ref[0];
        double[] rDist = (double[]) ref[1];
        int k = nb.k();
        for (int q = 0; q < nb.queries(); q++) {
            for (int j = 0; j < k; j++) {
                assertThat(nb.index(q, j)).as("query %d neighbour %d", q, j).isEqualTo(rIdx[q * k + j]);
                assertThat(nb.distance(q, j)).isEqualTo((float) rDist[q * k + j]);
            }
        }
    }

    private static Table gaussian(SplittableRandom rnd, int n, int d, double scale) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * scale);
        }
        return Table.of(n, d, v, null, null, null);
    }

    private static Table integers(SplittableRandom rnd, int n, int d, int bound) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(bound + 1);
        }
        return Table.of(n, d, v, null, null, null);
    }
}
