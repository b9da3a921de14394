package io.argus.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An n×d table of float32 features, stored row-major in one array, with column names and optional
 * binary labels (1 = anomaly, 0 = normal). Labels are for evaluation only: no detector reads them.
 *
 * <p>A table is immutable from the outside: the accessors that expose the backing array say so, and
 * callers must not write to it. Every value is finite; {@link #of} rejects NaN and infinities with
 * the row and column that held them.
 */
public final class Table implements Dataset {

    private final int rows;
    private final int cols;
    private final float[] values;
    private final List<String> columns;
    private final int[] labels;
    private final String source;

    private Table(int rows, int cols, float[] values, List<String> columns, int[] labels, String source) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
        this.columns = columns;
        this.labels = labels;
        this.source = source;
    }

    /**
     * Builds a table over a row-major array (taken, not copied).
     *
     * @param rows number of rows, at least 0
     * @param cols number of columns, at least 1
     * @param values row-major values, length rows*cols, all finite
     * @param columns column names (size cols), or null for {@code x0..x(d-1)}
     * @param labels one label per row (0 or 1), or null when unlabelled
     * @param source where the data came from (a file name), for error messages; may be null
     * @throws IllegalArgumentException when a shape does not match, a value is not finite or a label is not 0/1
     */
    public static Table of(int rows, int cols, float[] values, List<String> columns, int[] labels, String source) {
        Objects.requireNonNull(values, "values");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, got " + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("shape mismatch: expected " + rows + "x" + cols + " = "
                    + ((long) rows * cols) + " values, got " + values.length);
        }
        String where = source == null ? "" : source + ": ";
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(where + "non-finite value " + values[i] + " at row " + (i / cols)
                        + ", column " + (i % cols) + " (NaN and infinities are rejected; clean or impute the data first)");
            }
        }
        List<String> names;
        if (columns == null) {
            List<String> generated = new ArrayList<>(cols);
            for (int j = 0; j < cols; j++) {
                generated.add("x" + j);
            }
            names = List.copyOf(generated);
        } else {
            if (columns.size() != cols) {
                throw new IllegalArgumentException("expected " + cols + " column names, got " + columns.size());
            }
            names = List.copyOf(columns);
        }
        if (labels != null) {
            if (labels.length != rows) {
                throw new IllegalArgumentException("shape mismatch: " + rows + " rows but " + labels.length + " labels");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException(where + "label at row " + i + " is " + labels[i] + "; labels must be 0 (normal) or 1 (anomaly)");
                }
            }
        }
        return new Table(rows, cols, values, names, labels, source);
    }

    /** Builds an unlabelled table from rows of equal length (copied). */
    public static Table of(float[][] data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("cannot infer the width of a table with no rows");
        }
        int d = data[0].length;
        float[] flat = new float[data.length * d];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != d) {
                throw new IllegalArgumentException("ragged rows: row 0 has " + d + " values, row " + i + " has " + data[i].length);
            }
            System.arraycopy(data[i], 0, flat, i * d, d);
        }
        return of(data.length, d, flat, null, null, null);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of feature columns. */
    public int cols() {
        return cols;
    }

    @Override
    public int size() {
        return rows;
    }

    /** Value at row i, column j. */
    public float get(int i, int j) {
        return values[i * cols + j];
    }

    /** The row-major backing array; callers must not modify it. */
    public float[] values() {
        return values;
    }

    /** A copy of row i. */
    public float[] row(int i) {
        return Arrays.copyOfRange(values, i * cols, (i + 1) * cols);
    }

    /** Column names, size {@link #cols()}. */
    public List<String> columns() {
        return columns;
    }

    /** Labels (1 = anomaly), when the source had them; callers must not modify the array. */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    /**
     * Checks that this table has the width a model was fitted on.
     *
     * @throws IllegalArgumentException "shape mismatch: the model was fitted on 10 columns, the data has 9"
     */
    public void requireColumns(int fitted) {
        if (cols != fitted) {
            throw new IllegalArgumentException("shape mismatch: the model was fitted on " + fitted + " columns, the data has " + cols);
        }
    }

    /** Where the table came from, or empty. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The same features without labels: what a detector should see. */
    public Table withoutLabels() {
        return labels == null ? this : new Table(rows, cols, values, columns, null, source);
    }

    /** A table of the given rows, in the given order (copied). */
    public Table select(int[] rowIndices) {
        float[] out = new float[rowIndices.length * cols];
        int[] outLabels = labels == null ? null : new int[rowIndices.length];
        for (int r = 0; r < rowIndices.length; r++) {
            int i = rowIndices[r];
            System.arraycopy(values, i * cols, out, r * cols, cols);
            if (outLabels != null) {
                outLabels[r] = labels[i];
            }
        }
        return new Table(rowIndices.length, cols, out, columns, outLabels, source);
    }

    @Override
    public String toString() {
        return "Table[" + rows + "x" + cols + (labels == null ? "" : ", labelled") + (source == null ? "" : ", " + source) + "]";
    }
}
