package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.metrics.series.RangeBasedPR.Bias;
import io.argus.metrics.series.RangeBasedPR.Cardinality;
import io.argus.metrics.series.RangeBasedPR.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeBasedPRTest {

    private static final double EPS = 1e-12;

    private static PrecisionRecall tsb(List<Range> real, List<Range> pred, int n) {
        return RangeBasedPR.evaluate(real, pred, n, Options.TSB_AD);
    }

    @Test
    void longRangeHitAtOnePointGetsExistenceAndOneTenthOverlap() {
        PrecisionRecall r = tsb(List.of(new Range(10, 19)), List.of(Range.of(15)), 30);
        assertThat(r.recall()).isCloseTo(0.2 + 0.8 * 0.1, within(EPS));
        assertThat(r.precision()).isCloseTo(1.0, within(EPS));
        assertThat(r.f1()).isCloseTo(2 * 0.28 / 1.28, within(EPS));
    }

    @Test
    void rangeSplitAcrossTwoPredictionsGetsCardinalityOneHalf() {
        List<Range> real = List.of(new Range(0, 9));
        List<Range> pred = List.of(new Range(0, 1), new Range(5, 6));
        assertThat(tsb(real, pred, 12).recall()).isCloseTo(0.2 + 0.8 * 0.5 * 0.4, within(EPS));
        assertThat(tsb(real, pred, 12).precision()).isCloseTo(1.0, within(EPS));
        PrecisionRecall one = RangeBasedPR.evaluate(real, pred, 12, new Options(0.2, Bias.FLAT, Cardinality.ONE));
        assertThat(one.recall()).isCloseTo(0.2 + 0.8 * 0.4, within(EPS));
    }

    @Test
    void emptyPredictionScoresZero() {
        PrecisionRecall r = tsb(List.of(new Range(3, 5)), List.of(), 10);
        assertThat(r.recall()).isZero();
        assertThat(r.precision()).isZero();
        assertThat(r.f1()).isZero();
    }

    @Test
    void allPositivePrediction() {
        // One predicted range covering everything: recall 1; precision = γ(1/2)·(3/10).
        PrecisionRecall r = tsb(List.of(new Range(2, 3), Range.of(7)), List.of(new Range(0, 9)), 10);
        assertThat(r.recall()).isCloseTo(1.0, within(EPS));
        assertThat(r.precision()).isCloseTo(0.15, within(EPS));
    }

    @Test
    void touchingRealRangesStayTwoRanges() {
        PrecisionRecall r = tsb(List.of(new Range(0, 3), new Range(4, 7)), List.of(new Range(2, 5)), 10);
        assertThat(r.recall()).isCloseTo(0.2 + 0.8 * 0.5, within(EPS));
        assertThat(r.precision()).isCloseTo(0.5, within(EPS)); // overlaps two real ranges: γ = 1/2, ω = 1
        // The same as a 0/1 vector merges them into one range [0, 7].
        int[] y = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        int[] p = {0, 0, 1, 1, 1, 1, 0, 0, 0, 0};
        PrecisionRecall v = RangeBasedPR.evaluate(y, p, Options.TSB_AD);
        assertThat(v.recall()).isCloseTo(0.2 + 0.8 * 0.5, within(EPS));
        assertThat(v.precision()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void predictionAcrossTheRangeEnd() {
        PrecisionRecall r = tsb(List.of(new Range(5, 9)), List.of(new Range(9, 10)), 12);
        assertThat(r.recall()).isCloseTo(0.2 + 0.8 / 5, within(EPS));
        assertThat(r.precision()).isCloseTo(0.5, within(EPS));
        PrecisionRecall after = tsb(List.of(new Range(5, 9)), List.of(Range.of(10)), 12);
        assertThat(after.recall()).isZero();
        assertThat(after.precision()).isZero();
    }

    @Test
    void singleStepAnomaly() {
        assertThat(tsb(List.of(Range.of(4)), List.of(Range.of(4)), 10)).isEqualTo(new PrecisionRecall(1, 1, 1));
        assertThat(tsb(List.of(Range.of(4)), List.of(Range.of(5)), 10).f1()).isZero();
    }

    @Test
    void positionalBiases() {
        List<Range> real = List.of(new Range(0, 3));
        List<Range> first = List.of(Range.of(0));
        assertThat(RangeBasedPR.evaluate(real, first, 5, new Options(0, Bias.FRONT, Cardinality.ONE)).recall()).isCloseTo(4.0 / 10, within(EPS));
        assertThat(RangeBasedPR.evaluate(real, first, 5, new Options(0, Bias.BACK, Cardinality.ONE)).recall()).isCloseTo(1.0 / 10, within(EPS));
        assertThat(RangeBasedPR.evaluate(real, first, 5, new Options(0, Bias.MIDDLE, Cardinality.ONE)).recall()).isCloseTo(1.0 / 6, within(EPS));
        assertThat(RangeBasedPR.evaluate(real, List.of(new Range(1, 2)), 5, new Options(0, Bias.MIDDLE, Cardinality.ONE)).recall())
                .isCloseTo(4.0 / 6, within(EPS));
    }

    @Test
    void alphaOneIsPureExistence() {
        PrecisionRecall r = RangeBasedPR.evaluate(List.of(new Range(0, 99), new Range(200, 209)), List.of(Range.of(50)), 300,
                new Options(1, Bias.FLAT, Cardinality.RECIPROCAL));
        assertThat(r.recall()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> tsb(List.of(new Range(5, 8), new Range(0, 2)), List.of(), 10))
                .hasMessage("labels must be sorted by start: [0, 2] comes after [5, 8]");
        assertThatThrownBy(() -> tsb(List.of(new Range(0, 5), new Range(5, 8)), List.of(), 10))
                .hasMessage("labels must be disjoint: [0, 5] overlaps [5, 8]");
        assertThatThrownBy(() -> tsb(List.of(new Range(0, 5)), List.of(new Range(8, 12)), 10))
                .hasMessage("predictions: range [8, 12] lies outside the series of length 10");
        assertThatThrownBy(() -> tsb(List.of(), List.of(Range.of(1)), 10))
                .hasMessage("range-based recall undefined: the labels hold no anomaly");
        assertThatThrownBy(() -> RangeBasedPR.evaluate(new int[] {0, 1}, new int[] {0, 1, 0}, Options.TSB_AD))
                .hasMessage("length mismatch: 3 predictions but 2 labels");
        assertThatThrownBy(() -> RangeBasedPR.evaluate(new int[] {0, 2}, new int[] {0, 1}, Options.TSB_AD))
                .hasMessage("label 1 is 2; label must be 0 or 1");
        assertThatThrownBy(() -> new Options(1.5, Bias.FLAT, Cardinality.ONE)).hasMessage("alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Range(5, 3)).hasMessage("range [5, 3] ends before it starts");
        assertThatThrownBy(() -> new Range(-1, 3)).hasMessage("range start -1 is negative");
    }
}
