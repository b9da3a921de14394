package io.argus.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric n-dimensional array read from a NumPy {@code .npy} file (format: NEP 1,
 * {@code numpy.lib.format}): its shape, its values in row-major (C) order and the dtype string the
 * file declared, such as {@code <f8} or {@code |u1}.
 *
 * <p>Values are held either as float32 or as float64, whichever the reader was asked for: float32
 * files and {@link NpyReader#readAsFloat} give float storage (half the memory of float64, and what
 * {@link io.argus.core.data.Table} stores anyway), everything else double storage, which represents
 * every integer dtype up to 32 bits exactly. The accessors never expose the backing array.
 */
public final class NpyArray {

    private final int[] shape;
    private final String dtype;
    private final float[] floats;
    private final double[] doubles;

    private NpyArray(int[] shape, String dtype, float[] floats, double[] doubles) {
        this.shape = shape;
        this.dtype = dtype;
        this.floats = floats;
        this.doubles = doubles;
    }

    static NpyArray ofFloats(int[] shape, String dtype, float[] values) {
        return new NpyArray(shape.clone(), dtype, Objects.requireNonNull(values), null);
    }

    static NpyArray ofDoubles(int[] shape, String dtype, double[] values) {
        return new NpyArray(shape.clone(), dtype, null, Objects.requireNonNull(values));
    }

    /** The shape, outermost dimension first; empty for a 0-d (scalar) array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Length of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements (the product of the shape; 1 for a scalar). */
    public int size() {
        return floats != null ? floats.length : doubles.length;
    }

    /** The dtype descriptor as written in the file header, such as {@code <f8}. */
    public String dtype() {
        return dtype;
    }

    /** Whether values are stored as float32 (else float64). */
    public boolean hasFloatStorage() {
        return floats != null;
    }

    /** Element at row-major flat index {@code i}, widened to double. */
    public double getDouble(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    /** A row-major copy of the values as float32 (narrowed from float64 storage). */
    public float[] toFloatArray() {
        if (floats != null) {
            return floats.clone();
        }
        float[] out = new float[doubles.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) doubles[i];
        }
        return out;
    }

    /** A row-major copy of the values as float64. */
    public double[] toDoubleArray() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[floats.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats[i];
        }
        return out;
    }

    /**
     * The float storage itself, without a copy, for readers in this package that hand it to a
     * {@link io.argus.core.data.Table} (which takes its array): copying a large array would double the
     * peak memory of a read. Null when the storage is double.
     */
    float[] floatStorage() {
        return floats;
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + ", shape " + Arrays.toString(shape) + "]";
    }
}
