package io.argus.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.data.Series.LabelRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void storesStepMajorAndSlices() {
        Series s = Series.of(3, 2, new float[] {1, 10, 2, 20, 3, 30}, new long[] {5, 6, 9}, List.of("a", "b"), new int[] {0, 1, 1}, "x.csv");
        assertThat(s.get(1, 1)).isEqualTo(20f);
        assertThat(s.channel(0)).containsExactly(1f, 2f, 3f);
        Series tail = s.slice(1, 3);
        assertThat(tail.steps()).isEqualTo(2);
        assertThat(tail.timestamps().orElseThrow()).containsExactly(6L, 9L);
        assertThat(tail.labels().orElseThrow()).containsExactly(1, 1);
        assertThat(s.labelRanges()).containsExactly(new LabelRange(1, 2));
        assertThat(s.withoutLabels().labels()).isEmpty();
    }

    @Test
    void rejectsBadInputNamingTheStep() {
        assertThatThrownBy(() -> Series.of(2, 1, new float[] {1, Float.NaN}, null, null, null, "f.csv"))
                .hasMessage("f.csv: value at step 1, channel 0 is NaN; choose a missing-value policy when reading");
        assertThatThrownBy(() -> Series.of(2, 1, new float[] {1, 2}, new long[] {4, 4}, null, null, null))
                .hasMessage("timestamps must increase strictly: step 1 has 4 after 4");
        assertThatThrownBy(() -> Series.of(2, 2, new float[] {1, 2}, null, null, null, null))
                .hasMessage("shape mismatch: expected 2x2 = 4 values, got 2");
        assertThatThrownBy(() -> Series.of(1, 1, new float[] {1}, null, null, new int[] {2}, null))
                .hasMessage("label at step 0 is 2; labels must be 0 or 1");
    }

    @Test
    void labelRangesRoundTrip() {
        int[] labels = {1, 0, 0, 1, 1, 0, 1};
        List<LabelRange> ranges = LabelRange.fromLabels(labels);
        assertThat(ranges).containsExactly(new LabelRange(0, 0), new LabelRange(3, 4), new LabelRange(6, 6));
        assertThat(LabelRange.toLabels(ranges, 7)).containsExactly(labels);
        assertThatThrownBy(() -> new LabelRange(3, 2)).hasMessageContaining("0 <= start <= end");
    }
}
