package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {

    @Test
    void roundTripBetweenLabelsAndRanges() {
        int[] y = {1, 1, 0, 0, 1, 0, 1, 1, 1};
        List<Range> r = Ranges.fromLabels(y);
        assertThat(r).containsExactly(new Range(0, 1), Range.of(4), new Range(6, 8));
        assertThat(Ranges.toLabels(r, y.length)).containsExactly(y);
        assertThat(Ranges.fromLabels(new int[5])).isEmpty();
        assertThat(Ranges.fromPredictions(new boolean[] {false, true, true})).containsExactly(new Range(1, 2));
    }

    @Test
    void touchingRangesMergeInTheVector() {
        int[] y = Ranges.toLabels(List.of(new Range(0, 1), new Range(2, 3)), 5);
        assertThat(Ranges.fromLabels(y)).containsExactly(new Range(0, 3));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Ranges.fromLabels(new int[] {0, -1})).hasMessage("label 1 is -1; labels must be 0 or 1");
        assertThatThrownBy(() -> Ranges.toLabels(List.of(new Range(3, 6)), 5)).hasMessage("ranges: range [3, 6] lies outside the series of length 5");
        assertThatThrownBy(() -> Ranges.validateScores(new double[] {0, Double.NaN}, 2, "labels")).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> Ranges.validateScores(new double[] {0, 1}, 3, "labels")).hasMessage("length mismatch: 2 scores but 3 labels");
        assertThatThrownBy(() -> Ranges.validateScores(new double[] {Double.POSITIVE_INFINITY}, 1, "labels"))
                .hasMessage("score 0 is Infinity; scores must be finite");
    }
}
