package io.argus.tabular.pca;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.Reference;
import java.util.Map;

/** Registers {@link PcaDetector} as method {@code pca}. */
public final class PcaProvider extends BaseMethodProvider<Table, PcaParams> {

    public PcaProvider() {
        super("pca", "table", Table.class,
                "PCA: distances to the principal axes weighted by their inverse explained variance, as PyOD's PCA",
                new Reference("Shyu, Chen, Sarinnapakorn, Chang", "A Novel Anomaly Detection Scheme Based on Principal Component Classifier",
                        "ICDM Foundation and New Direction of Data Mining workshop", 2003),
                PcaParams.class, PcaParams.DEFAULTS, true);
    }

    @Override
    public Detector<Table> detector(PcaParams params) {
        return new PcaDetector(params);
    }

    @Override
    public Model<Table> restore(PcaParams params, Map<String, Tensor> state) {
        return PcaDetector.PcaModel.restore(state);
    }
}
