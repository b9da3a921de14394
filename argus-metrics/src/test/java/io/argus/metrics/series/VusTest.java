package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.metrics.BinaryMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VusTest {

    @Test
    void zeroBufferWithOneRangeEqualsPointAurocAndAp() {
        Random rnd = new Random(7);
        for (int rep = 0; rep < 20; rep++) {
            int n = 50 + rnd.nextInt(200); // n ≤ 250: every distinct score is a threshold
            int s = rnd.nextInt(n - 10);
            List<Range> labels = List.of(new Range(s, s + 1 + rnd.nextInt(8)));
            int[] y = Ranges.toLabels(labels, n);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = Math.round((rnd.nextDouble() + 0.5 * y[i]) * 10) / 10.0; // ties on purpose
            }
            Vus.Result r0 = Vus.rangeAuc(scores, labels, 0);
            assertThat(r0.roc()).isCloseTo(BinaryMetrics.auroc(scores, y), within(1e-12));
            assertThat(r0.pr()).isCloseTo(BinaryMetrics.averagePrecision(scores, y), within(1e-12));
            Vus.Result v0 = Vus.vus(scores, labels, 0);
            assertThat(v0.roc()).isEqualTo(r0.roc());
            assertThat(v0.pr()).isEqualTo(r0.pr());
        }
    }

    @Test
    void vusIsTheMeanOfTheSlices() {
        Random rnd = new Random(3);
        int n = 400;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rnd.nextGaussian();
        }
        List<Range> labels = List.of(new Range(50, 60), new Range(70, 71), new Range(300, 340));
        double roc = 0;
        double pr = 0;
        for (int w = 0; w <= 12; w++) {
            roc += Vus.rangeAuc(scores, labels, w).roc();
            pr += Vus.rangeAuc(scores, labels, w).pr();
        }
        Vus.Result v = Vus.vus(scores, labels, 12);
        assertThat(v.roc()).isCloseTo(roc / 13, within(1e-12));
        assertThat(v.pr()).isCloseTo(pr / 13, within(1e-12));
    }

    @Test
    void perfectScoresGiveOne() {
        int n = 1000;
        List<Range> labels = List.of(new Range(100, 119), Range.of(500), new Range(800, 849));
        int[] y = Ranges.toLabels(labels, n);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = y[i];
        }
        Vus.Result v = Vus.vus(scores, labels, 40);
        assertThat(v.roc()).isCloseTo(1.0, within(1e-12));
        assertThat(v.pr()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void constantScoresAreUninformative() {
        int n = 300;
        List<Range> labels = List.of(new Range(100, 129));
        Vus.Result v = Vus.vus(new double[n], labels, 0);
        assertThat(v.roc()).isCloseTo(0.5, within(1e-12));
        assertThat(v.pr()).isCloseTo(30.0 / 300, within(1e-12));
    }

    /** Cross-check against a direct numpy transcription of TSB-AD's RangeAUC_volume_opt (resources/series). */
    @Test
    void matchesTheDirectAlgorithmOnSeededCases() throws IOException {
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                VusTest.class.getResourceAsStream("/series/vus_golden.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(";");
                int n = Integer.parseInt(f[0]);
                int window = Integer.parseInt(f[1]);
                List<Range> labels = new ArrayList<>();
                for (String r : f[2].split("\\|")) {
                    String[] se = r.split("-");
                    labels.add(new Range(Integer.parseInt(se[0]), Integer.parseInt(se[1])));
                }
                String[] sv = f[3].split(",");
                double[] scores = new double[n];
                for (int i = 0; i < n; i++) {
                    scores[i] = Double.parseDouble(sv[i]);
                }
                Vus.Result v = Vus.vus(scores, labels, window);
                assertThat(v.roc()).as("case %d roc", cases).isCloseTo(Double.parseDouble(f[4]), within(1e-9));
                assertThat(v.pr()).as("case %d pr", cases).isCloseTo(Double.parseDouble(f[5]), within(1e-9));
                cases++;
            }
        }
        assertThat(cases).isEqualTo(40);
    }

    @Test
    void slidingWindowFromTheAutocorrelation() {
        double[] x = new double[3000];
        Random rnd = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * i / 50) + 0.1 * rnd.nextGaussian();
        }
        assertThat(Vus.slidingWindow(x)).isEqualTo(50);
        assertThat(Vus.slidingWindow(new double[500])).isEqualTo(Vus.SLIDING_WINDOW_FALLBACK);
        assertThat(Vus.slidingWindow(new double[] {1, 2, 3})).isEqualTo(Vus.SLIDING_WINDOW_FALLBACK);
        double[] fast = new double[2000];
        for (int i = 0; i < fast.length; i++) {
            fast[i] = Math.sin(2 * Math.PI * i / 4); // period 4 < 6: TSB-AD falls back
        }
        assertThat(Vus.slidingWindow(fast)).isEqualTo(Vus.SLIDING_WINDOW_FALLBACK);
    }

    @Test
    void badInput() {
        List<Range> labels = List.of(new Range(1, 2));
        assertThatThrownBy(() -> Vus.vus(new double[] {0, Double.NaN, 1, 0}, labels, 2)).hasMessage("score 1 is NaN");
        assertThatThrownBy(() -> Vus.vus(new double[4], new int[] {0, 1, 0}, 2)).hasMessage("length mismatch: 4 scores but 3 labels");
        assertThatThrownBy(() -> Vus.vus(new double[4], List.of(), 2)).hasMessage("VUS undefined: the labels hold no anomaly");
        assertThatThrownBy(() -> Vus.vus(new double[4], List.of(new Range(0, 3)), 2)).hasMessage("VUS undefined: the labels hold no normal step");
        assertThatThrownBy(() -> Vus.vus(new double[4], List.of(new Range(3, 5)), 2))
                .hasMessage("labels: range [3, 5] lies outside the series of length 4");
        assertThatThrownBy(() -> Vus.vus(new double[4], labels, -1)).hasMessage("sliding window must be >= 0, got -1");
    }
}
