package io.argus.core.params;

import java.util.List;

/**
 * The description of one parameter of a method, derived once from its parameter record.
 *
 * @param name the record component name, used as {@code --param name=value}
 * @param type "int", "long", "double", "boolean", "string" or "enum"
 * @param defaultValue the default, as the method's defaults record holds it
 * @param min smallest allowed value for numbers, else -infinity
 * @param max largest allowed value for numbers, else +infinity
 * @param choices allowed values of an enum (lower case), else empty
 * @param doc one line: what the parameter does
 */
public record ParamSpec(String name, String type, Object defaultValue, double min, double max, List<String> choices,
        String doc) {

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    /** The allowed range or choices as people read them: {@code [1, 256]}, {@code (0, 0.5]}, {@code largest|mean}. */
    public String range() {
        if (!choices.isEmpty()) {
            return String.join("|", choices);
        }
        if (type.equals("boolean")) {
            return "true|false";
        }
        if (type.equals("string")) {
            return "text";
        }
        boolean integral = type.equals("int") || type.equals("long");
        return "[" + bound(min, integral) + ", " + bound(max, integral) + "]";
    }

    private static String bound(double v, boolean integral) {
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        if (integral && v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The default as text, the way a user would type it. */
    public String defaultText() {
        return defaultValue instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(defaultValue);
    }
}
