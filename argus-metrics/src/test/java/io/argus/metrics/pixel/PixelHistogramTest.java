package io.argus.metrics.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PixelHistogramTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void streamingIsWithinHalfAPercentOfExactAt1000Bins(long seed) {
        PixelFixtures.Case c = PixelFixtures.blobs(seed, 60, 64, 48, 0);
        PixelEvaluation exact = PixelMetrics.evaluate(c.maps(), c.masks());
        PixelEvaluation stream = PixelMetrics.evaluateStreaming(c.maps(), c.masks(), 1000);
        assertThat(stream.pixelAuroc()).isCloseTo(exact.pixelAuroc(), within(0.005));
        assertThat(stream.pixelAp()).isCloseTo(exact.pixelAp(), within(0.005));
        assertThat(stream.aupro()).isCloseTo(exact.aupro(), within(0.005));
        assertThat(stream.pixelF1Max()).isCloseTo(exact.pixelF1Max(), within(0.005));
        // The stated bounds hold, and are themselves small here.
        assertThat(Math.abs(stream.pixelAuroc() - exact.pixelAuroc())).isLessThanOrEqualTo(stream.aurocErrorBound() + 1e-12);
        assertThat(Math.abs(stream.pixelAp() - exact.pixelAp())).isLessThanOrEqualTo(stream.apErrorBound() + 1e-12);
        assertThat(Math.abs(stream.aupro() - exact.aupro())).isLessThanOrEqualTo(stream.auproErrorBound() + 1e-12);
        assertThat(stream.aurocErrorBound()).isLessThan(0.005);
        assertThat(stream.auproErrorBound()).isLessThan(0.005);
    }

    @ParameterizedTest(name = "nstrips {0}")
    @ValueSource(ints = {1, 7, 50})
    void boundsHoldEvenWithCoarseBins(int nstrips) {
        PixelFixtures.Case c = PixelFixtures.speckles(9, 10, 30, 30, 0.1, 0);
        PixelEvaluation exact = PixelMetrics.evaluate(c.maps(), c.masks());
        PixelEvaluation stream = PixelMetrics.evaluateStreaming(c.maps(), c.masks(), nstrips);
        assertThat(Math.abs(stream.pixelAuroc() - exact.pixelAuroc())).isLessThanOrEqualTo(stream.aurocErrorBound() + 1e-12);
        assertThat(Math.abs(stream.pixelAp() - exact.pixelAp())).isLessThanOrEqualTo(stream.apErrorBound() + 1e-12);
        assertThat(Math.abs(stream.aupro() - exact.aupro())).isLessThanOrEqualTo(stream.auproErrorBound() + 1e-12);
    }

    @Test
    void eachDistinctScoreInItsOwnBinIsExact() {
        // Scores k/10: with range [0, 1] and 10 strips each level sits on its own lower edge → same groups as exact.
        PixelFixtures.Case c = PixelFixtures.blobs(4, 10, 20, 20, 10);
        float lo = 10f;
        float hi = -10f;
        for (AnomalyMap m : c.maps()) {
            for (float v : m.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        PixelHistogram h = new PixelHistogram(lo, hi, Math.round((hi - lo) * 10) * 8);
        for (int i = 0; i < c.maps().size(); i++) {
            h.add(c.maps().get(i), c.masks().get(i));
        }
        PixelEvaluation exact = PixelMetrics.evaluate(c.maps(), c.masks());
        PixelEvaluation stream = h.result();
        assertThat(stream.pixelAuroc()).isCloseTo(exact.pixelAuroc(), within(1e-12));
        assertThat(stream.pixelAp()).isCloseTo(exact.pixelAp(), within(1e-12));
        assertThat(stream.aupro()).isCloseTo(exact.aupro(), within(1e-12));
    }

    @Test
    void scoresOutsideTheRangeGoToOverflowBins() {
        PixelFixtures.Case c = PixelFixtures.blobs(5, 10, 20, 20, 0);
        PixelHistogram narrow = new PixelHistogram(0.4, 0.6, 100);
        for (int i = 0; i < c.maps().size(); i++) {
            narrow.add(c.maps().get(i), c.masks().get(i));
        }
        PixelEvaluation exact = PixelMetrics.evaluate(c.maps(), c.masks());
        PixelEvaluation r = narrow.result();
        assertThat(narrow.images()).isEqualTo(10);
        assertThat(Math.abs(r.pixelAuroc() - exact.pixelAuroc())).isLessThanOrEqualTo(r.aurocErrorBound() + 1e-12);
        assertThat(Math.abs(r.aupro() - exact.aupro())).isLessThanOrEqualTo(r.auproErrorBound() + 1e-12);
    }

    @Test
    void badInput() {
        PixelHistogram h = new PixelHistogram(0, 1, 10);
        h.add(new AnomalyMap(2, 1, new float[] {0, 1}), new GroundTruthMask(2, 1, new boolean[] {false, false}));
        assertThatThrownBy(() -> h.add(new AnomalyMap(2, 1, new float[] {0, 1}), new GroundTruthMask(1, 2, new boolean[2])))
                .hasMessage("image 1: mask is 1x2 but anomaly map is 2x1");
        assertThatThrownBy(() -> h.add(new AnomalyMap(2, 1, new float[] {0, Float.NaN}), new GroundTruthMask(2, 1, new boolean[2])))
                .hasMessage("image 1: anomaly map value at (x=1, y=0) is NaN; scores must be finite");
        assertThatThrownBy(h::result).hasMessageStartingWith("pixel metrics undefined: the masks hold no anomalous pixel");
        assertThatThrownBy(() -> h.merge(new PixelHistogram(0, 1, 11)))
                .hasMessageStartingWith("cannot merge histograms with different bins");
        assertThatThrownBy(() -> new PixelHistogram(1, 0, 10)).hasMessage("score range [1.0, 0.0] must be finite with min <= max");
        assertThatThrownBy(() -> new PixelHistogram(0, 1, 0)).hasMessage("nstrips is 0; it must be in [1, 100000000]");
    }

    @Test
    void mergeEqualsOneHistogram() {
        PixelFixtures.Case c = PixelFixtures.blobs(8, 12, 16, 16, 0);
        PixelHistogram one = new PixelHistogram(0, 2, 200);
        PixelHistogram a = new PixelHistogram(0, 2, 200);
        PixelHistogram b = new PixelHistogram(0, 2, 200);
        for (int i = 0; i < 12; i++) {
            one.add(c.maps().get(i), c.masks().get(i));
            (i < 6 ? a : b).add(c.maps().get(i), c.masks().get(i));
        }
        a.merge(b);
        assertThat(a.images()).isEqualTo(12);
        PixelEvaluation merged = a.result();
        PixelEvaluation single = one.result();
        assertThat(merged.pixelAuroc()).isEqualTo(single.pixelAuroc());
        assertThat(merged.aupro()).isCloseTo(single.aupro(), within(1e-12));
    }
}
