package io.argus.logs.detect.nextevent;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/** Registers {@link NextEventModel} as method {@code next-event}. */
public final class NextEventProvider extends BaseMethodProvider<EventSessions, NextEventParams> {

    /** The registry name. */
    public static final String NAME = "next-event";

    public NextEventProvider() {
        super(NAME, "logs", EventSessions.class,
                "DeepLog's idea as an n-gram model: sessions with events outside the top-g successors of their last h events are anomalous",
                new Reference("Du, Li, Zheng, Srikumar", "DeepLog: Anomaly Detection and Diagnosis from System Logs through Deep Learning", "CCS", 2017),
                NextEventParams.class, NextEventParams.DEFAULTS, true);
    }

    @Override
    public Detector<EventSessions> detector(NextEventParams params) {
        return new NextEventModel(params);
    }

    @Override
    public Model<EventSessions> restore(NextEventParams params, Map<String, Tensor> state) {
        return NextEventModel.Trained.restore(params, state);
    }
}
