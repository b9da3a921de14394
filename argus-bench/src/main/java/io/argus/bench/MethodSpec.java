package io.argus.bench;

import io.argus.core.Detector;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method as the benchmark runs it: a registry name with optional parameter overrides, written
 * {@code name} or {@code name[key=value;key=value]} (a comma also separates overrides inside the
 * brackets). The whole text is the method's label in {@code results.csv}, so {@code hbos} and
 * {@code hbos[binning=dynamic]} are two methods side by side.
 *
 * @param label the text as given, the method column of the results
 * @param name the registry name
 * @param overrides parameter overrides, in the order given
 */
public record MethodSpec(String label, String name, Map<String, String> overrides) {

    /** Copies the overrides. */
    public MethodSpec {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * Parses one spec.
     *
     * @throws IllegalArgumentException for an empty name, unbalanced brackets or an override without '='
     */
    public static MethodSpec parse(String text) {
        String t = text.strip();
        int open = t.indexOf('[');
        if (open < 0) {
            if (t.isEmpty() || t.indexOf(']') >= 0) {
                throw new IllegalArgumentException("method '" + text + "': expected NAME or NAME[key=value;...]");
            }
            return new MethodSpec(t, t, Map.of());
        }
        if (!t.endsWith("]") || open == 0 || t.indexOf('[', open + 1) >= 0) {
            throw new IllegalArgumentException("method '" + text + "': expected NAME or NAME[key=value;...]");
        }
        String name = t.substring(0, open).strip();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kv : t.substring(open + 1, t.length() - 1).split("[;,]")) {
            if (kv.isBlank()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("method '" + text + "': parameter '" + kv.strip() + "' is not key=value");
            }
            overrides.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        return new MethodSpec(t, name, overrides);
    }

    /**
     * Splits a comma-separated list of specs, keeping commas inside brackets:
     * {@code "iforest,hbos[binning=dynamic,bins=20],lof"} gives three specs.
     */
    public static List<MethodSpec> parseList(String text) {
        List<MethodSpec> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return out;
    }

    /** Splits on commas outside brackets. */
    public static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** The provider of {@link #name()}; an unknown name gives the registry's error listing known ones. */
    public MethodProvider<?, ?> provider(MethodRegistry registry) {
        return registry.get(name).provider();
    }

    /** A detector with the defaults and these overrides (validated by the parameter record). */
    public Detector<?> detector(MethodRegistry registry) {
        return detectorOf(provider(registry));
    }

    private <P extends Record> Detector<?> detectorOf(MethodProvider<?, P> p) {
        P params = Params.parse(p.paramsType(), p.defaults(), overrides, p.name());
        return p.detector(params);
    }
}
