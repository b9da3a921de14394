package io.argus.core.model;

import java.util.Arrays;
import java.util.Map;

/**
 * Checked access to the tensors of a model's state when a provider restores it: a missing tensor, a
 * wrong dtype or a wrong length is reported by name, never as a ClassCastException or an index error
 * later on.
 */
public final class StateTensors {

    private StateTensors() {
    }

    /** The tensor of that name, which must have the given dtype. */
    public static Tensor require(Map<String, Tensor> state, String name, Tensor.DType dtype) {
        Tensor t = state.get(name);
        if (t == null) {
            throw new IllegalArgumentException("model state lacks tensor '" + name + "'; found: " + state.keySet());
        }
        if (t.dtype() != dtype) {
            throw new IllegalArgumentException("model state tensor '" + name + "' is " + t.dtype() + ", expected " + dtype);
        }
        return t;
    }

    /** An int32 tensor of any length. */
    public static int[] ints(Map<String, Tensor> state, String name) {
        return require(state, name, Tensor.DType.I32).ints();
    }

    /** An int32 tensor of exactly {@code length} elements. */
    public static int[] ints(Map<String, Tensor> state, String name, int length) {
        return checkLength(name, ints(state, name), length);
    }

    /** A float32 tensor of any length. */
    public static float[] floats(Map<String, Tensor> state, String name) {
        return require(state, name, Tensor.DType.F32).floats();
    }

    /** A float32 tensor of exactly {@code length} elements. */
    public static float[] floats(Map<String, Tensor> state, String name, int length) {
        float[] a = floats(state, name);
        if (a.length != length) {
            throw lengthError(name, a.length, length);
        }
        return a;
    }

    /** A float64 tensor of any length. */
    public static double[] doubles(Map<String, Tensor> state, String name) {
        return require(state, name, Tensor.DType.F64).doubles();
    }

    /** A float64 tensor of exactly {@code length} elements. */
    public static double[] doubles(Map<String, Tensor> state, String name, int length) {
        double[] a = doubles(state, name);
        if (a.length != length) {
            throw lengthError(name, a.length, length);
        }
        return a;
    }

    /** The shape of a tensor, which must have the given rank. */
    public static long[] shape(Map<String, Tensor> state, String name, int rank) {
        Tensor t = state.get(name);
        if (t == null) {
            throw new IllegalArgumentException("model state lacks tensor '" + name + "'; found: " + state.keySet());
        }
        long[] s = t.shape();
        if (s.length != rank) {
            throw new IllegalArgumentException("model state tensor '" + name + "' has shape " + Arrays.toString(s) + ", expected rank " + rank);
        }
        return s;
    }

    private static int[] checkLength(String name, int[] a, int length) {
        if (a.length != length) {
            throw lengthError(name, a.length, length);
        }
        return a;
    }

    private static IllegalArgumentException lengthError(String name, int actual, int expected) {
        return new IllegalArgumentException("model state tensor '" + name + "' has " + actual + " elements, expected " + expected);
    }
}
