package io.argus.vision.backbone.tfjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JSON value or a JavaScript object literal as minifiers write them (unquoted keys, single
 * quotes, {@code !0}/{@code !1} for true/false, {@code void 0}, numbers such as {@code .5} or {@code -0}).
 * TF.js models bundled as JavaScript ({@code model.min.js}, {@code group1-shard1of1.min.js}) hold their
 * topology and weights in such literals. Objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s,
 * numbers {@link Long} or {@link Double}.
 */
final class JsLiteral {

    private final String s;
    private final String source;
    private int pos;

    private JsLiteral(String s, int pos, String source) {
        this.s = s;
        this.pos = pos;
        this.source = source;
    }

    /** Parses the value that starts at {@code from} (after optional whitespace). */
    static Object parse(String text, int from, String source) {
        return new JsLiteral(text, from, source).value();
    }

    /**
     * Parses the value assigned by the first {@code exports=} in a bundle, or the whole text when it is
     * plain JSON.
     */
    static Object parseModule(String text, String source) {
        String t = text.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) {
            return parse(text, text.indexOf(t.charAt(0)), source);
        }
        int at = text.indexOf("exports=");
        while (at >= 0) {
            int v = at + "exports=".length();
            char c = text.charAt(v);
            if (c == '{' || c == '"' || c == '\'' || c == '[') {
                return parse(text, v, source);
            }
            at = text.indexOf("exports=", v);
        }
        throw new IllegalArgumentException(source + ": neither JSON nor a JavaScript bundle with an 'exports=' literal");
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
            case '\'':
                return string();
            case '!':
                pos++;
                skipSpace();
                if (s.startsWith("0", pos)) {
                    pos++;
                    return Boolean.TRUE;
                }
                if (s.startsWith("1", pos)) {
                    pos++;
                    return Boolean.FALSE;
                }
                throw error("unsupported '!' expression");
            default:
                break;
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        if (s.startsWith("void 0", pos)) {
            pos += 6;
            return null;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            String key;
            char c = peek();
            if (c == '"' || c == '\'') {
                key = string();
            } else {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a key");
                }
                key = s.substring(start, pos);
            }
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            char d = next();
            if (d == '}') {
                return m;
            }
            if (d != ',') {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() {
        pos++;
        List<Object> a = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return a;
        }
        while (true) {
            a.add(value());
            skipSpace();
            char d = next();
            if (d == ']') {
                return a;
            }
            if (d != ',') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        char quote = next();
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == quote) {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case '0' -> b.append('\0');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                default -> b.append(e);
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        boolean integral = true;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || (c == '-' || c == '+') && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')) {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String t = s.substring(start, pos);
        try {
            if (integral && !t.equals("-0")) {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("bad number '" + t + "'");
        }
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(source + ": cannot parse the model literal (" + what + " at character " + pos + ")");
    }
}
