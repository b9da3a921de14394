package io.argus.logs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.TestData;
import io.argus.core.params.MethodRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HDFS sessions protocol on DeepLog's key sequences: train on a seeded 80% of the normal sessions,
 * test on the other 20% and on every abnormal session, thresholds from training data only.
 */
class HdfsSessionsTest {

    @Test
    void theBestMethodDetectsNineInTenAbnormalSessionsAtAFalsePositiveRateBelowFivePercent() {
        Path dir = TestData.require("hdfs_deeplog");
        List<MethodRun> runs;
        try (Context ctx = Context.builder().seed(42).threads(2).build()) {
            runs = LogProtocols.hdfs(dir, LogProtocols.HDFS_SPLIT_SEED, LogProtocols.defaultMethods(), MethodRegistry.load(), ctx);
        }
        runs.forEach(r -> System.out.println("hdfs " + r.describe()));
        assertThat(runs).hasSize(LogProtocols.defaultMethods().size());
        assertThat(runs.get(0).normals()).isEqualTo(971);
        assertThat(runs.get(0).anomalies()).isEqualTo(16838);
        assertThat(runs).anySatisfy(r -> {
            assertThat(r.recall()).isGreaterThanOrEqualTo(0.9);
            assertThat(r.fpr()).isLessThanOrEqualTo(0.05);
        });
    }
}
