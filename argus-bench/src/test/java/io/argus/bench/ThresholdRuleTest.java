package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.threshold.Threshold;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    private static final double[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void parsesEveryRule() {
        assertThat(ThresholdRule.parse("contamination:0.05")).isEqualTo(new ThresholdRule(ThresholdRule.Kind.CONTAMINATION, 0.05));
        assertThat(ThresholdRule.parse("robust-z:3")).isEqualTo(new ThresholdRule(ThresholdRule.Kind.ROBUST_Z, 3));
        assertThat(ThresholdRule.parse("target-fpr:0.01")).isEqualTo(new ThresholdRule(ThresholdRule.Kind.TARGET_FPR, 0.01));
        assertThat(ThresholdRule.parse("fixed:0.7")).isEqualTo(new ThresholdRule(ThresholdRule.Kind.FIXED, 0.7));
        ThresholdRule f1 = ThresholdRule.parse("best-f1");
        assertThat(f1.kind()).isEqualTo(ThresholdRule.Kind.BEST_F1);
        assertThat(f1.parameter()).isNaN();
    }

    @Test
    void parseIgnoresCaseAndSurroundingSpace() {
        assertThat(ThresholdRule.parse("  Robust-Z:2.5 ")).isEqualTo(new ThresholdRule(ThresholdRule.Kind.ROBUST_Z, 2.5));
        assertThat(ThresholdRule.parse("BEST-F1").kind()).isEqualTo(ThresholdRule.Kind.BEST_F1);
    }

    @Test
    void toStringIsWhatParseReads() {
        for (String text : new String[] {"contamination:0.1", "robust-z:3.0", "target-fpr:0.01", "fixed:0.7", "best-f1"}) {
            ThresholdRule r = ThresholdRule.parse(text);
            assertThat(ThresholdRule.parse(r.toString())).isEqualTo(r);
        }
        assertThat(ThresholdRule.parse("best-f1")).hasToString("best-f1");
        assertThat(ThresholdRule.DEFAULT).hasToString("contamination:0.1");
    }

    @Test
    void unknownRuleListsTheRules() {
        assertThatThrownBy(() -> ThresholdRule.parse("quantile:0.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--threshold 'quantile:0.9': unknown rule; use contamination:SHARE, robust-z:Z, target-fpr:RATE, "
                        + "best-f1 or fixed:VALUE");
    }

    @Test
    void missingValueGivesAnExample() {
        assertThatThrownBy(() -> ThresholdRule.parse("robust-z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--threshold 'robust-z': rule robust-z needs a value, e.g. robust-z:3");
        assertThatThrownBy(() -> ThresholdRule.parse("contamination")).hasMessageContaining("e.g. contamination:0.1");
        assertThatThrownBy(() -> ThresholdRule.parse("target-fpr")).hasMessageContaining("e.g. target-fpr:0.01");
        assertThatThrownBy(() -> ThresholdRule.parse("fixed")).hasMessageContaining("e.g. fixed:0.5");
    }

    @Test
    void nonNumberIsNamed() {
        assertThatThrownBy(() -> ThresholdRule.parse("fixed:high"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--threshold 'fixed:high': 'high' is not a number");
        assertThatThrownBy(() -> ThresholdRule.parse("contamination:")).hasMessageContaining("'' is not a number");
    }

    @Test
    void needsValidationOnlyForTargetFprAndBestF1() {
        assertThat(ThresholdRule.parse("target-fpr:0.1").needsValidation()).isTrue();
        assertThat(ThresholdRule.parse("best-f1").needsValidation()).isTrue();
        assertThat(ThresholdRule.parse("contamination:0.1").needsValidation()).isFalse();
        assertThat(ThresholdRule.parse("robust-z:3").needsValidation()).isFalse();
        assertThat(ThresholdRule.parse("fixed:1").needsValidation()).isFalse();
    }

    @Test
    void chooseContamination() {
        Threshold t = ThresholdRule.parse("contamination:0.2").choose(TEN, null, null);
        assertThat(t.value()).isEqualTo(9);
        assertThat(t.rule()).isEqualTo("contamination");
        assertThat(t.parameter()).isEqualTo(0.2);
    }

    @Test
    void chooseRobustZ() {
        // median 5.5, MAD 2.5: 5.5 + 2 * 1.4826 * 2.5
        Threshold t = ThresholdRule.parse("robust-z:2").choose(TEN, null, null);
        assertThat(t.value()).isCloseTo(5.5 + 2 * 1.4826 * 2.5, within(1e-12));
        assertThat(t.rule()).isEqualTo("robust-z");
    }

    @Test
    void chooseFixed() {
        Threshold t = ThresholdRule.parse("fixed:0.7").choose(TEN, null, null);
        assertThat(t.value()).isEqualTo(0.7);
        assertThat(t.rule()).isEqualTo("fixed");
    }

    @Test
    void chooseTargetFprUsesTheValidationScores() {
        double[] normal = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Threshold t = ThresholdRule.parse("target-fpr:0.1").choose(new double[] {100, 200}, normal, null);
        assertThat(t.rule()).isEqualTo("target-fpr");
        long flagged = java.util.Arrays.stream(normal).filter(t::flags).count();
        assertThat(flagged).isEqualTo(1);
        assertThatThrownBy(() -> ThresholdRule.parse("target-fpr:0.1").choose(TEN, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--threshold target-fpr needs --validation FILE of held-out normal rows");
    }

    @Test
    void chooseBestF1UsesTheValidationLabels() {
        double[] scores = {0.1, 0.2, 0.3, 0.9, 0.8};
        int[] labels = {0, 0, 0, 1, 1};
        Threshold t = ThresholdRule.parse("best-f1").choose(TEN, scores, labels);
        assertThat(t.value()).isEqualTo(0.8);
        assertThat(t.rule()).isEqualTo("best-f1");
        assertThatThrownBy(() -> ThresholdRule.parse("best-f1").choose(TEN, scores, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--threshold best-f1 needs --validation FILE with a label column (--label)");
        assertThatThrownBy(() -> ThresholdRule.parse("best-f1").choose(TEN, null, null))
                .hasMessageContaining("needs --validation FILE");
    }
}
