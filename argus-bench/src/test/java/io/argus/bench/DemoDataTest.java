package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.data.Table;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void hasTheDocumentedShapeAndLabels() {
        Table t = DemoData.generate(42);
        assertThat(t.rows()).isEqualTo(DemoData.ROWS).isEqualTo(1530);
        assertThat(t.cols()).isEqualTo(2);
        int[] labels = t.labels().orElseThrow();
        assertThat(Arrays.stream(labels).sum()).isEqualTo(30);
        // the anomalies are the last 30 rows
        assertThat(Arrays.stream(labels, 0, 1500).sum()).isZero();
    }

    @Test
    void sameSeedGivesSameData() {
        Table a = DemoData.generate(7);
        Table b = DemoData.generate(7);
        assertThat(a.values()).containsExactly(b.values());
        assertThat(a.labels().orElseThrow()).containsExactly(b.labels().orElseThrow());
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(DemoData.generate(1).values()).isNotEqualTo(DemoData.generate(2).values());
    }
}
