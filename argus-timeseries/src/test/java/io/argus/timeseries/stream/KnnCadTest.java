package io.argus.timeseries.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnCadTest {

    @Test
    void probationScoresZeroThenConformalScoresInUnitInterval() {
        KnnCad k = new KnnCad(new KnnCadParams(27, 19, 0.9965, 300), 1);
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 299; t++) {
            assertThat(k.scoreAndUpdate(new float[] {(float) (Math.sin(t * 0.2) + 0.1 * r.nextDouble())})).isZero();
        }
        for (int t = 299; t < 1000; t++) {
            assertThat(k.scoreAndUpdate(new float[] {(float) (Math.sin(t * 0.2) + 0.1 * r.nextDouble())})).isBetween(0.0, 1.0);
        }
        // the reference set holds the probation's windows: 300 − 19 of them.
        assertThat(k.referenceSize()).isEqualTo(281);
    }

    @Test
    void aSpikeRaisesAnAlertAndSuppressesTheNextFifthOfTheProbation() {
        KnnCad k = new KnnCad(new KnnCadParams(27, 19, 0.9965, 300), 1);
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 700; t++) {
            k.scoreAndUpdate(new float[] {(float) (Math.sin(t * 0.2) + 0.1 * r.nextDouble())});
        }
        double alert = k.scoreAndUpdate(new float[] {5});
        assertThat(alert).isGreaterThanOrEqualTo(0.9965);
        for (int t = 0; t < 60; t++) {
            assertThat(k.scoreAndUpdate(new float[] {(float) (Math.sin(t * 0.2) + 0.1 * r.nextDouble())})).isEqualTo(0.5);
        }
        assertThat(k.scoreAndUpdate(new float[] {0})).isNotEqualTo(0.5);
    }

    @Test
    void learnedStepsAreTheProbation() {
        // Learning P − 1 steps then scoring equals streaming with probation P.
        KnnCad a = new KnnCad(new KnnCadParams(5, 7, 0.9965, 200), 1);
        KnnCad b = new KnnCad(new KnnCadParams(5, 7, 0.9965, 750), 1);
        SplittableRandom r = new SplittableRandom(9);
        float[] xs = new float[800];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) (Math.cos(i * 0.1) + 0.2 * r.nextDouble());
        }
        for (int i = 0; i < 199; i++) {
            a.scoreAndUpdate(new float[] {xs[i]});
            b.learn(new float[] {xs[i]});
        }
        for (int i = 199; i < xs.length; i++) {
            assertThat(b.scoreAndUpdate(new float[] {xs[i]})).isEqualTo(a.scoreAndUpdate(new float[] {xs[i]}));
        }
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> new KnnCadParams(0, 19, 0.9965, 750)).hasMessage("parameter k = 0 is out of range; allowed: [1, 10000]");
        KnnCad k = new KnnCad(KnnCadParams.DEFAULTS, 1);
        k.scoreAndUpdate(new float[] {1});
        assertThatThrownBy(() -> k.learn(new float[] {1})).hasMessage("knn-cad: learn() after scoring started");
        assertThatThrownBy(() -> k.scoreAndUpdate(new float[] {Float.POSITIVE_INFINITY})).hasMessageContaining("channel 0 is Infinity");
    }
}
