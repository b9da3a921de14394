package io.argus.core.io;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions.Header;
import io.argus.core.io.CsvOptions.LabelColumn;
import io.argus.core.io.CsvOptions.MissingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The one entry point that reads a tabular file into a {@link Table}, choosing the reader by the file
 * name's extension: {@code .csv}, {@code .csv.gz}, {@code .tsv}, {@code .tsv.gz} ({@link CsvReader}),
 * {@code .npy} ({@link NpyReader}: a 2-D array is the table, a 1-D array one column) and {@code .npz}
 * ({@link NpzReader}: a feature array, default {@code X}, and an optional label array, default
 * {@code y}).
 *
 * <p>Every problem with the file is a {@link DataFormatException} naming it; values must be finite and
 * labels 0 (normal) or 1 (anomaly).
 */
public final class TableReaders {

    /** The extensions {@link #read} understands, for messages and help texts. */
    public static final String SUPPORTED_EXTENSIONS = ".csv, .csv.gz, .tsv, .tsv.gz, .npy, .npz";

    private TableReaders() {
    }

    /**
     * Options for {@link #read}; a field that does not apply to a format is ignored by it.
     *
     * @param header CSV: whether the first row is a header
     * @param delimiter CSV: the delimiter, {@link CsvOptions#DETECT_DELIMITER} to detect it, or null for
     *     the extension's default (tab for {@code .tsv}, comma otherwise)
     * @param label CSV: the label column, or {@link LabelColumn#none()}
     * @param missing CSV: what to do with missing values
     * @param featureArray NPZ: the name of the n×d (or n) feature array
     * @param labelArray NPZ: the name of the label array of length n, or null for none; when it is
     *     {@link #LABEL_ARRAY_DEFAULT} and absent the table is unlabelled, any other absent name is an error
     */
    public record ReadOptions(Header header, Character delimiter, LabelColumn label, MissingPolicy missing,
                              String featureArray, String labelArray) {

        /** The default NPZ feature array name. */
        public static final String FEATURE_ARRAY_DEFAULT = "X";
        /** The default NPZ label array name. */
        public static final String LABEL_ARRAY_DEFAULT = "y";

        /** Validates the options. */
        public ReadOptions {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(missing, "missing");
            Objects.requireNonNull(featureArray, "featureArray");
        }

        /** Header AUTO, delimiter by extension, no CSV label column, REJECT missing values, NPZ arrays X and y. */
        public static ReadOptions defaults() {
            return new ReadOptions(Header.AUTO, null, LabelColumn.none(), MissingPolicy.REJECT,
                    FEATURE_ARRAY_DEFAULT, LABEL_ARRAY_DEFAULT);
        }

        /** These options with another CSV header mode. */
        public ReadOptions withHeader(Header h) {
            return new ReadOptions(h, delimiter, label, missing, featureArray, labelArray);
        }

        /** These options with another CSV delimiter (null = by extension). */
        public ReadOptions withDelimiter(Character d) {
            return new ReadOptions(header, d, label, missing, featureArray, labelArray);
        }

        /** These options with another CSV label column. */
        public ReadOptions withLabel(LabelColumn l) {
            return new ReadOptions(header, delimiter, l, missing, featureArray, labelArray);
        }

        /** These options with another missing-value policy. */
        public ReadOptions withMissing(MissingPolicy m) {
            return new ReadOptions(header, delimiter, label, m, featureArray, labelArray);
        }

        /** These options with other NPZ array names (label may be null for none). */
        public ReadOptions withArrays(String features, String labels) {
            return new ReadOptions(header, delimiter, label, missing, features, labels);
        }

        /** The CSV options these options imply for a file whose default delimiter is {@code byExtension}. */
        public CsvOptions csv(char byExtension) {
            return new CsvOptions(header, delimiter == null ? byExtension : delimiter, label, missing);
        }
    }

    /** Reads a file with {@link ReadOptions#defaults()}. */
    public static Table read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads a file into a table, choosing the format by extension (case-insensitive).
     *
     * @throws DataFormatException when the extension is not supported or the file is missing or malformed
     * @throws java.io.UncheckedIOException on other I/O failures
     */
    public static Table read(Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String name = file.toString();
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            requireFile(file);
            return CsvReader.read(file, options.csv(','));
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tsv.gz")) {
            requireFile(file);
            return CsvReader.read(file, options.csv('\t'));
        }
        if (lower.endsWith(".npy")) {
            requireFile(file);
            return toTable(NpyReader.readAsFloat(file), null, name, name);
        }
        if (lower.endsWith(".npz")) {
            requireFile(file);
            return readNpz(file, options);
        }
        throw new DataFormatException(name, "unsupported file type: expected one of " + SUPPORTED_EXTENSIONS
                + ", found '" + lower + "'");
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file.toString(), "file not found");
        }
    }

    private static Table readNpz(Path file, ReadOptions options) {
        String name = file.toString();
        try (NpzReader npz = NpzReader.open(file)) {
            String xName = options.featureArray();
            if (!npz.contains(xName)) {
                throw new DataFormatException(name, "no feature array '" + xName + "': expected one of "
                        + npz.names() + " (set the feature array name)");
            }
            NpyArray x = npz.readAsFloat(xName);
            NpyArray y = null;
            String yName = options.labelArray();
            if (yName != null) {
                if (npz.contains(yName)) {
                    y = npz.read(yName);
                } else if (!yName.equals(ReadOptions.LABEL_ARRAY_DEFAULT)) {
                    throw new DataFormatException(name, "no label array '" + yName + "': expected one of " + npz.names());
                }
            }
            return toTable(x, y, name, name + "!/" + xName);
        }
    }

    private static Table toTable(NpyArray x, NpyArray y, String file, String where) {
        int rows;
        int cols;
        if (x.rank() == 2) {
            rows = x.dim(0);
            cols = x.dim(1);
        } else if (x.rank() == 1) {
            rows = x.dim(0);
            cols = 1;
        } else {
            throw new DataFormatException(where, "expected a 1-D or 2-D feature array, found shape "
                    + NpyReader.Header.shapeText(x.shape()) + " of dtype " + x.dtype());
        }
        if (rows == 0) {
            throw new DataFormatException(where, "no data rows: the array has shape " + NpyReader.Header.shapeText(x.shape()));
        }
        if (cols == 0) {
            throw new DataFormatException(where, "no feature columns: the array has shape "
                    + NpyReader.Header.shapeText(x.shape()));
        }
        int[] labels = y == null ? null : labels(y, rows, file);
        float[] values = x.floatStorage() != null ? x.floatStorage() : x.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                // the float64 original is gone after narrowing; say why an infinity may have appeared
                boolean wide = x.dtype().endsWith("f8") && Float.isInfinite(values[i]);
                throw new DataFormatException(where, "non-finite value " + values[i] + " at row " + (i / cols) + ", column "
                        + (i % cols) + ": expected finite numbers (clean or impute the data first)"
                        + (wide ? "; the file holds an infinity or a float64 value beyond +-3.4e38 that overflows float32" : ""));
            }
        }
        try {
            return Table.of(rows, cols, values, null, labels, file);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "invalid table: " + e.getMessage(), e);
        }
    }

    private static int[] labels(NpyArray y, int rows, String file) {
        boolean column = y.rank() == 2 && y.dim(1) == 1;
        if (!(y.rank() == 1 || column) || y.dim(0) != rows) {
            throw new DataFormatException(file, "label array: expected shape (" + rows + ",) to match the " + rows
                    + " rows of the features, found " + NpyReader.Header.shapeText(y.shape()) + " of dtype " + y.dtype());
        }
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = y.getDouble(i);
            if (v == 0) {
                out[i] = 0;
            } else if (v == 1) {
                out[i] = 1;
            } else {
                throw new DataFormatException(file, "label array: element " + i + " is " + v
                        + "; expected 0 (normal) or 1 (anomaly)" + " (dtype " + y.dtype() + ")");
            }
        }
        return out;
    }
}
