package io.argus.metrics.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusteringMetricsTest {

    /** 60 seeded labelings with scikit-learn 1.2.1's NMI and ARI; made by golden/make_cluster_severity_golden.py. */
    static Stream<Arguments> sklearnCases() throws IOException {
        try (InputStream in = ClusteringMetricsTest.class.getResourceAsStream("/golden/cluster_severity.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Stream.Builder<Arguments> b = Stream.builder();
            int i = 0;
            for (JsonNode c : root.get("clustering")) {
                b.add(Arguments.of(i++, ints(c.get("labels_true")), ints(c.get("labels_pred")), c.get("nmi").asDouble(), c.get("ari").asDouble()));
            }
            return b.build();
        }
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = a.get(k).asInt();
        }
        return v;
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("sklearnCases")
    void matchesScikitLearn(int id, int[] t, int[] p, double nmi, double ari) {
        assertThat(ClusteringMetrics.nmi(t, p)).isCloseTo(nmi, within(1e-9));
        assertThat(ClusteringMetrics.ari(t, p)).isCloseTo(ari, within(1e-9));
        // Symmetry in the two labelings.
        assertThat(ClusteringMetrics.nmi(p, t)).isCloseTo(nmi, within(1e-12));
        assertThat(ClusteringMetrics.ari(p, t)).isCloseTo(ari, within(1e-12));
    }

    @Test
    void invariantUnderRenamingIds() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(200);
            int[] t = new int[n];
            int[] p = new int[n];
            int[] renamed = new int[n];
            int[] perm = {42, -7, 3, 1000, 0, 9};
            for (int i = 0; i < n; i++) {
                t[i] = rnd.nextInt(4);
                p[i] = rnd.nextInt(6);
                renamed[i] = perm[p[i]];
            }
            assertThat(ClusteringMetrics.nmi(t, renamed)).isCloseTo(ClusteringMetrics.nmi(t, p), within(1e-14));
            assertThat(ClusteringMetrics.ari(t, renamed)).isEqualTo(ClusteringMetrics.ari(t, p));
            assertThat(ClusteringMetrics.matchedAccuracy(t, renamed)).isEqualTo(ClusteringMetrics.matchedAccuracy(t, p));
        }
    }

    @Test
    void handWorkedValues() {
        // Perfect up to renaming.
        assertThat(ClusteringMetrics.nmi(new int[] {0, 0, 1, 1}, new int[] {5, 5, 2, 2})).isEqualTo(1.0);
        assertThat(ClusteringMetrics.ari(new int[] {0, 0, 1, 1}, new int[] {5, 5, 2, 2})).isEqualTo(1.0);
        // scikit-learn's conventions for trivial partitions.
        assertThat(ClusteringMetrics.nmi(new int[] {1, 1, 1}, new int[] {4, 4, 4})).isEqualTo(1.0);
        assertThat(ClusteringMetrics.nmi(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        // ARI of sklearn's docstring example: [0,0,1,1] vs [0,0,1,2] = 0.5714285714285714.
        assertThat(ClusteringMetrics.ari(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2})).isCloseTo(4.0 / 7, within(1e-15));
        // Hungarian: truth 0,0,0,1,1,2; clusters 7,7,8,8,8,9 -> best map 7->0, 8->1, 9->2: 2+2+1 = 5/6.
        MatchedClustering m = ClusteringMetrics.matched(new int[] {0, 0, 0, 1, 1, 2}, new int[] {7, 7, 8, 8, 8, 9});
        assertThat(m.accuracy()).isCloseTo(5.0 / 6, within(1e-15));
        // F1: class 0: 2*2/(3+2) = .8; class 1: 2*2/(2+3) = .8; class 2: 2*1/(1+1) = 1.
        assertThat(m.macroF1()).isCloseTo((0.8 + 0.8 + 1) / 3, within(1e-15));
        assertThat(m.clusterIds()).containsExactly(7, 8, 9);
        assertThat(m.clusterToClass()).containsExactly(0, 1, 2);
        // More clusters than classes: cluster 3 stays unmatched, its unit counts as wrong.
        MatchedClustering extra = ClusteringMetrics.matched(new int[] {0, 0, 1, 1}, new int[] {1, 1, 2, 3});
        assertThat(extra.accuracy()).isEqualTo(0.75);
        assertThat(extra.matched()).containsExactly(true, true, false);
        // More classes than clusters: class 2 has no cluster, F1 0.
        MatchedClustering fewer = ClusteringMetrics.matched(new int[] {0, 1, 2}, new int[] {0, 0, 1});
        assertThat(fewer.accuracy()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(fewer.macroF1()).isCloseTo((2.0 / 3 + 0 + 1) / 3, within(1e-15));
    }

    @Test
    void hungarianMatchesBruteForceUpToSix() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + rnd.nextInt(6);
            int c = 1 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(60);
            int[] t = new int[n];
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = rnd.nextInt(k);
                p[i] = rnd.nextBoolean() ? t[i] % c : rnd.nextInt(c);
            }
            MatchedClustering m = ClusteringMetrics.matched(t, p);
            BruteForce best = BruteForce.of(t, p);
            assertThat(m.accuracy()).as("trial %d", trial).isCloseTo(best.accuracy, within(1e-12));
            assertThat(best.f1sAtBestAccuracy).as("trial %d: F1 %s", trial, m.macroF1())
                    .anySatisfy(f -> assertThat(f).isCloseTo(m.macroF1(), within(1e-12)));
        }
        // Random real cost matrices, rectangular both ways.
        for (int trial = 0; trial < 200; trial++) {
            int r = 1 + rnd.nextInt(6);
            int c = 1 + rnd.nextInt(6);
            double[][] cost = new double[r][c];
            for (double[] row : cost) {
                for (int j = 0; j < c; j++) {
                    row[j] = rnd.nextDouble() * 10 - 5;
                }
            }
            int[] a = Hungarian.minCostAssignment(cost);
            double total = 0;
            for (int i = 0; i < r; i++) {
                if (a[i] >= 0) {
                    total += cost[i][a[i]];
                }
            }
            assertThat(total).isCloseTo(BruteForce.minCost(cost), within(1e-9));
        }
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> ClusteringMetrics.nmi(new int[] {1, 2}, new int[] {1}))
                .hasMessage("length mismatch: 2 true labels but 1 predicted labels");
        assertThatThrownBy(() -> ClusteringMetrics.ari(new int[0], new int[0])).hasMessage("metric undefined: the labelings are empty");
        assertThatThrownBy(() -> Hungarian.minCostAssignment(new double[][] {{1, Double.NaN}}))
                .hasMessage("cost[0][1] is NaN; costs must be finite");
        assertThatThrownBy(() -> Hungarian.minCostAssignment(new double[][] {{1, 2}, {1}}))
                .hasMessage("cost matrix is ragged: row 0 has 2 columns, row 1 has 1");
    }

    /** Exhaustive search over injective maps between the smaller and the larger side. */
    static final class BruteForce {
        double accuracy = -1;
        java.util.List<Double> f1sAtBestAccuracy = new java.util.ArrayList<>();

        static BruteForce of(int[] t, int[] p) {
            int k = 0;
            int c = 0;
            for (int i = 0; i < t.length; i++) {
                k = Math.max(k, t[i] + 1);
                c = Math.max(c, p[i] + 1);
            }
            long[][] cnt = new long[c][k];
            long[] classSize = new long[k];
            long[] clusterSize = new long[c];
            for (int i = 0; i < t.length; i++) {
                cnt[p[i]][t[i]]++;
                classSize[t[i]]++;
                clusterSize[p[i]]++;
            }
            BruteForce b = new BruteForce();
            // Assign each cluster a class or none (-1), classes used at most once.
            int[] map = new int[c];
            b.search(0, map, new boolean[k], cnt, classSize, clusterSize, t.length);
            return b;
        }

        private void search(int g, int[] map, boolean[] used, long[][] cnt, long[] classSize, long[] clusterSize, int n) {
            if (g == map.length) {
                long correct = 0;
                double f1 = 0;
                int presentClasses = 0;
                for (long s : classSize) {
                    presentClasses += s > 0 ? 1 : 0;
                }
                for (int h = 0; h < map.length; h++) {
                    if (map[h] >= 0) {
                        correct += cnt[h][map[h]];
                        if (classSize[map[h]] > 0) {
                            f1 += 2.0 * cnt[h][map[h]] / (classSize[map[h]] + clusterSize[h]);
                        }
                    }
                }
                double acc = (double) correct / n;
                f1 /= presentClasses;
                if (acc > accuracy + 1e-12) {
                    accuracy = acc;
                    f1sAtBestAccuracy.clear();
                }
                if (Math.abs(acc - accuracy) <= 1e-12) {
                    f1sAtBestAccuracy.add(f1);
                }
                return;
            }
            map[g] = -1;
            search(g + 1, map, used, cnt, classSize, clusterSize, n);
            for (int j = 0; j < used.length; j++) {
                if (!used[j]) {
                    used[j] = true;
                    map[g] = j;
                    search(g + 1, map, used, cnt, classSize, clusterSize, n);
                    used[j] = false;
                }
            }
            map[g] = -1;
        }

        static double minCost(double[][] cost) {
            int r = cost.length;
            int c = cost[0].length;
            return r <= c ? minCost(cost, 0, new boolean[c], false) : minCost(transpose(cost), 0, new boolean[r], false);
        }

        private static double minCost(double[][] cost, int i, boolean[] used, boolean unused) {
            if (i == cost.length) {
                return 0;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < used.length; j++) {
                if (!used[j]) {
                    used[j] = true;
                    best = Math.min(best, cost[i][j] + minCost(cost, i + 1, used, unused));
                    used[j] = false;
                }
            }
            return best;
        }

        private static double[][] transpose(double[][] a) {
            double[][] t = new double[a[0].length][a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[0].length; j++) {
                    t[j][i] = a[i][j];
                }
            }
            return t;
        }
    }
}
