package io.argus.logs.parse;

import java.util.List;
import java.util.Locale;

/**
 * What reading a log file skipped and why: lines that are not valid UTF-8, lines longer than the byte
 * limit, and lines that do not match the log format, each with a count and the first few line numbers
 * (1-based), so that bad input is never dropped silently.
 *
 * @param lines lines read (all of them, including skipped ones)
 * @param parsed lines that went through
 * @param undecodable lines that are not valid UTF-8
 * @param tooLong lines longer than the byte limit
 * @param noMatch lines the log format does not match
 * @param firstUndecodable the first line numbers of undecodable lines (at most {@link #EXAMPLES})
 * @param firstTooLong the first line numbers of too-long lines
 * @param firstNoMatch the first line numbers of lines that do not match
 */
public record ParseReport(long lines, long parsed, long undecodable, long tooLong, long noMatch, List<Long> firstUndecodable,
        List<Long> firstTooLong, List<Long> firstNoMatch) {

    /** How many offending line numbers of each kind are kept. */
    public static final int EXAMPLES = 5;

    public ParseReport {
        firstUndecodable = List.copyOf(firstUndecodable);
        firstTooLong = List.copyOf(firstTooLong);
        firstNoMatch = List.copyOf(firstNoMatch);
    }

    /** Lines skipped for any reason. */
    public long skipped() {
        return undecodable + tooLong + noMatch;
    }

    /** One line per kind of skipped line, for people; empty when nothing was skipped. */
    public String describe(String file) {
        StringBuilder sb = new StringBuilder();
        part(sb, file, undecodable, "not valid UTF-8", firstUndecodable);
        part(sb, file, tooLong, "longer than the line limit", firstTooLong);
        part(sb, file, noMatch, "not matching the log format", firstNoMatch);
        return sb.toString();
    }

    private static void part(StringBuilder sb, String file, long count, String why, List<Long> first) {
        if (count == 0) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%s: skipped %d line%s %s (line%s %s%s)", file, count, count == 1 ? "" : "s", why,
                first.size() == 1 ? "" : "s", first.toString().replaceAll("[\\[\\]]", ""), count > first.size() ? ", ..." : ""));
    }
}
