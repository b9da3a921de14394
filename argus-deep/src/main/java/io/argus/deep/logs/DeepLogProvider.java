package io.argus.deep.logs;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/** Registers {@link DeepLog} as method {@code deeplog} over log sessions and windows ({@link EventSessions}). */
public final class DeepLogProvider extends BaseMethodProvider<EventSessions, DeepLogParams> {

    /** The registry name. */
    public static final String NAME = DeepLog.NAME;

    public DeepLogProvider() {
        super(NAME, "logs", EventSessions.class,
                "DeepLog: sessions holding a log key that an LSTM trained on normal sessions does not rank among its top-g next keys are anomalous",
                new Reference("Du, Li, Zheng, Srikumar", "DeepLog: Anomaly Detection and Diagnosis from System Logs through Deep Learning", "ACM CCS",
                        2017),
                DeepLogParams.class, DeepLogParams.DEFAULTS, false);
    }

    @Override
    public Detector<EventSessions> detector(DeepLogParams params) {
        return new DeepLog(params);
    }

    @Override
    public Model<EventSessions> restore(DeepLogParams params, Map<String, Tensor> state) {
        return DeepLog.DeepLogModel.restore(params, state);
    }
}
