package io.argus.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named-free, typed, shaped array as stored in a model file. The data array is held, not copied;
 * callers must not modify an array after handing it over or after reading it.
 */
public final class Tensor {

    /** Element types Argus writes; the names are the safetensors dtype names. */
    public enum DType {
        F32(4), F64(8), I32(4), I64(8), U8(1);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        /** Size of one element in bytes. */
        public int bytes() {
            return bytes;
        }
    }

    private final DType dtype;
    private final long[] shape;
    private final Object data;

    private Tensor(DType dtype, long[] shape, Object data, int length) {
        long count = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, s);
        }
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " elements but the data has " + length);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
    }

    private static long[] shapeOr(long[] shape, int length) {
        return shape.length == 0 ? new long[] {length} : shape;
    }

    /** A float32 tensor; with no shape given, a vector. */
    public static Tensor f32(float[] data, long... shape) {
        return new Tensor(DType.F32, shapeOr(shape, data.length), Objects.requireNonNull(data), data.length);
    }

    /** A float64 tensor; with no shape given, a vector. */
    public static Tensor f64(double[] data, long... shape) {
        return new Tensor(DType.F64, shapeOr(shape, data.length), Objects.requireNonNull(data), data.length);
    }

    /** An int32 tensor; with no shape given, a vector. */
    public static Tensor i32(int[] data, long... shape) {
        return new Tensor(DType.I32, shapeOr(shape, data.length), Objects.requireNonNull(data), data.length);
    }

    /** An int64 tensor; with no shape given, a vector. */
    public static Tensor i64(long[] data, long... shape) {
        return new Tensor(DType.I64, shapeOr(shape, data.length), Objects.requireNonNull(data), data.length);
    }

    /** A uint8 tensor (bytes read as 0..255); with no shape given, a vector. */
    public static Tensor u8(byte[] data, long... shape) {
        return new Tensor(DType.U8, shapeOr(shape, data.length), Objects.requireNonNull(data), data.length);
    }

    /** A scalar-shaped (rank 0) tensor is written as shape [] ; this factory makes one float64 scalar. */
    public static Tensor scalar(double value) {
        return new Tensor(DType.F64, new long[0], new double[] {value}, 1);
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int length() {
        return switch (dtype) {
            case F32 -> ((float[]) data).length;
            case F64 -> ((double[]) data).length;
            case I32 -> ((int[]) data).length;
            case I64 -> ((long[]) data).length;
            case U8 -> ((byte[]) data).length;
        };
    }

    /** Size of the data in bytes. */
    public long byteSize() {
        return (long) length() * dtype.bytes();
    }

    /** The raw array: float[], double[], int[], long[] or byte[] by dtype. */
    public Object array() {
        return data;
    }

    /** The data as float32. */
    public float[] floats() {
        return (float[]) expect(DType.F32);
    }

    /** The data as float64. */
    public double[] doubles() {
        return (double[]) expect(DType.F64);
    }

    /** The data as int32. */
    public int[] ints() {
        return (int[]) expect(DType.I32);
    }

    /** The data as int64. */
    public long[] longs() {
        return (long[]) expect(DType.I64);
    }

    /** The data as uint8 bytes. */
    public byte[] bytes() {
        return (byte[]) expect(DType.U8);
    }

    private Object expect(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("tensor is " + dtype + ", not " + wanted);
        }
        return data;
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
