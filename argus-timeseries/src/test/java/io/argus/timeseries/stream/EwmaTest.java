package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaTest {

    private static double[] run(Ewma e, float... xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = e.scoreAndUpdate(new float[] {xs[i]});
        }
        return out;
    }

    @Test
    void exponentialWeightsByHand() {
        // α = 0.5, warm-up 2: after 1, 3 the mean is 1 + 0.5·2 = 2 and the variance 0.5·(0 + 0.5·4) = 1;
        // 2 scores |2 − 2|/1 = 0, then mean 2, variance 0.5·(1 + 0) = 0.5; 4 scores 2/√0.5 = 2√2.
        double[] s = run(new Ewma(new EwmaParams(0.5, 2), 1), 1, 3, 2, 4);
        assertThat(s[0]).isZero();
        assertThat(s[1]).isZero();
        assertThat(s[2]).isCloseTo(0.0, within(1e-12));
        assertThat(s[3]).isCloseTo(2 * Math.sqrt(2), within(1e-12));
    }

    @Test
    void cumulativeByHand() {
        // α = 0: after 1, 3 mean 2, population variance 1 → 2 scores 0; after 1, 3, 2 mean 2, variance 2/3
        // → 4 scores 2/√(2/3) = √6.
        double[] s = run(new Ewma(new EwmaParams(0, 2), 1), 1, 3, 2, 4);
        assertThat(s[2]).isCloseTo(0.0, within(1e-12));
        assertThat(s[3]).isCloseTo(Math.sqrt(6), within(1e-12));
    }

    @Test
    void scoresTheWorstChannelAndLocalizesIt() {
        Ewma e = new Ewma(new EwmaParams(0.1, 2), 2);
        for (int i = 0; i < 50; i++) {
            e.scoreAndUpdate(new float[] {(i % 2), 10 + (i % 2)});
        }
        double s = e.scoreAndUpdate(new float[] {0.5f, 30});
        assertThat(e.lastChannelScores()[1]).isEqualTo(s).isGreaterThan(10);
        assertThat(e.lastChannelScores()[0]).isLessThan(1);
    }

    @Test
    void constantStreamGivesFiniteHighScoreOnChange() {
        Ewma e = new Ewma(EwmaParams.DEFAULTS, 1);
        for (int i = 0; i < 100; i++) {
            assertThat(e.scoreAndUpdate(new float[] {5})).isZero();
        }
        assertThat(e.scoreAndUpdate(new float[] {6})).isFinite().isGreaterThan(1e4);
    }

    @Test
    void badInput() {
        Ewma e = new Ewma(EwmaParams.DEFAULTS, 2);
        assertThatThrownBy(() -> e.scoreAndUpdate(new float[] {1})).hasMessage("expected 2 values per step, got 1");
        assertThatThrownBy(() -> e.scoreAndUpdate(new float[] {1, Float.NaN})).hasMessageContaining("channel 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new EwmaParams(1.5, 30)).hasMessage("parameter alpha = 1.5 is out of range; allowed: [0, 0.999]");
    }
}
