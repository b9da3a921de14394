package io.argus.timeseries.methods;

import io.argus.core.Context;
import io.argus.core.model.Tensor;
import java.util.Map;

/** A fitted univariate detector: one score per step of one channel, higher = more anomalous. */
public interface UnivariateModel {

    /** Scores every step of {@code x}; the result has x.length values. */
    double[] score(double[] x, Context ctx);

    /** The learned state, enough for the method's provider to rebuild the model. */
    Map<String, Tensor> state();
}
