package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KShapeAdTest {

    @Test
    void sbdIsZeroForAShiftedCopyAndFindsTheShift() {
        int m = 16;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int t = 0; t < m; t++) {
            x[t] = t == 5 ? 1 : 0;
            y[t] = t == 8 ? 1 : 0; // x delayed by 3
        }
        KShapeAd.Correlator c = new KShapeAd.Correlator(m);
        KShapeAd.Correlator.Match match = c.sbd(c.spectra(x, 0), c.spectra(y, 0));
        assertThat(match.distance()).isCloseTo(0, within(1e-12));
        assertThat(match.shift()).isEqualTo(-3); // Σ x[t]·y[t − s] peaks where y[t − s] = x[t], s = −3
        // orthogonal at every shift: NCC ≤ 0 everywhere → SBD = 1 − max(cc) with max 0
        double[] a = {1, -1, 0, 0};
        double[] b = {0, 0, 0, 0};
        KShapeAd.Correlator c4 = new KShapeAd.Correlator(4);
        assertThat(c4.sbd(c4.spectra(a, 0), c4.spectra(b, 0)).distance()).isEqualTo(1.0);
    }

    @Test
    void centroidsRecoverTwoShapesAndAnOddShapeScoresHighest() {
        SplittableRandom r = new SplittableRandom(4);
        double[] train = new double[1200];
        for (int t = 0; t < train.length; t++) {
            train[t] = Math.sin(2 * Math.PI * t / 30) + 0.05 * r.nextGaussian();
        }
        double[] test = train.clone();
        for (int t = 700; t < 730; t++) {
            test[t] = (t % 10 < 5 ? 1 : -1) + 0.05 * r.nextGaussian();
        }
        UnivariateModel m = new KShapeAd(new KShapeAdParams(30, 3, 2000)).fit(train, Context.defaults());
        double[] s = m.score(test, Context.defaults());
        assertThat(MultivariateTest.argmax(s)).isBetween(680, 750);
        // seeded: the same context seed gives the same centroids
        double[] again = new KShapeAd(new KShapeAdParams(30, 3, 2000)).fit(train, Context.defaults()).score(test, Context.defaults());
        assertThat(again).containsExactly(s);
    }
}
