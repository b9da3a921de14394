package io.argus.timeseries.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.data.Series;
import io.argus.core.data.Table;
import org.junit.jupiter.api.Test;

class PrepTest {

    @Test
    void windowsAreStepMajorShingles() {
        Series s = Series.of(4, 2, new float[] {1, 10, 2, 20, 3, 30, 4, 40}, null, null, null, null);
        Table w = Windows.of(s, 2);
        assertThat(w.rows()).isEqualTo(3);
        assertThat(w.cols()).isEqualTo(4);
        assertThat(w.row(1)).containsExactly(2, 20, 3, 30);
        assertThat(Windows.of(s, 2, 2).rows()).isEqualTo(2);
    }

    @Test
    void spreadCentredPadsAsTsbAd() {
        // w = 4: ceil(3/2) = 2 copies on the left, floor(3/2) = 1 on the right
        assertThat(Windows.spreadCentred(new double[] {5, 6, 7}, 4, 6)).containsExactly(5, 5, 5, 6, 7, 7);
        // w = 3: 1 left, 1 right
        assertThat(Windows.spreadCentred(new double[] {1, 2}, 3, 4)).containsExactly(1, 1, 2, 2);
        assertThat(Windows.spreadMean(new double[] {1, 3}, 2, 1, 3)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> Windows.spreadCentred(new double[] {1}, 3, 4)).hasMessage("expected 2 window scores for 4 steps and window 3, got 1");
    }

    @Test
    void aSeriesShorterThanTheWindowIsAClearError() {
        Series s = Series.univariate(new float[] {1, 2, 3});
        assertThatThrownBy(() -> Windows.of(s, 5)).hasMessage("windows: series has 3 steps, shorter than the window 5; use a smaller window or a longer series");
    }

    @Test
    void normaliserFitsOnTrainingDataOnlyAndKeepsConstantChannels() {
        Series train = Series.of(4, 2, new float[] {1, 5, 2, 5, 3, 5, 4, 5}, null, null, null, null);
        Normalizer n = Normalizer.fit(train);
        assertThat(n.mean()).containsExactly(2.5, 5.0);
        assertThat(n.scale()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(n.scale()[1]).isEqualTo(1.0); // constant channel: scale 1, no division by zero
        Series test = Series.of(1, 2, new float[] {2.5f + (float) Math.sqrt(1.25), 7}, null, null, null, null);
        Series z = n.apply(test);
        assertThat(z.get(0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(z.get(0, 1)).isEqualTo(2f);
    }

    @Test
    void periodOfASinusoidIsItsPeriod() {
        float[] x = new float[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * i / 40);
        }
        assertThat(Periods.estimate(x)).isEqualTo(40);
        assertThat(Periods.window(0, 2.0, x)).isEqualTo(80);
        assertThat(Periods.window(17, 2.0, x)).isEqualTo(17);
        // constant series: no autocorrelation peak, TSB-AD's fallback
        assertThat(Periods.estimate(new float[500])).isEqualTo(Periods.FALLBACK);
    }
}
