package io.argus.deep.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.argus.core.model.Tensor;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A network rebuilt from stored weights for inference: a fresh block of the architecture, its parameters
 * set from model-file tensors, forward passes in evaluation mode (no dropout, batch normalisation on its
 * running statistics). Use it inside {@link Torch#call} and close it there.
 *
 * <p>Scoring always goes through this path, for a freshly trained model as for one read from a file, so
 * the two give bit-identical scores.
 */
public final class Network implements AutoCloseable {

    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;

    private Network(NDManager manager, Block block) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Builds the architecture and loads its weights.
     *
     * @param factory builds the (uninitialised) block
     * @param inputShapes the shapes of one input batch, to size the parameters
     * @param state tensors holding the weights
     * @param prefix the weights' name prefix in {@code state}
     * @param architecture a description for error messages
     * @throws IllegalArgumentException when the tensors do not fit the architecture
     */
    public static Network load(Supplier<Block> factory, Shape[] inputShapes, Map<String, Tensor> state, String prefix,
            String architecture) {
        NDManager manager = NDManager.newBaseManager(Torch.engine().defaultDevice(), Torch.ENGINE);
        try {
            Block block = factory.get();
            block.initialize(manager, DataType.FLOAT32, inputShapes);
            block.freezeParameters(true);
            Weights.load(block, state, prefix, architecture);
            return new Network(manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The manager that owns the weights; create inputs on a sub-manager of it and close that per batch. */
    public NDManager manager() {
        return manager;
    }

    /** A forward pass in evaluation mode. */
    public NDList forward(NDList inputs) {
        return block.forward(store, inputs, false);
    }

    @Override
    public void close() {
        manager.close();
    }
}
