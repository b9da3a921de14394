package io.argus.tabular.hbos;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link Hbos} as method {@code hbos} (static or dynamic bins through parameter {@code binning}). */
public final class HbosProvider extends BaseMethodProvider<Table, HbosParams> {

    /** The registry name. */
    public static final String NAME = "hbos";

    public HbosProvider() {
        super(NAME, "table", Table.class, "HBOS: rows whose features fall in low-density bins of per-feature histograms are anomalous",
                new Reference("Goldstein, Dengel", "Histogram-based Outlier Score (HBOS): A fast Unsupervised Anomaly Detection Algorithm",
                        "KI-2012: Poster and Demo Track", 2012),
                HbosParams.class, HbosParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(HbosParams params) {
        return new Hbos(params);
    }

    @Override
    public Model<Table> restore(HbosParams params, Map<String, Tensor> state) {
        return Hbos.HbosModel.restore(params, state);
    }
}
