package io.argus.timeseries.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.data.Series;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Label;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Options;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Segment;
import io.argus.timeseries.diagnose.SyntheticCrossChannel.Corruption;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossChannelDiagnosticTest {

    @Test
    void noiseflipIsCrossChannelOnlyAtThePapersSeed() {
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, SyntheticCrossChannel.SEED_DEFAULT);
        List<Segment> segs = CrossChannelDiagnostic.diagnose(p.train(), p.test(), Options.DEFAULTS);
        assertThat(segs).extracting(Segment::start).containsExactly(2000, 4500, 6500, 8000 + 500);
        assertThat(segs).extracting(s -> s.label(3, 0.1)).containsOnly(Label.CROSS_CHANNEL);
        assertThat(segs).allSatisfy(s -> assertThat(s.deltaRho()).isGreaterThan(0.25));
    }

    @Test
    void noiseflipIsCrossChannelOnlyForNearlyEverySegmentOverSeeds() {
        // The paper's sanity test runs 1000 seeds. A segment is also univariate only when one shared-noise
        // draw passes about 4.3 noise deviations at a sinusoid's crest (|z| ≥ 3 against the context): with
        // Java's streams that happens in 7 of 1200 segments over seeds 2026..2325 (0.6%), so over 40 seeds
        // at most 2 of 160 segments may be BOTH, and never UNIVARIATE or UNDETECTED.
        int crossOnly = 0;
        for (long seed = 0; seed < 40; seed++) {
            SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, 2026 + seed);
            for (Segment s : CrossChannelDiagnostic.diagnose(p.train(), p.test(), Options.DEFAULTS)) {
                assertThat(s.label(3, 0.1)).isIn(Label.CROSS_CHANNEL, Label.BOTH);
                crossOnly += s.label(3, 0.1) == Label.CROSS_CHANNEL ? 1 : 0;
            }
        }
        assertThat(crossOnly).isGreaterThanOrEqualTo(158);
    }

    @Test
    void rollAndOtherCorrelationsAlsoSeeTheShift() {
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.ROLL, 2026);
        for (Correlation c : Correlation.values()) {
            List<Segment> segs = CrossChannelDiagnostic.diagnose(p.train(), p.test(), Options.DEFAULTS.with(c));
            assertThat(segs).extracting(s -> s.label(3, 0.1)).as(c.name()).containsOnly(Label.CROSS_CHANNEL);
        }
    }

    @Test
    void aSpikeInOneChannelIsUnivariate() {
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, 1);
        Series clean = p.train();
        float[] v = clean.values().clone();
        int[] labels = new int[clean.steps()];
        for (int t = 5000; t < 5020; t++) {
            labels[t] = 1;
            v[t * 9 + 4] += 10;
        }
        Series test = Series.of(clean.steps(), 9, v, null, null, labels, "spike");
        List<Segment> segs = CrossChannelDiagnostic.diagnose(clean, test, Options.DEFAULTS);
        assertThat(segs).hasSize(1);
        assertThat(segs.get(0).label(3, 0.1)).isIn(Label.UNIVARIATE, Label.BOTH);
        assertThat(segs.get(0).univariateIntensity()).isEqualTo(1.0);
    }

    @Test
    void shortContextAndSensitivityGrid() {
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, 5);
        Series t = p.test();
        int[] labels = t.labels().get().clone();
        for (int i = 100; i < 120; i++) {
            labels[i] = 1;
        }
        Series test = Series.of(t.steps(), 9, t.values(), null, null, labels, "ctx");
        List<Segment> segs = CrossChannelDiagnostic.diagnose(p.train(), test, Options.DEFAULTS);
        assertThat(segs.get(0).label(3, 0.1)).isEqualTo(Label.INSUFFICIENT_CONTEXT);
        int[][] grid = CrossChannelDiagnostic.sensitivityGrid(segs);
        assertThat(grid).hasDimensions(6, 8);
        assertThat(grid[1][0]).isEqualTo(4);
        // a higher ρ threshold can only lose cross-channel segments
        for (int[] row : grid) {
            for (int j = 1; j < row.length; j++) {
                assertThat(row[j]).isLessThanOrEqualTo(row[j - 1]);
            }
        }
    }

    @Test
    void correlationsByHand() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 11};
        assertThat(Correlation.pearson(a, a)).isCloseTo(1, within(1e-12));
        assertThat(Correlation.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
        double[] m = Correlation.SPEARMAN.matrix(new double[][] {a, b});
        assertThat(m[1]).isCloseTo(1, within(1e-12));
        // distance correlation of a variable with itself is 1; of independent-looking ones near 0
        assertThat(Correlation.uDcorSquared(a, b)).isGreaterThan(0.9);
        assertThat(Correlation.uDcorSquared(a, a)).isCloseTo(1, within(1e-12));
    }

    @Test
    void badInput() {
        SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(Corruption.NOISEFLIP, 1);
        assertThatThrownBy(() -> CrossChannelDiagnostic.diagnose(p.train(), p.train().withoutLabels(), Options.DEFAULTS))
                .hasMessageContaining("needs a labelled test series");
        assertThatThrownBy(() -> new Options(3, 0.1, 1, 10, 0, Correlation.PEARSON)).hasMessageContaining("context and minLength must be >= 3");
    }
}
