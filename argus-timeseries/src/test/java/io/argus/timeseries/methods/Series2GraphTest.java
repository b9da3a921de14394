package io.argus.timeseries.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Series2GraphTest {

    @Test
    void densityPeaksAreTheModesOfTheCrossingRadii() {
        double[] peaks = Series2Graph.densityPeaks(List.of(1.0, 1.1, 0.9, 5.0, 5.1, 4.9));
        assertThat(peaks).hasSize(2);
        // Scott's bandwidth (σ·n^-1/5 ≈ 1.5 here) pulls the modes inwards, symmetrically about 3
        assertThat(peaks[0]).isCloseTo(1.0, within(0.25));
        assertThat(peaks[1]).isCloseTo(5.0, within(0.25));
        assertThat(peaks[0] + peaks[1]).isCloseTo(6.0, within(0.05));
        assertThat(Series2Graph.densityPeaks(List.of(2.0, 2.0))).containsExactly(2.0);
    }

    @Test
    void convolutionIsTheRunningSum() {
        // l = 4, λ = 2: windows of x = 1..5 are [1,2,3,4] and [2,3,4,5]; running sums [3,5,7], [5,7,9]
        assertThat(Series2Graph.convolved(new double[] {1, 2, 3, 4, 5}, 4, 2)).containsExactly(3, 5, 7, 5, 7, 9);
    }

    @Test
    void aCircleCrossesEveryRayOnce() {
        int n = 101;
        double[] pts = new double[2 * n];
        for (int i = 0; i < n; i++) {
            pts[2 * i] = 2 * Math.cos(2 * Math.PI * i / (n - 1) + 0.01);
            pts[2 * i + 1] = 2 * Math.sin(2 * Math.PI * i / (n - 1) + 0.01);
        }
        List<Series2Graph.Crossing> cs = Series2Graph.crossings(pts, n, 8);
        assertThat(cs).hasSize(8);
        assertThat(cs).allSatisfy(c -> assertThat(c.radius()).isCloseTo(2.0, within(0.01)));
    }

    @Test
    void aRarePathScoresHighest() {
        SplittableRandom r = new SplittableRandom(2);
        double[] train = new double[2000];
        for (int t = 0; t < train.length; t++) {
            train[t] = Math.sin(2 * Math.PI * t / 40) + 0.05 * r.nextGaussian();
        }
        double[] test = new double[2000];
        for (int t = 0; t < test.length; t++) {
            test[t] = Math.sin(2 * Math.PI * t / 40) + 0.05 * r.nextGaussian();
        }
        for (int t = 1200; t < 1240; t++) {
            test[t] = Math.sin(2 * Math.PI * t / 13) + 0.05 * r.nextGaussian();
        }
        double[] s = new Series2Graph(new Series2GraphParams(40, 2, 30)).fit(train, Context.defaults()).score(test, Context.defaults());
        assertThat(MultivariateTest.argmax(s)).isBetween(1160, 1280);
    }
}
