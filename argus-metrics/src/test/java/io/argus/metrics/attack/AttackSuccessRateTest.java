package io.argus.metrics.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttackSuccessRateTest {

    @Test
    void wilsonHandWorked() {
        // 8/10 at 95%: z = 1.959964, centre 0.716740, half-width 0.226576.
        AttackSuccessRate r = AttackSuccessRate.of(8, 10);
        assertThat(r.rate()).isEqualTo(0.8);
        assertThat(r.lower()).isCloseTo(0.4901625, within(1e-6));
        assertThat(r.upper()).isCloseTo(0.9433178, within(1e-6));
        // 0/10 at 95%: [0, z²/(n + z²)] = [0, 0.2775328].
        AttackSuccessRate none = AttackSuccessRate.of(0, 10);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.2775328, within(1e-6));
        assertThat(AttackSuccessRate.of(10, 10).upper()).isEqualTo(1.0);
        // 1/2 at 90% (z = 1.644854): centre 0.5, half = z/(1+z²/2) * sqrt(1/8 + z²/16) = 0.4218 -> [0.0782, 0.9218].
        double z = 1.6448536269514722;
        double half = z / (1 + z * z / 2) * Math.sqrt(0.125 + z * z / 16);
        AttackSuccessRate ninety = AttackSuccessRate.of(1, 2, 0.90);
        assertThat(ninety.lower()).isCloseTo(0.5 - half, within(1e-12));
        assertThat(ninety.upper()).isCloseTo(0.5 + half, within(1e-12));
    }

    @Test
    void normalQuantileMatchesReferenceValues() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-14));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(Normal.quantile(0.05)).isCloseTo(-1.6448536269514729, within(1e-14));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> AttackSuccessRate.of(0, 0)).hasMessage("metric undefined: trials = 0; the attack success rate needs at least 1 trial");
        assertThatThrownBy(() -> AttackSuccessRate.of(3, 2)).hasMessage("successes = 3 is out of range; allowed: [0, 2] (the trials)");
        assertThatThrownBy(() -> AttackSuccessRate.of(1, 2, 1.0)).hasMessage("confidence = 1.0 is out of range; allowed: (0, 1)");
    }
}
