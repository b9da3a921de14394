package io.argus.core.params;

import io.argus.core.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every method on the class path, found through {@link ServiceLoader} of {@link MethodProvider}. The CLI,
 * server and benchmark runner read methods and their parameter specs from here and nowhere else.
 */
public final class MethodRegistry {

    /**
     * A registered method and the spec of its parameters.
     *
     * @param provider the provider
     * @param params the parameter specs, derived once
     */
    public record Entry(MethodProvider<?, ?> provider, List<ParamSpec> params) {

        /** The registry name. */
        public String name() {
            return provider.name();
        }
    }

    private final Map<String, Entry> entries;

    private MethodRegistry(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Loads every provider visible to this class's class loader. */
    public static MethodRegistry load() {
        return of(ServiceLoader.load(MethodProvider.class, MethodRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).map(p -> (MethodProvider<?, ?>) p).toList());
    }

    /** A registry of the given providers (tests, embedding). */
    public static MethodRegistry of(List<? extends MethodProvider<?, ?>> providers) {
        List<MethodProvider<?, ?>> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(MethodProvider::name));
        Map<String, Entry> map = new LinkedHashMap<>();
        for (MethodProvider<?, ?> p : sorted) {
            List<ParamSpec> specs = Params.specs(p.paramsType(), p.defaults());
            if (map.put(p.name(), new Entry(p, specs)) != null) {
                throw new IllegalStateException("two providers register the method name '" + p.name() + "'");
            }
        }
        return new MethodRegistry(map);
    }

    /** All methods, sorted by name. */
    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /** Methods that read the given data type. */
    public List<Entry> forData(Class<? extends Dataset> type) {
        return entries.values().stream().filter(e -> e.provider().dataType().isAssignableFrom(type)).toList();
    }

    /** The method of that name, if registered. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The method of that name; an unknown name gives an error listing the known ones. */
    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; known methods: " + String.join(", ", entries.keySet()));
        }
        return e;
    }
}
