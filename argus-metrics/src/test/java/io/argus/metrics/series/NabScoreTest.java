package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabScoreTest {

    private static final int N = 1000; // probationary period: 150 steps
    private static final List<Range> WINDOWS = List.of(new Range(300, 399), new Range(600, 699));
    private static final double EPS = 1e-12;

    private static int[] detections(int... at) {
        int[] d = new int[N];
        for (int i : at) {
            d[i] = 1;
        }
        return d;
    }

    private static NabScore.Result normalised(NabProfile profile, int... at) {
        return NabScore.score(List.of(NabScore.Series.ofDetections(detections(at), WINDOWS)), 1, profile);
    }

    @Test
    void perfectDetectorScores100AndNullDetectorZero() {
        for (NabProfile p : NabProfile.all()) {
            assertThat(normalised(p, 300, 600).score()).as(p.name()).isCloseTo(100, within(1e-9));
            assertThat(normalised(p).score()).as(p.name()).isCloseTo(0, within(1e-9));
            assertThat(normalised(p).nullRaw()).isEqualTo(-2 * p.fnWeight());
            assertThat(normalised(p).perfectRaw()).isEqualTo(2 * p.tpWeight());
        }
    }

    @Test
    void detectionAtWindowStartScoresTpWeightAndOnlyTheFirstCounts() {
        NabProfile p = NabProfile.REWARD_LOW_FN;
        assertThat(NabScore.rawScore(detections(300), WINDOWS, p)).isCloseTo(p.tpWeight() - p.fnWeight(), within(EPS));
        assertThat(NabScore.rawScore(detections(300, 350, 399), WINDOWS, p)).isCloseTo(p.tpWeight() - p.fnWeight(), within(EPS));
        // At the window's last step the sigmoid is almost spent: σ̃(−1/100)/σ̃(−1).
        double last = NabScore.scaledSigmoid(-0.01) / NabScore.scaledSigmoid(-1);
        assertThat(NabScore.rawScore(detections(399), WINDOWS, p)).isCloseTo(last - p.fnWeight(), within(EPS));
        assertThat(last).isBetween(0.0, 0.03);
        // Halfway in: 2σ(2.5) − 1 = 0.848... over σ̃(−1).
        assertThat(NabScore.scaledSigmoid(-0.5)).isCloseTo(0.8482836399575129, within(1e-12));
    }

    @Test
    void detectionJustAfterWindowIsAFalsePositiveWithTheSigmoidWeight() {
        NabProfile p = NabProfile.STANDARD;
        double fp = p.fpWeight() * NabScore.scaledSigmoid(1.0 / 99); // |399 − 400| / (100 − 1)
        assertThat(fp).isNegative().isGreaterThan(-0.11 * 0.05);
        assertThat(NabScore.rawScore(detections(400), WINDOWS, p)).isCloseTo(-2 * p.fnWeight() + fp, within(EPS));
        // Far after a window (≥ 3 window widths) and before any window: the full −A_FP.
        assertThat(NabScore.rawScore(detections(990), List.of(new Range(300, 399)), p)).isCloseTo(-1 - 0.11, within(EPS));
        assertThat(NabScore.rawScore(detections(200), WINDOWS, p)).isCloseTo(-2 - 0.11, within(EPS));
        assertThat(NabScore.rawScore(detections(200), WINDOWS, NabProfile.REWARD_LOW_FP)).isCloseTo(-2 - 0.22, within(EPS));
    }

    @Test
    void probationaryPeriodIsNotScored() {
        assertThat(NabScore.probationaryLength(1000)).isEqualTo(150);
        assertThat(NabScore.probationaryLength(100000)).isEqualTo(750);
        assertThat(NabScore.rawScore(detections(100), WINDOWS, NabProfile.STANDARD)).isCloseTo(-2, within(EPS));
    }

    @Test
    void optimisationPicksTheBestThreshold() {
        double[] s = new double[N];
        java.util.Arrays.fill(s, 0.5);
        s[300] = 0.9; // window start
        s[200] = 0.8; // false positive before any window
        NabScore.Result best = NabScore.optimize(List.of(new NabScore.Series(s, WINDOWS)), NabProfile.STANDARD);
        assertThat(best.threshold()).isEqualTo(0.9);
        assertThat(best.raw()).isCloseTo(0, within(EPS));
        assertThat(best.score()).isCloseTo(50, within(1e-9));
        NabScore.Result fixed = NabScore.score(List.of(new NabScore.Series(s, WINDOWS)), 0.8, NabProfile.STANDARD);
        assertThat(fixed.raw()).isCloseTo(-0.11, within(EPS));
        // Nothing worth detecting: the optimum is to detect nothing (threshold +∞, score 0).
        double[] bad = new double[N];
        bad[200] = 1;
        NabScore.Result none = NabScore.optimize(List.of(new NabScore.Series(bad, WINDOWS)), NabProfile.STANDARD);
        assertThat(none.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(none.score()).isZero();
    }

    @Test
    void corpusScoresSumOverFiles() {
        NabScore.Series a = NabScore.Series.ofDetections(detections(300, 600), WINDOWS);
        NabScore.Series b = NabScore.Series.ofDetections(detections(), WINDOWS);
        NabScore.Result r = NabScore.score(List.of(a, b), 1, NabProfile.STANDARD);
        assertThat(r.raw()).isCloseTo(2 - 2, within(EPS));
        assertThat(r.score()).isCloseTo(50, within(1e-9));
    }

    @Test
    void windowsFromTimestamps() {
        List<LocalDateTime> ts = new ArrayList<>();
        LocalDateTime t0 = NabScore.parseTimestamp("2014-04-10 00:00:00");
        for (int i = 0; i < 100; i++) {
            ts.add(t0.plusMinutes(5L * i));
        }
        List<LocalDateTime[]> w = List.<LocalDateTime[]>of(new LocalDateTime[] {NabScore.parseTimestamp("2014-04-10 01:00:00.000000"),
            NabScore.parseTimestamp("2014-04-10 02:02:00.000000")});
        assertThat(NabScore.windowRanges(ts, w)).containsExactly(new Range(12, 24));
        assertThatThrownBy(() -> NabScore.windowRanges(ts, List.<LocalDateTime[]>of(new LocalDateTime[] {t0.plusDays(3), t0.plusDays(4)})))
                .hasMessage("window [2014-04-13T00:00, 2014-04-14T00:00] covers no timestamp of the series");
        assertThatThrownBy(() -> NabScore.parseTimestamp("10/04/2014"))
                .hasMessage("not a NAB timestamp (yyyy-MM-dd HH:mm:ss[.ffffff]): '10/04/2014'");
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> NabScore.score(List.of(NabScore.Series.ofDetections(detections(300), List.of())), 1, NabProfile.STANDARD))
                .hasMessageStartingWith("NAB score undefined: the corpus holds no anomaly window");
        assertThatThrownBy(() -> new NabScore.Series(new double[] {0, Double.NaN}, List.of())).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> new NabScore.Series(new double[3], List.of(new Range(1, 3))))
                .hasMessage("windows: range [1, 3] lies outside the series of length 3");
        assertThatThrownBy(() -> NabScore.score(List.of(NabScore.Series.ofDetections(detections(300), WINDOWS)), Double.NaN, NabProfile.STANDARD))
                .hasMessage("threshold is NaN");
        assertThatThrownBy(() -> new NabProfile("x", 0, 0.1, 1)).hasMessageStartingWith("profile x: weights must be finite");
    }
}
