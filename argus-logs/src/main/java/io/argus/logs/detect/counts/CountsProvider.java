package io.argus.logs.detect.counts;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/**
 * Registers {@link CountVectorDetector} as method {@code counts}: any table method on event-count vectors
 * ({@code --param method=lof,params=k=20}). The table method is looked up in the registry of every
 * method on the class path.
 */
public final class CountsProvider extends BaseMethodProvider<EventSessions, CountsParams> {

    /** The registry name. */
    public static final String NAME = "counts";

    public CountsProvider() {
        super(NAME, "logs", EventSessions.class, "a table detector (Isolation Forest by default) on the event-count vectors of sessions",
                new Reference("He, Zhu, He, Lyu", "Experience Report: System Log Analysis for Anomaly Detection", "ISSRE", 2016),
                CountsParams.class, CountsParams.DEFAULTS, false);
    }

    @Override
    public Detector<EventSessions> detector(CountsParams params) {
        return new CountVectorDetector(params, MethodRegistry.load());
    }

    @Override
    public Model<EventSessions> restore(CountsParams params, Map<String, Tensor> state) {
        return CountVectorDetector.Trained.restore(params, state, MethodRegistry.load());
    }
}
