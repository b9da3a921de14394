package io.argus.bench.logs;

import io.argus.bench.DatasetRef;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.data.Dataset;
import io.argus.logs.eval.LogProtocols;
import io.argus.logs.eval.MethodRun;
import io.argus.logs.session.EventSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suite {@code hdfs}: DeepLog's HDFS log-key sessions ({@code hdfs_deeplog}). Protocol
 * ({@link LogProtocols#hdfsSplit}): train on a seeded 80% of the normal sessions, test on the other 20%
 * and on every abnormal session; each method's threshold comes from the training data only (its own
 * rule, or the top 1% of its training scores); recall is the detection rate on the abnormal sessions and
 * fpr the false-positive rate on the held-back normal ones. The split seed is fixed
 * ({@link LogProtocols#HDFS_SPLIT_SEED}), so every method and seed sees the same split; the run's seed
 * drives randomised methods only.
 */
public final class HdfsSessionsSuite implements Suite<HdfsSessionsSuite.Data> {

    /**
     * The loaded data: the folder, split later with the run's seed.
     *
     * @param dir the {@code hdfs_deeplog} folder
     */
    public record Data(Path dir) {
    }

    @Override
    public String name() {
        return "hdfs";
    }

    @Override
    public String description() {
        return "HDFS block sessions as DeepLog log keys: train on a seeded 80% of normal sessions, recall on abnormal, FPR on held-back normal";
    }

    @Override
    public String folder() {
        return "hdfs_deeplog";
    }

    @Override
    public List<String> metrics() {
        return List.of("recall", "fpr", "precision", "f1", "auroc", "ap", "threshold");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder());
        if (!Files.isRegularFile(dir.resolve("data/hdfs_train")) || !Files.isRegularFile(dir.resolve("data/hdfs_test_abnormal"))) {
            return List.of();
        }
        return List.of(new DatasetRef(name(), "hdfs_deeplog", dir));
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return EventSessions.class;
    }

    @Override
    public Data load(DatasetRef ref) {
        return new Data(ref.file());
    }

    @Override
    public Outcome run(Data data, Detector<?> detector, Context ctx) {
        LogProtocols.Split split = LogProtocols.hdfsSplit(data.dir(), LogProtocols.HDFS_SPLIT_SEED);
        @SuppressWarnings("unchecked")
        Detector<EventSessions> d = (Detector<EventSessions>) detector;
        MethodRun r = LogProtocols.evaluate("", d, split.train(), split.test(), ctx);
        return outcome(r, split.test().size());
    }

    static Outcome outcome(MethodRun r, int n) {
        Map<String, Double> m = new LinkedHashMap<>(r.metrics());
        m.put("threshold", r.threshold());
        return new Outcome(n, r.fitSeconds(), r.scoreSeconds(), m);
    }
}
