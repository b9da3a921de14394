package io.argus.metrics.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.metrics.BinaryMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelMetricsTest {

    private static AnomalyMap map(int w, int h, float... v) {
        return new AnomalyMap(w, h, v);
    }

    private static GroundTruthMask mask(int w, int h, int... anomalous) {
        boolean[] m = new boolean[w * h];
        for (int p : anomalous) {
            m[p] = true;
        }
        return new GroundTruthMask(w, h, m);
    }

    @Test
    void perfectMapGivesOne() {
        PixelFixtures.Case c = PixelFixtures.blobs(1, 12, 32, 24, 0);
        List<AnomalyMap> perfect = c.masks().stream().map(m -> {
            float[] v = new float[m.anomalous().length];
            for (int p = 0; p < v.length; p++) {
                v[p] = m.anomalous()[p] ? 1f : 0f;
            }
            return new AnomalyMap(m.width(), m.height(), v);
        }).toList();
        PixelEvaluation e = PixelMetrics.evaluate(perfect, c.masks());
        assertThat(e.aupro()).isEqualTo(1.0);
        assertThat(e.pixelAuroc()).isEqualTo(1.0);
        assertThat(e.pixelAp()).isEqualTo(1.0);
        assertThat(e.pixelF1Max()).isEqualTo(1.0);
        assertThat(e.f1MaxThreshold()).isEqualTo(1.0);
        assertThat(PixelMetrics.aupro(perfect, c.masks())).isEqualTo(1.0);
        // ADer's rescaling divides by the FPR range of the kept points, which is 0 for a binary perfect map
        // (NaN in Python); Argus says so instead.
        assertThatThrownBy(() -> PixelMetrics.auproAder(perfect, c.masks()))
                .hasMessage("AUPRO (ADer) undefined: 200 of 200 thresholds give FPR < 0.3, all with the same FPR");
    }

    @Test
    void tinyAndLargeRegionsCountEqually() {
        // A 6×6 image: region A is one pixel (0,0); region B is the 3×3 block at (2..4, 2..4).
        int[] large = {14, 15, 16, 20, 21, 22, 26, 27, 28};
        GroundTruthMask m = mask(6, 6, concat(new int[] {0}, large));
        float[] onlyTiny = new float[36];
        onlyTiny[0] = 1f;
        float[] onlyLarge = new float[36];
        for (int p : large) {
            onlyLarge[p] = 1f;
        }
        // Flagging only the tiny region gives PRO 0.5 at FPR 0, exactly as flagging only the large one.
        NaiveAupro naive = new NaiveAupro(List.of(map(6, 6, onlyTiny)), List.of(m));
        assertThat(naive.regions()).isEqualTo(2);
        assertThat(naive.curve(new double[] {1.0}, false)[1][0]).isEqualTo(0.5);
        assertThat(naive.curve(new double[] {1.0}, false)[0][0]).isEqualTo(0.0);
        // Curve (0,0) → (0,0.5) → (1,1): PRO(0.3) = 0.65, area 0.3·(0.5+0.65)/2, normalised 0.575.
        double tiny = PixelMetrics.aupro(List.of(map(6, 6, onlyTiny)), List.of(m));
        double big = PixelMetrics.aupro(List.of(map(6, 6, onlyLarge)), List.of(m));
        assertThat(tiny).isCloseTo(0.575, within(1e-12));
        assertThat(big).isCloseTo(0.575, within(1e-12));
        // Pixel AUROC, by contrast, weighs pixels: detecting the 9-pixel region is worth far more.
        assertThat(PixelMetrics.pixelAuroc(List.of(map(6, 6, onlyLarge)), List.of(m)))
                .isGreaterThan(PixelMetrics.pixelAuroc(List.of(map(6, 6, onlyTiny)), List.of(m)));
    }

    @Test
    void regionsSpanImagesAndEachImageCountsItsOwn() {
        // Same as above but the tiny region in one image and the large one in another.
        float[] a = new float[4];
        a[0] = 1f;
        float[] b = new float[16];
        List<AnomalyMap> maps = List.of(map(2, 2, a), map(4, 4, b));
        List<GroundTruthMask> masks = List.of(mask(2, 2, 0), mask(4, 4, 5, 6, 9, 10));
        assertThat(PixelMetrics.aupro(maps, masks)).isCloseTo(0.575, within(1e-12));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void exactAuproMatchesNaiveReference(long seed) {
        // Ties (levels) in half the cases; speckles give many tiny, diagonally touching regions.
        int levels = seed % 2 == 0 ? 20 : 0;
        PixelFixtures.Case c = seed <= 3
                ? PixelFixtures.blobs(seed, 6, 30, 22, levels)
                : PixelFixtures.speckles(seed, 4, 25, 20, 0.15, levels);
        NaiveAupro naive = new NaiveAupro(c.maps(), c.masks());
        double[] thresholds = naive.distinctScoresDescending();
        for (double limit : new double[] {0.3, 0.05, 1.0}) {
            assertThat(PixelMetrics.aupro(c.maps(), c.masks(), limit))
                    .as("limit %s", limit).isCloseTo(naive.aupro(thresholds, limit), within(1e-9));
        }
        assertThat(PixelMetrics.auproAder(c.maps(), c.masks())).isCloseTo(naive.auproAder(200, 0.3), within(1e-9));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void pixelAurocAndApEqualBinaryMetricsOnTheConcatenation(long seed) {
        PixelFixtures.Case c = PixelFixtures.blobs(seed, 8, 20, 16, seed % 2 == 0 ? 10 : 0);
        int n = c.maps().stream().mapToInt(m -> m.values().length).sum();
        double[] s = new double[n];
        int[] y = new int[n];
        int k = 0;
        for (int i = 0; i < c.maps().size(); i++) {
            float[] v = c.maps().get(i).values();
            boolean[] m = c.masks().get(i).anomalous();
            for (int p = 0; p < v.length; p++, k++) {
                s[k] = v[p];
                y[k] = m[p] ? 1 : 0;
            }
        }
        PixelEvaluation e = PixelMetrics.evaluate(c.maps(), c.masks());
        assertThat(e.pixelAuroc()).isCloseTo(BinaryMetrics.auroc(s, y), within(1e-12));
        assertThat(e.pixelAp()).isCloseTo(BinaryMetrics.averagePrecision(s, y), within(1e-12));
        assertThat(e.pixelF1Max()).isCloseTo(naiveF1Max(s, y), within(1e-12));
        assertThat(e.toMap()).containsOnlyKeys("pixel_auroc", "pixel_ap", "aupro_0.3", "pixel_f1_max");
        assertThat(PixelMetrics.compute("pixel_ap", c.maps(), c.masks())).isEqualTo(e.pixelAp());
    }

    private static double naiveF1Max(double[] s, int[] y) {
        long p = java.util.Arrays.stream(y).sum();
        double best = 0;
        for (double t : s) {
            long tp = 0;
            long flagged = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= t) {
                    flagged++;
                    tp += y[i];
                }
            }
            if (tp > 0) {
                double pr = (double) tp / flagged;
                double re = (double) tp / p;
                best = Math.max(best, 2 * pr * re / (pr + re));
            }
        }
        return best;
    }

    @Test
    void resultDoesNotDependOnThreadCount() throws Exception {
        PixelFixtures.Case c = PixelFixtures.blobs(21, 40, 32, 32, 0);
        PixelEvaluation parallel = PixelMetrics.evaluate(c.maps(), c.masks());
        PixelEvaluation streaming = PixelMetrics.evaluateStreaming(c.maps(), c.masks(), 1000);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertThat(one.submit(() -> PixelMetrics.evaluate(c.maps(), c.masks())).get()).isEqualTo(parallel);
            assertThat(one.submit(() -> PixelMetrics.evaluateStreaming(c.maps(), c.masks(), 1000)).get()).isEqualTo(streaming);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void badInputIsNamed() {
        List<AnomalyMap> maps = List.of(map(2, 2, 0, 1, 2, 3), map(3, 2, 0, 1, 2, 3, 4, 5));
        assertThatThrownBy(() -> PixelMetrics.evaluate(maps, List.of(mask(2, 2, 0), mask(2, 3, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image 1: mask is 2x3 but anomaly map is 3x2");
        assertThatThrownBy(() -> PixelMetrics.evaluate(maps, List.of(mask(2, 2, 0))))
                .hasMessage("count mismatch: 2 anomaly maps but 1 masks");
        assertThatThrownBy(() -> PixelMetrics.evaluate(List.of(map(2, 2, 0, 1, Float.NaN, 3)), List.of(mask(2, 2, 0))))
                .hasMessage("image 0: anomaly map value at (x=0, y=1) is NaN; scores must be finite");
        assertThatThrownBy(() -> PixelMetrics.aupro(maps, List.of(mask(2, 2), mask(3, 2))))
                .hasMessageStartingWith("pixel metrics undefined: the masks hold no anomalous pixel, so AUPRO has no region");
        assertThatThrownBy(() -> PixelMetrics.pixelAuroc(List.of(map(2, 1, 0, 1)), List.of(mask(2, 1, 0, 1))))
                .hasMessageStartingWith("pixel metrics undefined: the masks hold no normal pixel");
        assertThatThrownBy(() -> new AnomalyMap(3, 3, new float[8]))
                .hasMessage("anomaly map is 3x3 = 9 pixels but holds 8 values");
        assertThatThrownBy(() -> PixelMetrics.aupro(maps, List.of(mask(2, 2, 0), mask(3, 2)), 0))
                .hasMessage("fprLimit is 0.0; it must be in (0, 1]");
        assertThatThrownBy(() -> PixelMetrics.compute("aupro", maps, List.of(mask(2, 2, 0), mask(3, 2))))
                .hasMessageStartingWith("unknown pixel metric 'aupro'; known pixel metrics: pixel_auroc, pixel_ap, aupro_0.3");
        assertThatThrownBy(() -> PixelMetrics.auproAder(List.of(map(2, 1, 1, 1)), List.of(mask(2, 1, 0))))
                .hasMessageStartingWith("AUPRO (ADer) undefined: every pixel scores 1.0");
    }
}
