package io.argus.logs.format;

import io.argus.logs.drain.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A log-line format in loghub's syntax, such as {@code <Date> <Time> <Pid> <Level> <Component>: <Content>},
 * turned into a parser of the header fields.
 *
 * <p>As loghub's {@code generate_logformat_regex} (logparser, Drain.py): the spec is cut at the
 * {@code <Field>} placeholders; each placeholder becomes a lazy named group {@code (?<...>.*?)}, the text between them
 * is regex syntax in which every run of spaces becomes {@code \s+} (so {@code \[<Pid>\]} and optional
 * groups such as {@code (\[<PID>\])?} work), and the whole is anchored {@code ^...$}. A line is stripped
 * (Python's {@code str.strip()}) before matching. One field must be named {@code Content}: it is what the
 * template parser reads.
 *
 * <p>Formats made only of placeholders separated by spaces and ending with {@code <Content>}, the common
 * case, are split without the regex engine; the split is the match the regex engine finds first (each
 * field up to the next whitespace run), and the regex is still used when the split fails, so both give
 * the same fields. Immutable and thread-safe.
 */
public final class LogFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final String GROUP = "argusField";

    private final String spec;
    private final List<String> fields;
    private final int contentIndex;
    private final Pattern regex;
    private final boolean simple;

    private LogFormat(String spec, List<String> fields, int contentIndex, Pattern regex, boolean simple) {
        this.spec = spec;
        this.fields = fields;
        this.contentIndex = contentIndex;
        this.regex = regex;
        this.simple = simple;
    }

    /**
     * Parses a format spec.
     *
     * @throws IllegalArgumentException when it has no {@code <Content>}, a field twice, or regex text
     *     that does not compile (quoting the spec)
     */
    public static LogFormat of(String spec) {
        Objects.requireNonNull(spec, "spec");
        Matcher m = PLACEHOLDER.matcher(spec);
        StringBuilder re = new StringBuilder("^");
        List<String> fields = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            String lit = spec.substring(last, m.start());
            literals.add(lit);
            re.append(lit.replaceAll(" +", "\\\\s+"));
            String name = m.group(1);
            if (fields.contains(name)) {
                throw new IllegalArgumentException("log format '" + spec + "': field <" + name + "> appears twice");
            }
            fields.add(name);
            // Named groups: the regex text between fields may hold groups of its own, e.g. (\[<PID>\])?
            re.append("(?<").append(GROUP).append(fields.size() - 1).append(">.*?)");
            last = m.end();
        }
        String tail = spec.substring(last);
        literals.add(tail);
        re.append(tail.replaceAll(" +", "\\\\s+")).append('$');
        int content = fields.indexOf("Content");
        if (content < 0) {
            throw new IllegalArgumentException("log format '" + spec + "' has no <Content> field; fields: " + fields);
        }
        Pattern regex;
        try {
            // UNIX_LINES: '.' excludes only '\n', as Python's '.' does.
            regex = Pattern.compile(re.toString(), Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("log format '" + spec + "' is not valid regex syntax between its fields: "
                    + e.getDescription(), e);
        }
        boolean simple = content == fields.size() - 1 && literals.get(0).isEmpty() && tail.isEmpty();
        for (int i = 1; simple && i < literals.size() - 1; i++) {
            simple = !literals.get(i).isEmpty() && literals.get(i).chars().allMatch(c -> c == ' ');
        }
        return new LogFormat(spec, List.copyOf(fields), content, regex, simple);
    }

    /** The spec as given. */
    public String spec() {
        return spec;
    }

    /** The field names in order. */
    public List<String> fields() {
        return fields;
    }

    /** The position of {@code Content} among {@link #fields()}. */
    public int contentIndex() {
        return contentIndex;
    }

    /** The header regex (the anchored pattern loghub builds). */
    public Pattern regex() {
        return regex;
    }

    /**
     * Splits a line into its fields.
     *
     * @return the field values in {@link #fields()} order, or null when the line does not match
     */
    public String[] parse(String line) {
        String s = Tokens.strip(line);
        if (simple) {
            String[] out = split(s);
            if (out != null) {
                return out;
            }
        }
        Matcher m = regex.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String[] out = new String[fields.size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = m.group(GROUP + g);
        }
        return out;
    }

    /** The first-found match of {@code ^(.*?)\s+ ... (.*?)$}: fields up to the next whitespace run, Content the rest. */
    private String[] split(String s) {
        int k = fields.size();
        String[] out = new String[k];
        int n = s.length();
        int i = 0;
        for (int f = 0; f < k - 1; f++) {
            int start = i;
            while (i < n && !isRegexSpace(s.charAt(i))) {
                i++;
            }
            if (i == n || i == start) {
                return null;
            }
            out[f] = s.substring(start, i);
            while (i < n && isRegexSpace(s.charAt(i))) {
                i++;
            }
        }
        if (i >= n) {
            return null;
        }
        out[k - 1] = s.substring(i);
        return out;
    }

    /** Java's {@code \s}: [ \t\n\x0B\f\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    @Override
    public String toString() {
        return spec;
    }
}
