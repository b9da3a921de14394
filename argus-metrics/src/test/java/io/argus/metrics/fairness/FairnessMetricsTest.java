package io.argus.metrics.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FairnessMetricsTest {

    // Units 0..7; group s = 0 for 0..3, s = 1 for 4..7; anomalies at 1, 2, 5, 6.
    static final int[] S = {0, 0, 0, 0, 1, 1, 1, 1};
    static final int[] Y = {0, 1, 1, 0, 0, 1, 1, 0};
    static final double[] SCORES = {0.1, 0.9, 0.8, 0.2, 0.7, 0.6, 0.3, 0.3};

    @Test
    void topKBreaksTiesByIndex() {
        assertThat(FairnessMetrics.topK(SCORES, 3)).containsExactly(false, true, true, false, true, false, false, false);
        // Units 6 and 7 tie at 0.3: k = 5 takes unit 6 only.
        assertThat(FairnessMetrics.topK(SCORES, 5)).containsExactly(false, true, true, false, true, true, true, false);
    }

    @Test
    void handWorkedDifferences() {
        // k = 4 flags 1, 2, 4, 5: P(flag | s=1) = 2/4, P(flag | s=0) = 2/4 -> SP 0.
        assertThat(FairnessMetrics.statisticalParityDifference(SCORES, S, 4)).isEqualTo(0.0);
        // k = 3 flags 1, 2, 4: 1/4 - 2/4.
        assertThat(FairnessMetrics.statisticalParityDifference(SCORES, S, 3)).isEqualTo(-0.25);
        // EO at k = 4: anomalies found in s=1: {5} of {5, 6} = 1/2; in s=0: {1, 2} of 2 = 1 -> -0.5.
        assertThat(FairnessMetrics.equalOpportunityDifference(SCORES, Y, S, 4)).isEqualTo(-0.5);
        // Everything flagged: both zero.
        assertThat(FairnessMetrics.statisticalParityDifference(SCORES, S, 8)).isEqualTo(0.0);
        assertThat(FairnessMetrics.equalOpportunityDifference(SCORES, Y, S, 8)).isEqualTo(0.0);
    }

    @Test
    void swappingGroupsFlipsTheSign() {
        int[] swapped = new int[S.length];
        for (int i = 0; i < S.length; i++) {
            swapped[i] = 1 - S[i];
        }
        for (int k = 1; k <= S.length; k++) {
            assertThat(FairnessMetrics.statisticalParityDifference(SCORES, swapped, k))
                    .isCloseTo(-FairnessMetrics.statisticalParityDifference(SCORES, S, k), within(1e-15));
            assertThat(FairnessMetrics.equalOpportunityDifference(SCORES, Y, swapped, k))
                    .isCloseTo(-FairnessMetrics.equalOpportunityDifference(SCORES, Y, S, k), within(1e-15));
        }
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> FairnessMetrics.statisticalParityDifference(SCORES, new int[] {0, 1}, 2))
                .hasMessage("length mismatch: 8 scores but 2 sensitive attributes");
        assertThatThrownBy(() -> FairnessMetrics.statisticalParityDifference(SCORES, S, 0)).hasMessage("k = 0 is out of range; allowed: [1, 8] (the number of units)");
        assertThatThrownBy(() -> FairnessMetrics.statisticalParityDifference(SCORES, new int[8], 2))
                .hasMessage("metric undefined: sensitive group s=1 is empty");
        assertThatThrownBy(() -> FairnessMetrics.statisticalParityDifference(SCORES, new int[] {0, 0, 0, 0, 1, 1, 1, 2}, 2))
                .hasMessage("sensitive attribute 7 is 2; must be 0 or 1");
        assertThatThrownBy(() -> FairnessMetrics.equalOpportunityDifference(SCORES, new int[] {0, 1, 1, 0, 0, 0, 0, 0}, S, 2))
                .hasMessage("metric undefined: sensitive group s=1 has no anomalies (y=1)");
        assertThatThrownBy(() -> FairnessMetrics.topK(new double[] {1, Double.NaN}, 1)).hasMessage("score 1 is NaN");
    }
}
