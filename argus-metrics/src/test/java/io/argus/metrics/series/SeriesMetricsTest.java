package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesMetricsTest {

    @Test
    void registryHoldsTheDocumentedNames() {
        assertThat(SeriesMetrics.all()).extracting(SeriesMetric::name).containsExactly("range_f1", "vus_roc", "vus_pr", "event_f1",
                "pa_f1_optimistic", "affiliation_precision", "affiliation_recall", "nab_standard", "nab_low_fp", "nab_low_fn");
        assertThat(SeriesMetrics.byName("vus_pr").thresholdFromLabels()).isFalse();
        assertThat(SeriesMetrics.byName("pa_f1_optimistic").thresholdFromLabels()).isTrue();
        assertThatThrownBy(() -> SeriesMetrics.byName("f1")).hasMessageStartingWith("unknown series metric 'f1'; known metrics: range_f1, vus_roc");
    }

    @Test
    void perfectScoresGetTheTopOfEveryScale() {
        int n = 2000;
        int[] y = Ranges.toLabels(List.of(new Range(400, 449), new Range(1200, 1209), Range.of(1700)), n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = y[i];
        }
        for (SeriesMetric m : SeriesMetrics.all()) {
            double expected = m.name().startsWith("nab") ? 100 : 1;
            assertThat(m.compute(s, y)).as(m.name()).isCloseTo(expected, within(1e-9));
        }
    }

    /**
     * Kim et al. (AAAI 2022): point adjustment makes a random detector look strong on long anomalies,
     * while range-based F1 and VUS-PR stay low.
     */
    @Test
    void pointAdjustmentInflatesARandomDetector() {
        Random rnd = new Random(2022);
        int n = 10000;
        int[] y = new int[n];
        for (int s = 500; s < n; s += 2000) {
            for (int i = s; i < s + 200; i++) {
                y[i] = 1;
            }
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rnd.nextDouble();
        }
        double pa = SeriesMetrics.byName("pa_f1_optimistic").compute(scores, y);
        double rf = SeriesMetrics.byName("range_f1").compute(scores, y);
        double vusPr = SeriesMetrics.byName("vus_pr").compute(scores, y);
        assertThat(pa).isGreaterThan(0.8);
        assertThat(rf).isLessThan(0.35);
        assertThat(vusPr).isLessThan(0.3);
        // Event-wise F1 counts predicted events: the oracle finds the near all-positive prediction.
        assertThat(SeriesMetrics.byName("event_f1").compute(scores, y)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oracleSweepFollowsTsbAd() {
        double[] s = {0, 0.2, 0.9, 0.95, 0.1, 1.0};
        int[] y = {0, 0, 1, 1, 0, 0};
        SeriesMetrics.Best b = SeriesMetrics.bestOverThresholds(s, y, p -> SeriesMetrics.pointAdjustedF1Optimistic(y, p).f1());
        // Best: predict {2, 3, 5} (threshold in [0.2, 0.9)): precision 2/3, recall 1.
        assertThat(b.value()).isCloseTo(0.8, within(1e-12));
        assertThat(b.threshold()).isBetween(0.2, 0.9);
    }

    @Test
    void badInput() {
        SeriesMetric m = SeriesMetrics.byName("range_f1");
        assertThatThrownBy(() -> m.compute(new double[3], new int[2])).hasMessage("length mismatch: 3 scores but 2 labels");
        assertThatThrownBy(() -> m.compute(new double[] {0, Double.NaN}, new int[] {0, 1})).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> m.compute(new double[2], new int[] {0, 3})).hasMessage("label 1 is 3; label must be 0 or 1");
        assertThatThrownBy(() -> SeriesMetrics.byName("vus_roc").compute(new double[2], new int[2]))
                .hasMessage("VUS undefined: the labels hold no anomaly");
    }
}
