package io.argus.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static double[] range(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i + 1;
        }
        return s;
    }

    private static int flagged(Threshold t, double[] s) {
        int c = 0;
        for (double v : s) {
            if (t.flags(v)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void contaminationFlagsTheTopShare() {
        double[] s = range(100);
        Threshold t = Thresholds.contamination(s, 0.1);
        assertThat(t.value()).isEqualTo(91.0);
        assertThat(flagged(t, s)).isEqualTo(10);
        assertThat(t.rule()).isEqualTo("contamination");
        // At least one unit is flagged even for a tiny share.
        assertThat(flagged(Thresholds.contamination(range(5), 0.01), range(5))).isEqualTo(1);
        assertThatThrownBy(() -> Thresholds.contamination(s, 0.7)).hasMessage("contamination = 0.7 is out of range; allowed: (0, 0.5]");
        assertThatThrownBy(() -> Thresholds.contamination(new double[0], 0.1)).hasMessage("contamination threshold needs at least one score");
    }

    @Test
    void targetFprKeepsFalsePositivesWithinTheRate() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 10 + rnd.nextInt(500);
            double[] normal = new double[n];
            for (int i = 0; i < n; i++) {
                normal[i] = rnd.nextInt(20); // ties on purpose
            }
            double fpr = 0.01 + 0.3 * rnd.nextDouble();
            Threshold t = Thresholds.targetFpr(normal, fpr);
            assertThat(flagged(t, normal)).isLessThanOrEqualTo((int) Math.floor(fpr * n));
        }
        double[] s = range(100);
        assertThat(flagged(Thresholds.targetFpr(s, 0.05), s)).isEqualTo(5);
        assertThat(flagged(Thresholds.targetFpr(s, 0.001), s)).isZero();
    }

    @Test
    void bestF1FindsTheSeparatingThreshold() {
        double[] s = {0.1, 0.2, 0.3, 0.8, 0.9, 0.35};
        int[] y = {0, 0, 0, 1, 1, 0};
        Threshold t = Thresholds.bestF1(s, y);
        assertThat(t.value()).isEqualTo(0.8);
        assertThat(t.parameter()).isEqualTo(1.0);
        assertThatThrownBy(() -> Thresholds.bestF1(s, new int[] {0, 0, 0, 0, 0, 0}))
                .hasMessage("best-F1 needs both anomalies and normal units in the validation labels");
    }

    @Test
    void bestF1TreatsTiesAsOneDecision() {
        // A positive and a negative tie at the top: flagging one flags both.
        Threshold t = Thresholds.bestF1(new double[] {1, 1, 0}, new int[] {1, 0, 0});
        assertThat(t.value()).isEqualTo(1.0);
        assertThat(t.parameter()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void robustZUsesMedianAndMad() {
        double[] s = {1, 2, 3, 4, 100};
        // median 3, MAD = median(|s-3|) = median(2,1,0,1,97) = 1
        Threshold t = Thresholds.robustZ(s, 3);
        assertThat(t.value()).isCloseTo(3 + 3 * 1.4826, within(1e-12));
        assertThat(flagged(t, s)).isEqualTo(1);
        double[] constant = {2, 2, 2};
        assertThat(flagged(Thresholds.robustZ(constant, 3), constant)).isZero();
    }

    @Test
    void calibrationIsMonotoneBoundedAndSurvivesItsKnots() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] train = new double[5000];
        for (int i = 0; i < train.length; i++) {
            train[i] = Math.exp(rnd.nextGaussian());
        }
        Calibration c = Calibration.fit(train);
        assertThat(c.knots()).hasSize(Calibration.MAX_KNOTS);
        double prev = -1;
        for (double x = 0; x < 20; x += 0.01) {
            double v = c.apply(x);
            assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(prev);
            prev = v;
        }
        assertThat(c.apply(-1)).isZero();
        assertThat(c.apply(1e9)).isEqualTo(1.0);
        // The calibrated value of the median training score is about one half.
        double[] sorted = train.clone();
        java.util.Arrays.sort(sorted);
        assertThat(c.apply(sorted[2500])).isCloseTo(0.5, within(0.002));
        Calibration back = Calibration.ofKnots(c.knots());
        assertThat(back.apply(1.234)).isEqualTo(c.apply(1.234));
        assertThatThrownBy(() -> Calibration.ofKnots(new double[] {2, 1}))
                .hasMessage("calibration knots must be sorted ascending; knot 1 is 1.0 after 2.0");
    }
}
