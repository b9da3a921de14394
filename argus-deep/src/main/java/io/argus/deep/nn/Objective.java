package io.argus.deep.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * What a network is trained to do on indexed training samples: how a mini-batch of samples becomes the
 * network's input, and the mean loss of its output.
 */
public interface Objective {

    /** The network input for the samples {@code rows}, created on {@code manager}. */
    NDList inputs(NDManager manager, int[] rows);

    /** The mean loss (a scalar) of the network's {@code outputs} for the samples {@code rows}. */
    NDArray loss(NDManager manager, NDList outputs, int[] rows);
}
