package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.randomcutforest.RandomCutForest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RcfTest {

    private static float[] series(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.sin(i * 2 * Math.PI / 40) + 0.05 * r.nextDouble());
        }
        return x;
    }

    @Test
    void wrapperGivesTheLibrarysScoresExactly() {
        float[] x = series(2000, 1);
        Rcf ours = new Rcf(RcfParams.DEFAULTS, 1, 42);
        RandomCutForest direct = RandomCutForest.builder().dimensions(8).shingleSize(8).internalShinglingEnabled(true).numberOfTrees(50)
                .sampleSize(256).timeDecay(1.0 / 2560).outputAfter(64).randomSeed(42).parallelExecutionEnabled(false).build();
        for (float v : x) {
            float[] p = {v};
            double want = direct.getAnomalyScore(p);
            direct.update(p);
            assertThat(ours.scoreAndUpdate(new float[] {v})).isEqualTo(want);
        }
    }

    @Test
    void spikeScoresAboveNormalAndSeedReproduces() {
        float[] x = series(3000, 2);
        x[2500] += 4;
        double[] a = new double[x.length];
        double[] b = new double[x.length];
        Rcf r1 = new Rcf(RcfParams.DEFAULTS, 1, 7);
        Rcf r2 = new Rcf(RcfParams.DEFAULTS, 1, 7);
        for (int i = 0; i < x.length; i++) {
            a[i] = r1.scoreAndUpdate(new float[] {x[i]});
            b[i] = r2.scoreAndUpdate(new float[] {x[i]});
        }
        assertThat(a).containsExactly(b);
        double normalMax = 0;
        for (int i = 1000; i < 2490; i++) {
            normalMax = Math.max(normalMax, a[i]);
        }
        assertThat(a[2500]).isGreaterThan(1.5 * normalMax);
        assertThat(a[10]).isZero(); // before outputAfter
    }

    @Test
    void thresholdedForestFlagsTheSpikeOnly() {
        float[] x = series(3000, 3);
        x[2500] += 5;
        ThresholdedRcf t = new ThresholdedRcf(ThresholdedRcfParams.DEFAULTS, 1, 7);
        int flaggedElsewhere = 0;
        double spikeGrade = 0;
        for (int i = 0; i < x.length; i++) {
            double g = t.scoreAndUpdate(new float[] {x[i]});
            assertThat(g).isBetween(0.0, 1.0);
            if (i >= 2500 && i < 2508) {
                spikeGrade = Math.max(spikeGrade, g);
            } else if (i > 1000 && g > 0) {
                flaggedElsewhere++;
            }
        }
        assertThat(spikeGrade).isGreaterThan(0);
        assertThat(flaggedElsewhere).isLessThan(10);
    }
}
