package io.argus.tabular.ensemble;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.BaseMethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Reference;
import java.util.Map;

/**
 * Registers {@link Ensemble} as method {@code ensemble}. Members are looked up in the registry of every
 * provider on the class path, loaded on first use (not in the constructor, which the registry itself
 * calls), or in a registry given to the constructor.
 */
public final class EnsembleProvider extends BaseMethodProvider<Table, EnsembleParams> {

    /** The registry name. */
    public static final String NAME = EnsembleParams.SELF;

    private final MethodRegistry given;
    private volatile MethodRegistry loaded;

    /** A provider whose members come from {@link MethodRegistry#load()}. */
    public EnsembleProvider() {
        this(null);
    }

    /** A provider whose members come from {@code registry} (null: {@link MethodRegistry#load()}). */
    public EnsembleProvider(MethodRegistry registry) {
        super(NAME, "table", Table.class,
                "Ensemble: members of different inductive biases, each standardised on its training scores, combined by a rule",
                new Reference("Aggarwal, Sathe", "Theoretical foundations and algorithms for outlier ensembles", "SIGKDD Explorations",
                        2015),
                EnsembleParams.class, EnsembleParams.DEFAULTS, false);
        this.given = registry;
    }

    private MethodRegistry registry() {
        if (given != null) {
            return given;
        }
        MethodRegistry r = loaded;
        if (r == null) {
            r = MethodRegistry.load();
            loaded = r;
        }
        return r;
    }

    @Override
    public Detector<Table> detector(EnsembleParams params) {
        return new Ensemble(params, registry());
    }

    @Override
    public Model<Table> restore(EnsembleParams params, Map<String, Tensor> state) {
        return EnsembleModel.restore(params, state, registry());
    }
}
