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
import java.util.List;

/**
 * Suite {@code bgl-2k}: loghub's BGL_2k parsed with Drain (bgl preset) into fixed one-hour windows,
 * labelled anomalous when a line is an alert (first column other than '-'). Protocol: fit on all windows
 * without labels and score them (the unsupervised protocol), threshold from each method's own rule or
 * the top 1% of its scores; window-level recall, fpr, precision, F1, AUROC and AP.
 */
public final class Bgl2kSuite implements Suite<EventSessions> {

    @Override
    public String name() {
        return "bgl-2k";
    }

    @Override
    public String description() {
        return "loghub BGL_2k in fixed 1-hour windows of Drain events, alert labels; fit and score on all windows";
    }

    @Override
    public String folder() {
        return "loghub_2k";
    }

    @Override
    public List<String> metrics() {
        return List.of("recall", "fpr", "precision", "f1", "auroc", "ap", "threshold");
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path log = dataRoot.resolve(folder()).resolve("BGL/BGL_2k.log");
        return Files.isRegularFile(log) ? List.of(new DatasetRef(name(), "BGL_2k", log)) : List.of();
    }

    @Override
    public Class<? extends Dataset> dataType() {
        return EventSessions.class;
    }

    @Override
    public EventSessions load(DatasetRef ref) {
        return LogProtocols.bglWindows(ref.file(), 1);
    }

    @Override
    public Outcome run(EventSessions windows, Detector<?> detector, Context ctx) {
        @SuppressWarnings("unchecked")
        Detector<EventSessions> d = (Detector<EventSessions>) detector;
        MethodRun r = LogProtocols.evaluate("", d, windows.withoutLabels(), windows, ctx);
        return HdfsSessionsSuite.outcome(r, windows.size());
    }
}
