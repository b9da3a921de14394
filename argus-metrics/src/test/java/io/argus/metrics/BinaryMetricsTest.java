package io.argus.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.metrics.curves.PrecisionRecallCurve;
import io.argus.metrics.curves.RocCurve;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryMetricsTest {

    /** 60 seeded cases with ties and scikit-learn 1.2.1's (and PyOD's) values; made by golden/make_binary_golden.py. */
    static Stream<Arguments> sklearnCases() throws IOException {
        try (InputStream in = BinaryMetricsTest.class.getResourceAsStream("/golden/binary.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Stream.Builder<Arguments> b = Stream.builder();
            int i = 0;
            for (JsonNode c : root.get("cases")) {
                b.add(Arguments.of(i++, c));
            }
            return b.build();
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = a.get(k).asDouble();
        }
        return v;
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("element %d", k).isCloseTo(expected[k], within(1e-9));
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("sklearnCases")
    void matchesScikitLearn(int id, JsonNode c) {
        double[] scores = doubles(c.get("scores"));
        int[] labels = new int[scores.length];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = c.get("labels").get(k).asInt();
        }
        assertThat(BinaryMetrics.auroc(scores, labels)).isCloseTo(c.get("auroc").asDouble(), within(1e-9));
        assertThat(BinaryMetrics.averagePrecision(scores, labels)).isCloseTo(c.get("ap").asDouble(), within(1e-9));
        assertThat(BinaryMetrics.auprcTrapezoid(scores, labels)).isCloseTo(c.get("auprc_trapezoid").asDouble(), within(1e-9));
        F1Max f1 = BinaryMetrics.f1Max(scores, labels);
        assertThat(f1.f1()).isCloseTo(c.get("f1_max").asDouble(), within(1e-9));
        assertThat(f1.threshold()).isEqualTo(c.get("f1_threshold").asDouble());
        assertThat(2 * f1.precision() * f1.recall() / (f1.precision() + f1.recall())).isCloseTo(f1.f1(), within(1e-12));
        assertThat(BinaryMetrics.precisionAtN(scores, labels)).isCloseTo(c.get("precision_at_n").asDouble(), within(1e-9));
        c.get("recall_at_fpr").fields().forEachRemaining(e -> assertThat(BinaryMetrics.recallAtFpr(scores, labels, Double.parseDouble(e.getKey())))
                .as("recall at FPR <= %s", e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9)));
        RocCurve roc = BinaryMetrics.rocCurve(scores, labels);
        assertClose(roc.fpr(), doubles(c.get("roc").get("fpr")));
        assertClose(roc.tpr(), doubles(c.get("roc").get("tpr")));
        assertClose(roc.thresholds(), doubles(c.get("roc").get("thresholds")));
        PrecisionRecallCurve pr = BinaryMetrics.precisionRecallCurve(scores, labels);
        assertClose(pr.precision(), doubles(c.get("pr").get("precision")));
        assertClose(pr.recall(), doubles(c.get("pr").get("recall")));
        assertClose(pr.thresholds(), doubles(c.get("pr").get("thresholds")));
        // The registry computes the same numbers.
        assertThat(BinaryMetrics.byName("recall_at_fpr_0.1").compute(scores, labels)).isEqualTo(BinaryMetrics.recallAtFpr(scores, labels, 0.1));
        assertThat(BinaryMetrics.F1_MAX.compute(scores, labels)).isEqualTo(f1.f1());
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
            for (BinaryMetric m : BinaryMetrics.all()) {
                assertThat(m.compute(t, y)).as(m.name()).isCloseTo(m.compute(s, y), within(1e-12));
            }
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
        assertThatThrownBy(() -> BinaryMetrics.byName("f1")).hasMessage("unknown metric 'f1'; known metrics: auroc, ap, auprc_trapezoid, "
                + "f1_max, precision_at_n, recall_at_fpr_0.01 (recall_at_fpr_<x> for any x in [0, 1])");
        assertThat(BinaryMetrics.all()).extracting(BinaryMetric::name)
                .containsExactly("auroc", "ap", "auprc_trapezoid", "f1_max", "precision_at_n", "recall_at_fpr_0.01");
        assertThat(BinaryMetrics.byName("recall_at_fpr_0.05").name()).isEqualTo("recall_at_fpr_0.05");
        assertThatThrownBy(() -> BinaryMetrics.byName("recall_at_fpr_2")).hasMessage("max FPR = 2.0 is out of range; allowed: [0, 1]");
        assertThatThrownBy(() -> BinaryMetrics.byName("recall_at_fpr_x"))
                .hasMessage("unknown metric 'recall_at_fpr_x': 'x' is not a number; use e.g. recall_at_fpr_0.05");
    }

    @Test
    void handWorkedNewMetrics() {
        // Ranking 1,0,1,0 at distinct scores 4,3,2,1; P = 2.
        double[] s = {4, 3, 2, 1};
        int[] y = {1, 0, 1, 0};
        // PR points (decreasing t): (R .5, P 1), (.5, .5), (1, 2/3), (1, .5); plus (0, 1).
        assertThat(BinaryMetrics.auprcTrapezoid(s, y)).isCloseTo(0.5 * 1 + 0 + 0.5 * (0.5 + 2.0 / 3) / 2 + 0, within(1e-15));
        // F1 per threshold: 2/3, 1/2, 4/5, 2/3 -> 0.8 at t = 2.
        assertThat(BinaryMetrics.f1Max(s, y)).isEqualTo(new F1Max(0.8, 2, 2.0 / 3, 1));
        // ROC: (0,0) (0,.5) (.5,.5) (.5,1) (1,1).
        assertThat(BinaryMetrics.recallAtFpr(s, y, 0.49)).isEqualTo(0.5);
        assertThat(BinaryMetrics.recallAtFpr(s, y, 0.5)).isEqualTo(1.0);
        assertThat(BinaryMetrics.recallAtFpr(new double[] {1, 2, 3}, new int[] {1, 0, 0}, 0.01)).isEqualTo(0.0);
        assertThat(BinaryMetrics.rocCurve(s, y)).isEqualTo(new RocCurve(new double[] {0, 0, 0.5, 0.5, 1}, new double[] {0, 0.5, 0.5, 1, 1},
                new double[] {5, 4, 3, 2, 1}));
        assertThat(BinaryMetrics.precisionRecallCurve(s, y)).isEqualTo(new PrecisionRecallCurve(new double[] {0.5, 2.0 / 3, 0.5, 1, 1},
                new double[] {1, 1, 0.5, 0.5, 0}, new double[] {1, 2, 3, 4}));
        // precision@n, n = 2: percentile(s, 50) = 2.5, flags {4, 3} -> 1/2.
        assertThat(BinaryMetrics.precisionAtN(s, y)).isEqualTo(0.5);
        // n = 1: percentile(s, 75) = 3.5 lies between distinct values: only 5 is flagged (a normal unit).
        assertThat(BinaryMetrics.precisionAtN(new double[] {5, 3, 3, 1}, new int[] {0, 1, 0, 0})).isEqualTo(0.0);
        // n = 2 with the 2nd and 3rd largest tied: threshold = 3, nothing at 3 is flagged; 1 flag.
        assertThat(BinaryMetrics.precisionAtN(new double[] {5, 3, 3, 1}, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
        // All scores tied: nothing flagged, 0 as PyOD returns.
        assertThat(BinaryMetrics.precisionAtN(new double[] {1, 1, 1}, new int[] {1, 0, 0})).isEqualTo(0.0);
    }

    @Test
    void newMetricsRejectBadInput() {
        for (BinaryMetric m : BinaryMetrics.all()) {
            assertThatThrownBy(() -> m.compute(new double[] {1, 2}, new int[] {1})).as(m.name()).hasMessage("length mismatch: 2 scores but 1 labels");
            assertThatThrownBy(() -> m.compute(new double[] {Double.NaN, 2}, new int[] {1, 0})).as(m.name()).hasMessage("score 0 is NaN");
            assertThatThrownBy(() -> m.compute(new double[] {1, 2}, new int[] {0, 0})).as(m.name())
                    .hasMessage("metric undefined: labels hold no anomalies (2 units)");
        }
        assertThatThrownBy(() -> BinaryMetrics.rocCurve(new double[] {1, 2}, new int[] {1, 1}))
                .hasMessage("metric undefined: labels hold no normal units (2 units)");
        assertThatThrownBy(() -> BinaryMetrics.recallAtFpr(new double[] {1, 2}, new int[] {1, 0}, Double.NaN))
                .hasMessage("max FPR = NaN is out of range; allowed: [0, 1]");
    }
}
