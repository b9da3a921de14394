package io.argus.metrics;

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

class BinaryMetricsTest {

    /** 60 seeded cases with ties and scikit-learn 1.2.1's values; made by golden/make_binary_golden.py. */
    static Stream<Arguments> sklearnCases() throws IOException {
        try (InputStream in = BinaryMetricsTest.class.getResourceAsStream("/golden/binary.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Stream.Builder<Arguments> b = Stream.builder();
            int i = 0;
            for (JsonNode c : root.get("cases")) {
                double[] s = new double[c.get("scores").size()];
                int[] y = new int[s.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = c.get("scores").get(k).asDouble();
                    y[k] = c.get("labels").get(k).asInt();
                }
                b.add(Arguments.of(i++, s, y, c.get("auroc").asDouble(), c.get("ap").asDouble()));
            }
            return b.build();
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("sklearnCases")
    void matchesScikitLearn(int id, double[] scores, int[] labels, double auroc, double ap) {
        assertThat(BinaryMetrics.auroc(scores, labels)).isCloseTo(auroc, within(1e-9));
        assertThat(BinaryMetrics.averagePrecision(scores, labels)).isCloseTo(ap, within(1e-9));
    }

    @Test
    void handWorkedValues() {
        // Perfect ranking, reversed ranking, and one tie between a positive and a negative.
        assertThat(BinaryMetrics.auroc(new double[] {0.1, 0.2, 0.9}, new int[] {0, 0, 1})).isEqualTo(1.0);
        assertThat(BinaryMetrics.auroc(new double[] {0.9, 0.2, 0.1}, new int[] {0, 0, 1})).isEqualTo(0.0);
        assertThat(BinaryMetrics.auroc(new double[] {0.5, 0.5, 0.1}, new int[] {1, 0, 0})).isEqualTo(0.75);
        // AP: ranking 1,0,1 -> (1/2)*1 + (1/2)*(2/3)
        assertThat(BinaryMetrics.averagePrecision(new double[] {3, 2, 1}, new int[] {1, 0, 1})).isCloseTo(0.5 + 1.0 / 3, within(1e-15));
        // All scores tied: AUROC 0.5, AP = prevalence.
        assertThat(BinaryMetrics.auroc(new double[] {1, 1, 1, 1}, new int[] {1, 0, 0, 0})).isEqualTo(0.5);
        assertThat(BinaryMetrics.averagePrecision(new double[] {1, 1, 1, 1}, new int[] {1, 0, 0, 0})).isEqualTo(0.25);
    }

    @Test
    void invariantUnderStrictlyIncreasingTransformsAndReversal() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(200);
            double[] s = new double[n];
            double[] t = new double[n];
            double[] r = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.round(rnd.nextGaussian() * 4) / 4.0;
                t[i] = Math.exp(3 * s[i]) + 7;
                r[i] = -s[i];
                y[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
            }
            y[0] = 1;
            y[1] = 0;
            double auroc = BinaryMetrics.auroc(s, y);
            assertThat(BinaryMetrics.auroc(t, y)).isCloseTo(auroc, within(1e-12));
            assertThat(BinaryMetrics.averagePrecision(t, y)).isCloseTo(BinaryMetrics.averagePrecision(s, y), within(1e-12));
            assertThat(BinaryMetrics.auroc(r, y)).isCloseTo(1 - auroc, within(1e-12));
        }
    }

    @Test
    void permutingUnitsChangesNothing() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300;
        double[] s = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextInt(10);
            y[i] = rnd.nextInt(4) == 0 ? 1 : 0;
        }
        double auroc = BinaryMetrics.auroc(s, y);
        double ap = BinaryMetrics.averagePrecision(s, y);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double ts = s[i];
            s[i] = s[j];
            s[j] = ts;
            int ty = y[i];
            y[i] = y[j];
            y[j] = ty;
        }
        assertThat(BinaryMetrics.auroc(s, y)).isEqualTo(auroc);
        assertThat(BinaryMetrics.averagePrecision(s, y)).isCloseTo(ap, within(1e-15));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {1, 2}, new int[] {1}))
                .hasMessage("length mismatch: 2 scores but 1 labels");
        assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {1, Double.NaN}, new int[] {1, 0}))
                .hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> BinaryMetrics.averagePrecision(new double[] {1, 2}, new int[] {0, 0}))
                .hasMessage("metric undefined: labels hold no anomalies (2 units)");
        assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {1, 2}, new int[] {1, 1}))
                .hasMessage("metric undefined: labels hold no normal units (2 units)");
        assertThatThrownBy(() -> BinaryMetrics.auroc(new double[] {1, 2}, new int[] {1, 2}))
                .hasMessage("label 1 is 2; labels must be 0 or 1");
    }

    @Test
    void registryByName() {
        assertThat(BinaryMetrics.byName("auroc")).isSameAs(BinaryMetrics.AUROC);
        assertThat(BinaryMetrics.byName("ap").compute(new double[] {2, 1}, new int[] {1, 0})).isEqualTo(1.0);
        assertThatThrownBy(() -> BinaryMetrics.byName("f1")).hasMessage("unknown metric 'f1'; known metrics: auroc, ap");
    }
}
