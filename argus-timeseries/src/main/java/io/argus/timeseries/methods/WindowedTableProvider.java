package io.argus.timeseries.methods;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Series;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Reference;
import io.argus.tabular.iforest.IsolationForestProvider;
import io.argus.tabular.knn.KnnProvider;
import io.argus.tabular.lof.LofProvider;
import io.argus.tabular.pca.PcaProvider;
import java.util.Map;

/**
 * The windowed table methods (TSB-AD's Sub-PCA, Sub-IForest, Sub-KNN, Sub-LOF) as registered methods;
 * each nested class registers one, with the table method's own defaults.
 */
public abstract class WindowedTableProvider extends BaseMethodProvider<Series, WindowedParams> {

    private static final Reference TSB_AD = new Reference("Liu, Paparrizos",
            "The Elephant in the Room: Towards a Reliable Time-Series Anomaly Detection Benchmark", "NeurIPS Datasets and Benchmarks", 2024);

    private final MethodProvider<Table, ? extends Record> table;

    protected WindowedTableProvider(String name, String summary, MethodProvider<Table, ? extends Record> table) {
        super(name, "series", Series.class, summary, TSB_AD, WindowedParams.class, WindowedParams.DEFAULTS, table.deterministic());
        this.table = table;
    }

    private WindowedTable detectorOf(WindowedParams params) {
        return new WindowedTable(name(), table, table.defaults(), params);
    }

    @Override
    public Detector<Series> detector(WindowedParams params) {
        return detectorOf(params);
    }

    @Override
    public Model<Series> restore(WindowedParams params, Map<String, Tensor> state) {
        return detectorOf(params).restore(state);
    }

    /** {@code sub-pca}: PCA (PyOD's score) on sliding windows. */
    public static final class SubPca extends WindowedTableProvider {
        public SubPca() {
            super("sub-pca", "Sub-PCA: windows far from the principal subspace of the training windows are anomalous", new PcaProvider());
        }
    }

    /** {@code sub-iforest}: Isolation Forest on sliding windows. */
    public static final class SubIForest extends WindowedTableProvider {
        public SubIForest() {
            super("sub-iforest", "Sub-IForest: windows isolated by few random splits are anomalous", new IsolationForestProvider());
        }
    }

    /** {@code sub-knn}: k-NN distance on sliding windows. */
    public static final class SubKnn extends WindowedTableProvider {
        public SubKnn() {
            super("sub-knn", "Sub-KNN: windows far from their nearest training windows are anomalous", new KnnProvider());
        }
    }

    /** {@code sub-lof}: Local Outlier Factor on sliding windows. */
    public static final class SubLof extends WindowedTableProvider {
        public SubLof() {
            super("sub-lof", "Sub-LOF: windows in sparser regions than their neighbours are anomalous", new LofProvider());
        }
    }
}
