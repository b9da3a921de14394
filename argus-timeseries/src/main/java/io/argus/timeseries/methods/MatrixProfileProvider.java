package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link MatrixProfileDetector} as method {@code matrix-profile} (channel-independent on multivariate series). */
public final class MatrixProfileProvider extends BaseMethodProvider<Series, MatrixProfileParams> implements UnivariateProvider<MatrixProfileParams> {

    /** The registry name. */
    public static final String NAME = "matrix-profile";

    public MatrixProfileProvider() {
        super(NAME, "series", Series.class, "Matrix Profile: subsequences far from their nearest neighbour (discords) are anomalous",
                new Reference("Yeh, Zhu, Ulanova, Begum, Ding, Dau, Silva, Mueen, Keogh",
                        "Matrix Profile I: All Pairs Similarity Joins for Time Series", "IEEE ICDM", 2016),
                MatrixProfileParams.class, MatrixProfileParams.DEFAULTS, true);
    }

    @Override
    public Detector<Series> detector(MatrixProfileParams params) {
        return new ChannelIndependent(new MatrixProfileDetector(params), Aggregation.MAX);
    }

    @Override
    public Model<Series> restore(MatrixProfileParams params, Map<String, Tensor> state) {
        return ChannelIndependent.restore(NAME, state, Aggregation.MAX, MatrixProfileDetector::restore);
    }

    @Override
    public UnivariateDetector univariate(MatrixProfileParams params) {
        return new MatrixProfileDetector(params);
    }

    @Override
    public UnivariateModel restoreUnivariate(MatrixProfileParams params, Map<String, Tensor> state) {
        return MatrixProfileDetector.restore(state);
    }
}
