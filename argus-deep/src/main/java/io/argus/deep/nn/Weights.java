package io.argus.deep.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.argus.core.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moves a network's parameters between DJL and Argus model-file tensors (float32, row-major, the shapes
 * PyTorch uses), so trained weights are stored as safetensors and never as PyTorch pickles.
 *
 * <p>Tensor names are the block's parameter paths (e.g. {@code 01Linear_weight}) under a prefix. Batch
 * normalisation's running mean and variance are parameters in DJL and travel with the weights.
 */
public final class Weights {

    private Weights() {
    }

    /** A copy of every parameter of an initialised block, in the block's (stable) order. */
    public static Map<String, Tensor> of(Block block, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            long[] shape = a.getShape().getShape();
            out.put(prefix + p.getKey(), Tensor.f32(a.toFloatArray(), shape.length == 0 ? new long[] {1} : shape));
        }
        return out;
    }

    /**
     * Copies stored tensors into an initialised block. Every parameter of the block must be present with
     * exactly its shape, and no other tensor may carry the prefix.
     *
     * @param architecture how the block was built, for the error message ("autoencoder 10-64-32-64-10")
     * @throws IllegalArgumentException when a tensor is missing, extra, not float32, or of another shape
     */
    public static void load(Block block, Map<String, Tensor> state, String prefix, String architecture) {
        TreeSet<String> unused = new TreeSet<>();
        for (String k : state.keySet()) {
            if (k.startsWith(prefix)) {
                unused.add(k);
            }
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = prefix + p.getKey();
            NDArray a = p.getValue().getArray();
            Shape expected = a.getShape();
            Tensor t = state.get(name);
            if (t == null) {
                throw new IllegalArgumentException("model state lacks tensor '" + name + "' that the architecture " + architecture
                        + " needs (shape " + Arrays.toString(expected.getShape()) + ")");
            }
            if (t.dtype() != Tensor.DType.F32) {
                throw new IllegalArgumentException("model state tensor '" + name + "' is " + t.dtype() + ", expected F32");
            }
            long[] want = expected.dimension() == 0 ? new long[] {1} : expected.getShape();
            if (!Arrays.equals(t.shape(), want)) {
                throw new IllegalArgumentException("model state tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                        + " but the architecture " + architecture + " expects " + Arrays.toString(want));
            }
            a.set(t.floats());
            unused.remove(name);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("model state has tensors " + unused + " that the architecture " + architecture + " does not have");
        }
    }
}
