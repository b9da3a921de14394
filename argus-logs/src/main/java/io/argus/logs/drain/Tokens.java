package io.argus.logs.drain;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's notion of whitespace ({@code str.isspace}, used by {@code str.strip()} and {@code str.split()}),
 * so that tokens are cut exactly where Drain.py cuts them.
 */
public final class Tokens {

    private static final String[] EMPTY = new String[0];

    private Tokens() {
    }

    /** Whether Python's {@code str.isspace} holds for this character. */
    public static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** Python's {@code s.strip()}. */
    public static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /** Python's {@code s.split()}: the maximal runs of non-whitespace characters. */
    public static String[] split(String s) {
        int n = s.length();
        List<String> out = null;
        String first = null;
        int count = 0;
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            String tok = s.substring(start, i);
            if (count == 0) {
                first = tok;
            } else {
                if (out == null) {
                    out = new ArrayList<>(16);
                    out.add(first);
                }
                out.add(tok);
            }
            count++;
        }
        if (count == 0) {
            return EMPTY;
        }
        if (count == 1) {
            return new String[] {first};
        }
        return out.toArray(EMPTY);
    }

    /** Drain.py's {@code hasNumbers}: whether any character is a digit. */
    public static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
