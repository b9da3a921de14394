package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.metrics.series.Vus;
import io.argus.timeseries.diagnose.SyntheticCrossChannel;
import io.argus.timeseries.diagnose.SyntheticCrossChannel.Corruption;
import org.junit.jupiter.api.Test;

class HotellingTest {

    @Test
    void t2ByHand() {
        // After (1,0),(0,1),(−1,0),(0,−1),(1,0),(−1,0): mean (0,0), population covariance diag(4/6, 2/6);
        // (1,1) scores 1/(4/6) + 1/(2/6) = 4.5.
        Hotelling h = new Hotelling(new HotellingParams(0, 2, 0, 1), 2);
        float[][] xs = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}, {-1, 0}};
        for (float[] x : xs) {
            h.scoreAndUpdate(x);
        }
        assertThat(h.scoreAndUpdate(new float[] {1, 1})).isCloseTo(4.5, within(1e-12));
    }

    @Test
    void movingWindowAveragesT2() {
        Hotelling one = new Hotelling(new HotellingParams(0, 2, 0, 1), 2);
        Hotelling three = new Hotelling(new HotellingParams(0, 2, 0, 3), 2);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] last = new double[3];
        for (int i = 0; i < 200; i++) {
            float[] x = {(float) r.nextDouble(), (float) r.nextDouble()};
            double s1 = one.scoreAndUpdate(x);
            double s3 = three.scoreAndUpdate(x);
            last[i % 3] = s1;
            if (i >= 10) {
                assertThat(s3).isCloseTo((last[0] + last[1] + last[2]) / 3, within(1e-9));
            }
        }
    }

    @Test
    void seesTheCrossChannelAnomaliesThatNoChannelShows() {
        // The paper's synthetic data: plain T² finds the flipped-noise segments except where the shared
        // noise is near 0; averaged over the paper's probe window (16) it separates them almost perfectly.
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, SyntheticCrossChannel.SEED_DEFAULT);
        Context ctx = Context.builder().threads(1).build();
        var plain = new StreamProviders.HotellingProvider().detector(HotellingParams.DEFAULTS);
        var windowed = new StreamProviders.HotellingProvider().detector(new HotellingParams(0, 30, 1e-6, 16));
        int[] labels = p.test().labels().orElseThrow();
        double a = Vus.vus(plain.fit(p.train().withoutLabels(), ctx).score(p.test().withoutLabels(), ctx).values(), labels, 100).pr();
        double b = Vus.vus(windowed.fit(p.train().withoutLabels(), ctx).score(p.test().withoutLabels(), ctx).values(), labels, 100).pr();
        assertThat(a).isGreaterThan(0.85);
        assertThat(b).isGreaterThan(0.99);
        // a per-channel score (EWMA z) cannot: the marginals are unchanged
        var ewma = new StreamProviders.EwmaProvider().detector(EwmaParams.DEFAULTS);
        double c = Vus.vus(ewma.fit(p.train().withoutLabels(), ctx).score(p.test().withoutLabels(), ctx).values(), labels, 100).pr();
        assertThat(c).isLessThan(0.3);
    }
}
