package io.argus.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.TestData;
import io.argus.core.params.MethodRegistry;
import io.argus.logs.session.EventSessions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BGL_2k in fixed one-hour windows: every method's window-level AUROC, AP and F1 at a label-free threshold. */
class Bgl2kWindowsTest {

    @Test
    void windowsCarryTheAlertLabelsAndEveryMethodRanksThemAboveChance() {
        Path log = TestData.require("loghub_2k/BGL/BGL_2k.log");
        EventSessions w = LogProtocols.bglWindows(log, 2);
        assertThat(w.size()).isEqualTo(456);
        int anomalous = 0;
        for (int l : w.labels().orElseThrow()) {
            anomalous += l;
        }
        assertThat(anomalous).isBetween(1, w.size() - 1);
        List<MethodRun> runs;
        try (Context ctx = Context.builder().seed(42).threads(2).build()) {
            runs = LogProtocols.bgl(log, LogProtocols.defaultMethods(), MethodRegistry.load(), ctx);
        }
        runs.forEach(r -> System.out.println("bgl-2k " + r.describe()));
        assertThat(runs).allSatisfy(r -> assertThat(r.anomalies()).isEqualTo(runs.get(0).anomalies()));
        assertThat(runs).anySatisfy(r -> assertThat(r.auroc()).isGreaterThan(0.6));
    }
}
