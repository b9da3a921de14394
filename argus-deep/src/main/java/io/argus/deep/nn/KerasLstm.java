package io.argus.deep.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One LSTM layer as Keras builds it (Hochreiter and Schmidhuber, "Long Short-Term Memory", Neural
 * Computation 1997, with the forget gate of Gers et al. 2000), written with DJL's differentiable array
 * operations so that the cell activation can be chosen: Keras' {@code LSTM(activation='relu')} replaces
 * the tanh of the candidate and of the output by relu, which PyTorch's fused LSTM cannot do.
 *
 * <p>With z = x·W + h·U + b split into the gates in Keras' order (input, forget, cell, output):
 * i = σ(z_i), f = σ(z_f), c = f ⊙ c + i ⊙ g(z_c), o = σ(z_o), h = o ⊙ g(c), with g the cell activation and
 * σ the logistic sigmoid (Keras' {@code recurrent_activation='sigmoid'}). The state starts at zero.
 * Parameters, in Keras' layout: {@code kernel} (input, 4·units), Glorot-uniform; {@code recurrent_kernel}
 * (units, 4·units), orthogonal; {@code bias} (4·units), zero with the forget gate at 1 ({@link KerasInit}).
 *
 * <p>Input (batch, steps, features), batch first; output the hidden state of every step (batch, steps,
 * units) with {@code returnSequences}, else the last one (batch, units). Time O(steps · batch · units ·
 * (features + units)); the step loop runs in Java, one small matrix product per step.
 */
public final class KerasLstm extends AbstractBlock {

    /** The cell activation g. */
    public enum CellActivation {
        /** Keras' default. */
        TANH,
        /** {@code activation='relu'}. */
        RELU
    }

    private final int units;
    private final CellActivation activation;
    private final boolean returnSequences;
    private final Parameter kernel;
    private final Parameter recurrent;
    private final Parameter bias;

    /**
     * @param units hidden state size
     * @param activation the cell activation
     * @param returnSequences output every step's hidden state, else the last one
     */
    public KerasLstm(int units, CellActivation activation, boolean returnSequences) {
        if (units < 1) {
            throw new IllegalArgumentException("LSTM units = " + units + " must be at least 1");
        }
        this.units = units;
        this.activation = activation;
        this.returnSequences = returnSequences;
        this.kernel = addParameter(Parameter.builder().setName("kernel").setType(Parameter.Type.WEIGHT)
                .optInitializer(KerasInit.glorotUniform()).build());
        this.recurrent = addParameter(Parameter.builder().setName("recurrent_kernel").setType(Parameter.Type.WEIGHT)
                .optInitializer(KerasInit.orthogonal()).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optInitializer(KerasInit.lstmBias(units)).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 3) {
            throw new IllegalArgumentException("LSTM input must be (batch, steps, features), got " + in);
        }
        kernel.setShape(new Shape(in.get(2), 4L * units));
        recurrent.setShape(new Shape(units, 4L * units));
        bias.setShape(new Shape(4L * units));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {returnSequences ? new Shape(in.get(0), in.get(1), units) : new Shape(in.get(0), units)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        NDArray w = store.getValue(kernel, device, training);
        NDArray u = store.getValue(recurrent, device, training);
        NDArray b = store.getValue(bias, device, training);
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(1);
        NDArray xw = x.matMul(w).add(b);
        NDArray h = x.getManager().zeros(new Shape(batch, units), x.getDataType());
        NDArray c = h;
        NDList hs = new NDList();
        for (long t = 0; t < steps; t++) {
            NDArray z = xw.get(new NDIndex(":, {}, :", t)).add(h.matMul(u));
            NDList g = z.split(4, 1);
            NDArray in = sigmoid(g.get(0));
            NDArray forget = sigmoid(g.get(1));
            NDArray out = sigmoid(g.get(3));
            c = forget.mul(c).add(in.mul(cell(g.get(2))));
            h = out.mul(cell(c));
            if (returnSequences) {
                hs.add(h);
            }
        }
        return new NDList(returnSequences ? NDArrays.stack(hs, 1) : h);
    }

    private static NDArray sigmoid(NDArray a) {
        return ai.djl.nn.Activation.sigmoid(a);
    }

    private NDArray cell(NDArray a) {
        return activation == CellActivation.RELU ? ai.djl.nn.Activation.relu(a) : a.tanh();
    }
}
