package io.argus.core.io;

import java.util.Objects;

/**
 * How {@link CsvReader} reads a delimited text file (RFC 4180 CSV and its tab, semicolon and pipe
 * separated variants): whether the first row is a header, the delimiter, which column holds the 0/1
 * labels, and what to do with missing values.
 *
 * @param header whether the first row names the columns
 * @param delimiter the field separator, or {@link #DETECT_DELIMITER} to choose among
 *     {@code , ; \t |} from the first lines
 * @param label the column that holds labels (1 = anomaly), or {@link LabelColumn#none()}
 * @param missing what to do with a missing value (empty, {@code NA}, {@code NaN}, {@code nan},
 *     {@code ?}, {@code null})
 */
public record CsvOptions(Header header, char delimiter, LabelColumn label, MissingPolicy missing) {

    /** The delimiter value that asks the reader to detect the delimiter. */
    public static final char DETECT_DELIMITER = '\0';

    /** The default delimiter. */
    public static final char DELIMITER_DEFAULT = ',';

    /** Whether the first row is a header. */
    public enum Header {
        /** The first row is a header when any of its fields is not a number (nor a missing value). */
        AUTO,
        /** The first row is a header. */
        YES,
        /** Every row is data; columns are named {@code x0, x1, ...}. */
        NO
    }

    /** What to do with missing values in feature columns (a missing label is always an error). */
    public enum MissingPolicy {
        /** Fail with the file, line and column of the first missing value. */
        REJECT,
        /** Leave out every row that has a missing value. */
        DROP_ROW,
        /** Replace a missing value by the mean of the column's present values. */
        MEAN,
        /** Replace a missing value by 0. */
        ZERO
    }

    /**
     * The label column: by header name, by 0-based index (negative counts from the end, -1 = last), or
     * none.
     *
     * @param name the header name, or null
     * @param index the index, or null
     */
    public record LabelColumn(String name, Integer index) {

        private static final LabelColumn NONE = new LabelColumn(null, null);

        /** Validates that at most one of name and index is given. */
        public LabelColumn {
            if (name != null && index != null) {
                throw new IllegalArgumentException("a label column is given by name or by index, not both (got '"
                        + name + "' and " + index + ")");
            }
        }

        /** No label column. */
        public static LabelColumn none() {
            return NONE;
        }

        /** The column with this header name. */
        public static LabelColumn named(String name) {
            return new LabelColumn(Objects.requireNonNull(name, "name"), null);
        }

        /** The column at this 0-based index; negative counts from the end (-1 = last). */
        public static LabelColumn at(int index) {
            return new LabelColumn(null, index);
        }

        /**
         * Parses a command-line style spec: {@code none} or empty = none, an integer = an index,
         * anything else = a header name.
         */
        public static LabelColumn parse(String spec) {
            if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
                return NONE;
            }
            String s = spec.strip();
            try {
                return at(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return named(s);
            }
        }

        /** Whether there is no label column. */
        public boolean isNone() {
            return name == null && index == null;
        }

        @Override
        public String toString() {
            return isNone() ? "none" : name != null ? "'" + name + "'" : "index " + index;
        }
    }

    /** Validates the options. */
    public CsvOptions {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(missing, "missing");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must not be a quote or a line break, got "
                    + (int) delimiter);
        }
    }

    /** Header AUTO, delimiter ',', no label column, missing values rejected. */
    public static CsvOptions defaults() {
        return new CsvOptions(Header.AUTO, DELIMITER_DEFAULT, LabelColumn.none(), MissingPolicy.REJECT);
    }

    /** These options with another header mode. */
    public CsvOptions withHeader(Header h) {
        return new CsvOptions(h, delimiter, label, missing);
    }

    /** These options with another delimiter ({@link #DETECT_DELIMITER} to detect). */
    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(header, d, label, missing);
    }

    /** These options with delimiter detection. */
    public CsvOptions detectDelimiter() {
        return withDelimiter(DETECT_DELIMITER);
    }

    /** These options with another label column. */
    public CsvOptions withLabel(LabelColumn l) {
        return new CsvOptions(header, delimiter, l, missing);
    }

    /** These options with another missing-value policy. */
    public CsvOptions withMissing(MissingPolicy m) {
        return new CsvOptions(header, delimiter, label, m);
    }
}
