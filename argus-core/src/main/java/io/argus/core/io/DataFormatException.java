package io.argus.core.io;

/**
 * An input file that cannot be read as data: malformed, truncated, of an unsupported type, or holding
 * values that Argus rejects (missing or non-finite numbers, labels that are not 0/1).
 *
 * <p>The message always starts with {@code file:line: } (or {@code file: } when a line number does not
 * apply, as in binary formats) and goes on to say what was wrong, what was expected and what was found,
 * so that a person can fix the file without a debugger. It is unchecked because a caller can rarely
 * recover from a bad file other than by reporting it.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The {@link #line()} of a problem that has no line (a binary file, a whole-file problem). */
    public static final long NO_LINE = -1;

    private final String file;
    private final long line;
    private final String problem;

    /**
     * A problem at a 1-based line of a text file.
     *
     * @param file the file as the user named it
     * @param line the 1-based physical line, or {@link #NO_LINE}
     * @param problem what was wrong, what was expected and what was found
     */
    public DataFormatException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    /** A problem at a line of a text file, caused by a lower-level exception. */
    public DataFormatException(String file, long line, String problem, Throwable cause) {
        super(prefix(file, line) + problem, cause);
        this.file = file;
        this.line = line < 1 ? NO_LINE : line;
        this.problem = problem;
    }

    /** A problem that has no line number. */
    public DataFormatException(String file, String problem) {
        this(file, NO_LINE, problem, null);
    }

    /** A problem that has no line number, caused by a lower-level exception. */
    public DataFormatException(String file, String problem, Throwable cause) {
        this(file, NO_LINE, problem, cause);
    }

    private static String prefix(String file, long line) {
        String f = file == null ? "<unknown>" : file;
        return line >= 1 ? f + ":" + line + ": " : f + ": ";
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based physical line of the problem, or {@link #NO_LINE}. */
    public long line() {
        return line;
    }

    /** The message without the {@code file:line: } prefix. */
    public String problem() {
        return problem;
    }
}
