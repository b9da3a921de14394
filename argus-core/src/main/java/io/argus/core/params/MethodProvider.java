package io.argus.core.params;

import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.core.data.Dataset;
import io.argus.core.model.Tensor;
import java.util.Map;

/**
 * Makes one method known to Argus. Implementations are listed in
 * {@code META-INF/services/io.argus.core.params.MethodProvider} and found by {@link MethodRegistry}
 * through {@link java.util.ServiceLoader}; they must have a public no-argument constructor.
 *
 * @param <D> the data the method reads
 * @param <P> its parameter record: defaults in {@link #defaults()}, validation in the compact constructor,
 *            each component annotated with {@link Param}
 */
public interface MethodProvider<D extends Dataset, P extends Record> {

    /** The method's registry name, lower case with dashes ("iforest", "lof"). */
    String name();

    /** The modality it reads ("table", "series", ...). */
    String modality();

    /** The data class it reads. */
    Class<D> dataType();

    /** One line: what the method does. */
    String summary();

    /** The paper it implements. */
    Reference paper();

    /**
     * Whether results depend only on the data and parameters, not on the seed. The benchmark runner
     * runs a deterministic method once instead of once per seed.
     */
    default boolean deterministic() {
        return false;
    }

    /** The parameter record type. */
    Class<P> paramsType();

    /** The default parameters. */
    P defaults();

    /** A detector configured with {@code params}. */
    Detector<D> detector(P params);

    /**
     * Rebuilds a model from its parameters and the tensors of {@link Model#state()}.
     *
     * @throws IllegalArgumentException when a tensor is missing or has the wrong shape (name it)
     */
    Model<D> restore(P params, Map<String, Tensor> state);
}
