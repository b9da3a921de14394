package io.argus.logs.detect.clustering;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/** Registers {@link LogClustering} as method {@code log-clustering}. */
public final class LogClusteringProvider extends BaseMethodProvider<EventSessions, LogClusteringParams> {

    /** The registry name. */
    public static final String NAME = "log-clustering";

    public LogClusteringProvider() {
        super(NAME, "logs", EventSessions.class,
                "LogClustering: sessions far (cosine) from every cluster of normal tf-idf event-count vectors are anomalous",
                new Reference("Lin, Zhang, Lou, Zhang, Chen", "Log Clustering based Problem Identification for Online Service Systems",
                        "ICSE-SEIP", 2016),
                LogClusteringParams.class, LogClusteringParams.DEFAULTS, true);
    }

    @Override
    public Detector<EventSessions> detector(LogClusteringParams params) {
        return new LogClustering(params);
    }

    @Override
    public Model<EventSessions> restore(LogClusteringParams params, Map<String, Tensor> state) {
        return LogClustering.Trained.restore(state);
    }
}
