package io.argus.deep.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import io.argus.core.Context;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.deep.nn.Network;
import io.argus.deep.nn.Torch;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** Multilayer perceptrons over table rows, and what the table methods share around them. */
final class Mlp {

    /** Name of the layer-widths tensor (input width first) in a model state: the architecture. */
    static final String ARCHITECTURE = "architecture";
    /** Prefix of the network weights in a model state. */
    static final String WEIGHTS = "net.";
    /** Rows per forward pass when scoring. */
    static final int SCORE_BATCH = 4096;

    private Mlp() {
    }

    /** Parses "64,32" into layer widths, each in [1, 65536]. */
    static int[] parseWidths(String text, String param) {
        String[] parts = text.split(",");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + param + " = '" + text + "' must be comma-separated layer widths such as 64,32");
            }
            if (w[i] < 1 || w[i] > 65536) {
                throw new IllegalArgumentException("parameter " + param + " = '" + text + "': width " + w[i] + " is out of range; allowed: [1, 65536]");
            }
        }
        return w;
    }

    /** One hidden layer: linear (with or without bias), optional batch normalisation, ReLU, optional dropout. */
    static void hidden(SequentialBlock s, int units, boolean bias, boolean batchNorm, double dropout) {
        s.add(Linear.builder().setUnits(units).optBias(bias).build());
        if (batchNorm) {
            s.add(BatchNorm.builder().optCenter(bias).build());
        }
        s.add(Activation.reluBlock());
        if (dropout > 0) {
            s.add(Dropout.builder().optRate((float) dropout).build());
        }
    }

    /** The input width followed by the layer widths, as stored in the {@link #ARCHITECTURE} tensor. */
    static long[] architecture(int inputs, int[] widths) {
        long[] a = new long[widths.length + 1];
        a[0] = inputs;
        for (int i = 0; i < widths.length; i++) {
            a[i + 1] = widths[i];
        }
        return a;
    }

    /**
     * Reads the architecture tensor and checks it against the widths the parameters give.
     *
     * @return the input width
     */
    static int checkArchitecture(Map<String, Tensor> state, int[] widths, String method) {
        long[] a = StateTensors.require(state, ARCHITECTURE, Tensor.DType.I64).longs();
        long[] expected = architecture(a.length == 0 ? 0 : (int) a[0], widths);
        if (a.length == 0 || a[0] < 1 || a[0] > Integer.MAX_VALUE || !Arrays.equals(a, expected)) {
            throw new IllegalArgumentException(method + ": model state tensor '" + ARCHITECTURE + "' is " + Arrays.toString(a)
                    + " but the parameters give hidden layers " + Arrays.toString(widths) + " (expected [inputs, "
                    + Arrays.toString(widths).substring(1) + ")");
        }
        return (int) a[0];
    }

    /**
     * Loads the weights into a fresh block and checks every shape, refusing a state whose tensors do not
     * match the architecture.
     */
    static void validate(Supplier<ai.djl.nn.Block> factory, int inputs, Map<String, Tensor> state, String description) {
        Torch.call(1, () -> {
            try (Network n = Network.load(factory, new Shape[] {new Shape(2, inputs)}, state, WEIGHTS, description)) {
                return null;
            }
        });
    }

    /**
     * Runs the network over standardised rows in batches and reduces each row's output to a score.
     *
     * @param rowScore (row input, row output, offset of the row in both arrays, width of input) -> score
     */
    static double[] score(Context ctx, Supplier<ai.djl.nn.Block> factory, int inputs, Map<String, Tensor> state, String description,
            float[] x, int rows, int outWidth, RowScore rowScore) {
        double[] out = new double[rows];
        Torch.call(ctx, () -> {
            try (Network net = Network.load(factory, new Shape[] {new Shape(2, inputs)}, state, WEIGHTS, description)) {
                for (int from = 0; from < rows; from += SCORE_BATCH) {
                    ctx.checkCancelled();
                    int to = Math.min(rows, from + SCORE_BATCH);
                    try (NDManager m = net.manager().newSubManager()) {
                        NDArray in = m.create(Arrays.copyOfRange(x, from * inputs, to * inputs), new Shape(to - from, inputs));
                        float[] y = net.forward(new NDList(in)).singletonOrThrow().toFloatArray();
                        for (int i = from; i < to; i++) {
                            out[i] = rowScore.score(x, i * inputs, y, (i - from) * outWidth);
                        }
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Turns one row's network output into a score. */
    @FunctionalInterface
    interface RowScore {
        double score(float[] x, int xOffset, float[] y, int yOffset);
    }

    /** Gathers rows of a row-major matrix into a batch array. */
    static NDArray gather(NDManager m, float[] x, int width, int[] rows) {
        float[] b = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * width, b, i * width, width);
        }
        return m.create(b, new Shape(rows.length, width));
    }
}
