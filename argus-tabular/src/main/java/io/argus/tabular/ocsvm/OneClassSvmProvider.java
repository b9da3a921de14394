package io.argus.tabular.ocsvm;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link OneClassSvm} as method {@code ocsvm}. */
public final class OneClassSvmProvider extends BaseMethodProvider<Table, OneClassSvmParams> {

    /** The registry name. */
    public static final String NAME = "ocsvm";

    public OneClassSvmProvider() {
        // Deterministic up to maxTrainRows; above it the training sample depends on the seed.
        super(NAME, "table", Table.class, "One-Class SVM (RBF): rows outside the estimated support of the training data are anomalous",
                new Reference("Schölkopf, Platt, Shawe-Taylor, Smola, Williamson", "Estimating the Support of a High-Dimensional Distribution",
                        "Neural Computation", 2001),
                OneClassSvmParams.class, OneClassSvmParams.DEFAULTS, false);
    }

    @Override
    public Detector<Table> detector(OneClassSvmParams params) {
        return new OneClassSvm(params);
    }

    @Override
    public Model<Table> restore(OneClassSvmParams params, Map<String, Tensor> state) {
        return OneClassSvm.SvmModel.restore(state);
    }
}
