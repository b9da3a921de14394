package io.argus.core;

import io.argus.core.data.Dataset;
import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * A fitted anomaly detector: it scores new data, one value per unit, higher = more anomalous.
 * Models are immutable and safe to share between threads.
 *
 * <p>A model is persisted as the tensors of {@link #state()} (plus the method's parameters, which the
 * model file records); the method's {@link io.argus.core.params.MethodProvider} restores it.
 */
public interface Model<D extends Dataset> {

    /** Scores every unit of {@code data}; the result has {@code data.size()} values. */
    Scores score(D data, Context ctx);

    /**
     * The learned state as named tensors, enough for the method's provider to rebuild an equal model.
     * The map is in a stable order so that model files are byte-for-byte reproducible.
     */
    Map<String, Tensor> state();
}
