package io.argus.core.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes parameter records generically: derives their {@link ParamSpec}s, builds a record
 * from text values ({@code k=20}) over its defaults, and turns a record back into a name-to-value map.
 * Validation stays in each record's compact constructor; this class only converts types.
 */
public final class Params {

    private Params() {
    }

    /** The spec of every component of {@code type}, in declaration order, with defaults taken from {@code defaults}. */
    public static List<ParamSpec> specs(Class<? extends Record> type, Record defaults) {
        List<ParamSpec> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + " lacks a @Param annotation");
            }
            Class<?> t = c.getType();
            List<String> choices = List.of();
            if (t.isEnum()) {
                choices = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList();
            }
            out.add(new ParamSpec(c.getName(), typeName(t), value(c, defaults), p.min(), p.max(), choices, p.doc()));
        }
        return List.copyOf(out);
    }

    /** The record's values by component name, in declaration order; enums as lower-case names. */
    public static Map<String, Object> toMap(Record params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : params.getClass().getRecordComponents()) {
            Object v = value(c, params);
            out.put(c.getName(), v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v);
        }
        return out;
    }

    /**
     * Builds a record of {@code type} from {@code defaults} with some components replaced by text values.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones), a value that does not
     *         parse as the component's type, or one the record's constructor rejects
     */
    public static <P extends Record> P parse(Class<P> type, P defaults, Map<String, String> overrides, String method) {
        RecordComponent[] comps = type.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        // Names match ignoring case, '-' and '_', so max_samples, max-samples and maxSamples are one parameter.
        Map<String, String> left = new LinkedHashMap<>();
        overrides.forEach((k, v) -> {
            if (left.put(normalise(k), v) != null) {
                throw new IllegalArgumentException(method + ": parameter '" + k + "' is given twice");
            }
        });
        Map<String, String> original = new LinkedHashMap<>();
        overrides.keySet().forEach(k -> original.put(normalise(k), k));
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            types[i] = c.getType();
            String text = left.remove(normalise(c.getName()));
            args[i] = text == null ? value(c, defaults) : convert(method, c.getName(), c.getType(), text);
        }
        if (!left.isEmpty()) {
            List<String> known = Arrays.stream(comps).map(RecordComponent::getName).toList();
            throw new IllegalArgumentException(method + ": unknown parameter '" + original.get(left.keySet().iterator().next())
                    + "'; known parameters: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
        return construct(type, types, args, method);
    }

    /** Builds a record from a map of already-typed values (as {@link #toMap} gives, e.g. read back from JSON). */
    public static <P extends Record> P fromMap(Class<P> type, P defaults, Map<String, ?> values, String method) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return parse(type, defaults, text, method);
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT).trim();
    }

    private static <P extends Record> P construct(Class<P> type, Class<?>[] types, Object[] args, String method) {
        try {
            Constructor<P> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(method + ": " + iae.getMessage(), iae);
            }
            throw new IllegalStateException(method + ": cannot build parameters", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + ": parameter record " + type.getName() + " has no canonical constructor", e);
        }
    }

    private static Object convert(String method, String name, Class<?> t, String text) {
        String s = text.trim();
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(s);
            } else if (t == long.class || t == Long.class) {
                return Long.parseLong(s);
            } else if (t == double.class || t == Double.class) {
                return Double.parseDouble(s);
            } else if (t == float.class || t == Float.class) {
                return Float.parseFloat(s);
            } else if (t == boolean.class || t == Boolean.class) {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw new NumberFormatException();
            } else if (t == String.class) {
                return text;
            } else if (t.isEnum()) {
                for (Object e : t.getEnumConstants()) {
                    if (((Enum<?>) e).name().equalsIgnoreCase(s)) {
                        return e;
                    }
                }
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            String allowed = t.isEnum()
                    ? "one of " + String.join("|", Arrays.stream(t.getEnumConstants()).map(x -> ((Enum<?>) x).name().toLowerCase(Locale.ROOT)).toList())
                    : "a value of type " + typeName(t);
            throw new IllegalArgumentException(method + ": parameter " + name + " = '" + text + "' is not " + allowed, e);
        }
        throw new IllegalStateException(method + ": unsupported parameter type " + t.getName() + " for " + name);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class) {
            return "int";
        } else if (t == long.class || t == Long.class) {
            return "long";
        } else if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "double";
        } else if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        } else if (t.isEnum()) {
            return "enum";
        }
        return "string";
    }

    /**
     * Checks that a number lies in a closed range; parameter records call it from their constructors so
     * that every range error reads the same.
     */
    public static void checkRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("parameter " + name + " = " + format(value) + " is out of range; allowed: ["
                    + format(min) + ", " + format(max) + "]");
        }
    }

    private static String format(double v) {
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
