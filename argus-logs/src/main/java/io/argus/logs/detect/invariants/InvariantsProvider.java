package io.argus.logs.detect.invariants;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import io.argus.logs.session.EventSessions;
import java.util.Map;

/** Registers {@link InvariantsMining} as method {@code invariants-mining}. */
public final class InvariantsProvider extends BaseMethodProvider<EventSessions, InvariantsParams> {

    /** The registry name. */
    public static final String NAME = "invariants-mining";

    public InvariantsProvider() {
        super(NAME, "logs", EventSessions.class,
                "Invariants Mining: sessions that break linear relations between event counts holding in normal sessions are anomalous",
                new Reference("Lou, Fu, Yang, Xu, Li", "Mining Invariants from Console Logs for System Problem Detection", "USENIX ATC", 2010),
                InvariantsParams.class, InvariantsParams.DEFAULTS, true);
    }

    @Override
    public Detector<EventSessions> detector(InvariantsParams params) {
        return new InvariantsMining(params);
    }

    @Override
    public Model<EventSessions> restore(InvariantsParams params, Map<String, Tensor> state) {
        return InvariantsMining.Trained.restore(state);
    }
}
