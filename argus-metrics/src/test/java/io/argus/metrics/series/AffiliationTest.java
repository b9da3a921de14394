package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AffiliationTest {

    /** The example of Huet et al. (KDD 2022, Fig. 1), with the values of the reference package's tests. */
    @Test
    void paperExample() {
        double m = 60;
        double[][] gt = {{0, 10 * m}, {50 * m, 70 * m}, {170 * m, 175 * m}};
        double[][] pred = {{5 * m, 6 * m}, {7 * m, 10 * m}, {11 * m, 12 * m}, {40 * m, 60 * m}, {115 * m, 130 * m}, {135 * m, 140 * m},
            {165 * m, 170 * m}};
        Affiliation.Result r = Affiliation.evaluateEvents(gt, pred, 0, 180 * m);
        assertThat(r.individualPrecisions()[1]).isCloseTo(0.672222222, within(1e-8));
        assertThat(r.individualRecalls()[1]).isCloseTo(0.944444444, within(1e-8));
    }

    @Test
    void coherenceCases() {
        double[][] gt = {{1, 8}, {16, 17}, {25, 28}, {29, 31}};
        double[][] pred = {{1, 3}, {6, 18}, {25, 26}};
        Affiliation.Result r = Affiliation.evaluateEvents(gt, pred, 1, 40);
        assertThat(r.individualPrecisions()[2]).isCloseTo(1.0, within(1e-12));
        assertThat(r.individualPrecisions()[3]).isNaN();
        assertThat(r.individualRecalls()[3]).isZero();
        assertThat(r.individualRecalls()[1]).isCloseTo(1.0, within(1e-12));
        double[] p = r.individualPrecisions();
        assertThat(r.precision()).isCloseTo((p[0] + p[1] + p[2]) / 3, within(1e-12));
    }

    @Test
    void hitsEmptyAndAllPositive() {
        List<Range> labels = List.of(new Range(10, 19), new Range(60, 69));
        Affiliation.Result exact = Affiliation.evaluate(labels, labels, 100);
        assertThat(exact.precision()).isCloseTo(1.0, within(1e-12));
        assertThat(exact.recall()).isCloseTo(1.0, within(1e-12));
        Affiliation.Result none = Affiliation.evaluate(labels, List.of(), 100);
        assertThat(none.precision()).isNaN();
        assertThat(none.recall()).isZero();
        assertThat(none.f1()).isZero();
        Affiliation.Result all = Affiliation.evaluate(labels, List.of(new Range(0, 99)), 100);
        assertThat(all.recall()).isCloseTo(1.0, within(1e-12));
        assertThat(all.precision()).isBetween(0.4, 0.8);
    }

    @Test
    void singleStepAnomalyAndBoundaries() {
        List<Range> one = List.of(Range.of(50));
        assertThat(Affiliation.evaluate(one, one, 101).precision()).isCloseTo(1.0, within(1e-12));
        // A prediction one step after: the zone is [0, 101), J = [50, 51), I = [51, 52).
        Affiliation.Result next = Affiliation.evaluate(one, List.of(Range.of(51)), 101);
        // precision = mean over x in [51, 52) of (max(0, 50 - d) + max(0, 50 - d)) / 101 with d = x - 51 ... see below
        double expectedPrecision = 0;
        int steps = 100000;
        for (int k = 0; k < steps; k++) {
            double x = 51 + (k + 0.5) / steps;
            double d = x - 51;
            expectedPrecision += (Math.max(0, 50 - d) + Math.max(0, 101 - 51 - d)) / 101;
        }
        assertThat(next.precision()).isCloseTo(expectedPrecision / steps, within(1e-9));
        assertThat(next.recall()).isLessThan(1.0).isGreaterThan(0.95);
    }

    @Test
    void randomPredictionsScoreAboutOneHalf() {
        Random rnd = new Random(11);
        int n = 20000;
        int[] y = new int[n];
        for (int s = 1000; s < n; s += 4000) {
            for (int i = s; i < s + 50; i++) {
                y[i] = 1;
            }
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextDouble() < 0.01 ? 1 : 0;
        }
        Affiliation.Result r = Affiliation.evaluate(y, p);
        assertThat(r.precision()).isBetween(0.35, 0.65);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Affiliation.evaluate(new int[3], new int[] {0, 1, 0}))
                .hasMessage("affiliation undefined: the labels hold no anomaly");
        assertThatThrownBy(() -> Affiliation.evaluate(List.of(Range.of(2)), List.of(new Range(1, 4)), 4))
                .hasMessage("predictions: range [1, 4] lies outside the series of length 4");
    }
}
