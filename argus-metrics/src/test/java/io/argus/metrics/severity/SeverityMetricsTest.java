package io.argus.metrics.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.metrics.BinaryMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeverityMetricsTest {

    /** 60 seeded pairs with ties and scipy 1.10.1's kendalltau; made by golden/make_cluster_severity_golden.py. */
    static Stream<Arguments> scipyCases() throws IOException {
        try (InputStream in = SeverityMetricsTest.class.getResourceAsStream("/golden/cluster_severity.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Stream.Builder<Arguments> b = Stream.builder();
            int i = 0;
            for (JsonNode c : root.get("kendall")) {
                b.add(Arguments.of(i++, doubles(c.get("x")), doubles(c.get("y")), c.get("tau_b").asDouble()));
            }
            return b.build();
        }
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = a.get(k).asDouble();
        }
        return v;
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("scipyCases")
    void kendallMatchesScipy(int id, double[] x, double[] y, double tau) {
        assertThat(SeverityMetrics.kendallTauB(x, y)).isCloseTo(tau, within(1e-9));
        assertThat(SeverityMetrics.kendallTauB(y, x)).isCloseTo(tau, within(1e-12));
        assertThat(naiveTauB(x, y)).isCloseTo(tau, within(1e-9));
    }

    @Test
    void kendallHandWorked() {
        assertThat(SeverityMetrics.kendallTauB(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isEqualTo(1.0);
        assertThat(SeverityMetrics.kendallTauB(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isEqualTo(-1.0);
        // x = 1,1,2; y = 1,2,3: C = 2, D = 0, P = 3, Tx = 1, Ty = 0 -> 2 / sqrt(2 * 3).
        assertThat(SeverityMetrics.kendallTauB(new double[] {1, 1, 2}, new double[] {1, 2, 3})).isCloseTo(2 / Math.sqrt(6), within(1e-15));
        // 0.0 and -0.0 are one value.
        assertThat(SeverityMetrics.kendallTauB(new double[] {0.0, -0.0, 1}, new double[] {1, 2, 3})).isCloseTo(2 / Math.sqrt(6), within(1e-15));
    }

    @Test
    void cIndexMatchesNaivePairsAndEqualsAurocForTwoLevels() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(150);
            int[] sev = new int[n];
            double[] s = new double[n];
            int[] bin = new int[n];
            for (int i = 0; i < n; i++) {
                sev[i] = rnd.nextInt(4);
                s[i] = rnd.nextInt(8) + 0.5 * sev[i];
                bin[i] = sev[i] > 0 ? 1 : 0;
            }
            sev[0] = 0;
            sev[1] = 3;
            bin[0] = 0;
            bin[1] = 1;
            assertThat(SeverityMetrics.cIndex(sev, s)).isCloseTo(naiveCIndex(sev, s), within(1e-12));
            assertThat(SeverityMetrics.cIndex(bin, s)).isCloseTo(BinaryMetrics.auroc(s, bin), within(1e-12));
            // Strictly increasing transforms of the scores change nothing.
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Math.exp(s[i]) - 3;
            }
            assertThat(SeverityMetrics.cIndex(sev, t)).isEqualTo(SeverityMetrics.cIndex(sev, s));
        }
    }

    @Test
    void cIndexHandWorked() {
        // severities 0,1,2 with scores 1,3,2: pairs (0,1) conc, (0,2) conc, (1,2) disc -> 2/3.
        assertThat(SeverityMetrics.cIndex(new int[] {0, 1, 2}, new double[] {1, 3, 2})).isCloseTo(2.0 / 3, within(1e-15));
        // Equal severities are not compared; a score tie counts 1/2: (0 vs 1: tie) (0 vs 1: conc) -> 0.75.
        assertThat(SeverityMetrics.cIndex(new int[] {0, 1, 1}, new double[] {2, 2, 3})).isEqualTo(0.75);
    }

    @Test
    void aurocPerLevel() {
        int[] sev = {0, 0, 0, 1, 1, 2, 2};
        double[] s = {0.1, 0.2, 0.5, 0.3, 0.05, 0.9, 0.8};
        Map<Integer, Double> m = SeverityMetrics.aurocByLevel(sev, s);
        assertThat(m).containsOnlyKeys(1, 2);
        // Level 1: 0.3 beats 0.1, 0.2 (2 of 3); 0.05 beats none -> 2/6.
        assertThat(m.get(1)).isCloseTo(2.0 / 6, within(1e-15));
        assertThat(m.get(2)).isEqualTo(1.0);
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> SeverityMetrics.kendallTauB(new double[] {1, 2}, new double[] {1}))
                .hasMessage("length mismatch: 2 x values but 1 y values");
        assertThatThrownBy(() -> SeverityMetrics.kendallTauB(new double[] {1, Double.NaN}, new double[] {1, 2})).hasMessage("x value 1 is NaN");
        assertThatThrownBy(() -> SeverityMetrics.kendallTauB(new double[] {1, 1}, new double[] {1, 2}))
                .hasMessage("metric undefined: Kendall's tau-b needs at least two distinct values in x (all 2 are equal)");
        assertThatThrownBy(() -> SeverityMetrics.kendallTauB(new double[] {1}, new double[] {1}))
                .hasMessage("metric undefined: Kendall's tau needs at least 2 units, got 1");
        assertThatThrownBy(() -> SeverityMetrics.cIndex(new int[] {2, 2}, new double[] {1, 2}))
                .hasMessage("metric undefined: the C-index needs two different severities; all 2 units have severity 2");
        assertThatThrownBy(() -> SeverityMetrics.cIndex(new int[] {0, 1}, new double[] {1, Double.NaN})).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> SeverityMetrics.aurocByLevel(new int[] {1, 2}, new double[] {1, 2}))
                .hasMessage("metric undefined: no unit has severity 0 (normal)");
        assertThatThrownBy(() -> SeverityMetrics.aurocByLevel(new int[] {0, -1}, new double[] {1, 2}))
                .hasMessage("severity 1 is -1; severities must be >= 0 (0 = normal)");
        assertThatThrownBy(() -> SeverityMetrics.aurocByLevel(new int[] {0, 1}, new double[] {1}))
                .hasMessage("length mismatch: 1 scores but 2 severities");
    }

    private static double naiveCIndex(int[] sev, double[] s) {
        double num = 0;
        long den = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (sev[i] > sev[j]) {
                    den++;
                    num += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return num / den;
    }

    private static double naiveTauB(double[] x, double[] y) {
        long c = 0;
        long d = 0;
        long tx = 0;
        long ty = 0;
        long p = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                p++;
                double a = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                c += a > 0 ? 1 : 0;
                d += a < 0 ? 1 : 0;
                tx += x[i] == x[j] ? 1 : 0;
                ty += y[i] == y[j] ? 1 : 0;
            }
        }
        return (c - d) / Math.sqrt((double) (p - tx) * (p - ty));
    }
}
