package io.argus.metrics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void eventF1CountsEventsNotSteps() {
        List<Range> labels = List.of(new Range(0, 99), Range.of(200), new Range(300, 310));
        List<Range> pred = List.of(Range.of(50), new Range(150, 160), new Range(305, 320));
        PrecisionRecall r = EventMetrics.eventF1(labels, pred, 400);
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.precision()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.f1()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void eventF1EdgeCases() {
        List<Range> labels = List.of(new Range(3, 5), new Range(6, 8)); // touching: two events
        assertThat(EventMetrics.eventF1(labels, List.of(), 10)).isEqualTo(new PrecisionRecall(0, 0, 0));
        PrecisionRecall all = EventMetrics.eventF1(labels, List.of(new Range(0, 9)), 10);
        assertThat(all.recall()).isEqualTo(1.0);
        assertThat(all.precision()).isEqualTo(1.0);
        PrecisionRecall boundary = EventMetrics.eventF1(labels, List.of(Range.of(2), Range.of(5), Range.of(9)), 10);
        assertThat(boundary.recall()).isCloseTo(0.5, within(EPS));
        assertThat(boundary.precision()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(EventMetrics.eventF1(List.of(Range.of(0)), List.of(Range.of(0)), 1).f1()).isEqualTo(1.0);
    }

    @Test
    void pointAdjustmentCreditsTheWholeRange() {
        List<Range> labels = List.of(new Range(10, 19), new Range(30, 39));
        PrecisionRecall r = EventMetrics.pointAdjustedF1Optimistic(labels, List.of(Range.of(15), Range.of(25)), 50);
        // Adjusted: 10 true positives (range 1), 1 false positive, 10 misses.
        assertThat(r.precision()).isCloseTo(10.0 / 11, within(EPS));
        assertThat(r.recall()).isCloseTo(0.5, within(EPS));
        assertThat(EventMetrics.pointAdjustedF1Optimistic(labels, List.of(), 50).f1()).isZero();
        PrecisionRecall all = EventMetrics.pointAdjustedF1Optimistic(labels, List.of(new Range(0, 49)), 50);
        assertThat(all.precision()).isCloseTo(20.0 / 50, within(EPS));
        assertThat(all.recall()).isEqualTo(1.0);
        // A hit on a range's first step (index 0 too) adjusts the whole range.
        PrecisionRecall start = EventMetrics.pointAdjustedF1Optimistic(new int[] {1, 1, 1, 0}, new int[] {1, 0, 0, 0});
        assertThat(start.f1()).isEqualTo(1.0);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> EventMetrics.eventF1(new int[] {0, 0}, new int[] {0, 1}))
                .hasMessage("event-wise F1 undefined: the labels hold no anomaly");
        assertThatThrownBy(() -> EventMetrics.pointAdjustedF1Optimistic(new int[] {0, 1}, new int[] {0}))
                .hasMessage("length mismatch: 1 predictions but 2 labels");
    }
}
