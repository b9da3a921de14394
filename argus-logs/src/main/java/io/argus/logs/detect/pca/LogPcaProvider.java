package io.argus.logs.detect.pca;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/** Registers {@link LogPca} as method {@code log-pca}. */
public final class LogPcaProvider extends BaseMethodProvider<EventSessions, LogPcaParams> {

    /** The registry name. */
    public static final String NAME = "log-pca";

    public LogPcaProvider() {
        super(NAME, "logs", EventSessions.class,
                "PCA on event-count vectors: sessions far from the normal subspace (SPE above the Q-statistic) are anomalous",
                new Reference("Xu, Huang, Fox, Patterson, Jordan", "Detecting Large-Scale System Problems by Mining Console Logs", "SOSP", 2009),
                LogPcaParams.class, LogPcaParams.DEFAULTS, true);
    }

    @Override
    public Detector<EventSessions> detector(LogPcaParams params) {
        return new LogPca(params);
    }

    @Override
    public Model<EventSessions> restore(LogPcaParams params, Map<String, Tensor> state) {
        return LogPca.Trained.restore(state);
    }
}
