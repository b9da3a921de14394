package io.argus.tabular.ensemble;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import java.util.Map;
import java.util.Objects;

/**
 * One member of an ensemble: a table method of the registry with its parameter record. Package-private
 * glue that keeps the unchecked casts between the registry's wildcard providers and typed calls in one place.
 *
 * @param provider the member's method
 * @param params its parameters (an instance of the provider's parameter record)
 */
record Member(MethodProvider<Table, ?> provider, Record params) {

    Member {
        Objects.requireNonNull(provider, "provider");
        if (!provider.paramsType().isInstance(params)) {
            throw new IllegalArgumentException("parameters " + params.getClass().getName() + " are not " + provider.name() + "'s");
        }
    }

    /** The member {@code name} of the registry with its default parameters. */
    static Member of(MethodRegistry registry, String name) {
        MethodProvider<Table, ?> p = tableProvider(registry, name);
        return new Member(p, p.defaults());
    }

    /** The member {@code name} with parameters read back from {@link Params#toMap} values. */
    static Member of(MethodRegistry registry, String name, Map<String, ?> values) {
        MethodProvider<Table, ?> p = tableProvider(registry, name);
        return new Member(p, parse(p, values));
    }

    @SuppressWarnings("unchecked")
    static MethodProvider<Table, ?> tableProvider(MethodRegistry registry, String name) {
        MethodProvider<?, ?> p = registry.get(name).provider();
        if (!p.dataType().isAssignableFrom(Table.class)) {
            throw new IllegalArgumentException("ensemble member '" + name + "' reads " + p.modality() + " data, not tables");
        }
        return (MethodProvider<Table, ?>) p;
    }

    private static <P extends Record> P parse(MethodProvider<Table, P> p, Map<String, ?> values) {
        return Params.fromMap(p.paramsType(), p.defaults(), values, p.name());
    }

    String name() {
        return provider.name();
    }

    Detector<Table> detector() {
        return detector(provider, params);
    }

    Model<Table> restore(Map<String, Tensor> state) {
        return restore(provider, params, state);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Detector<Table> detector(MethodProvider<Table, P> p, Record params) {
        return p.detector((P) params);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Model<Table> restore(MethodProvider<Table, P> p, Record params, Map<String, Tensor> state) {
        return p.restore((P) params, state);
    }
}
