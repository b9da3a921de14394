package io.argus.vision.methods;

import io.argus.vision.features.FeatureExtractor;
import java.util.List;

/**
 * Opens a {@link FeatureExtractor} from the backbone settings that image methods keep in their
 * parameters, so that a model file rebuilds the same extractor when it scores later. Implementations
 * are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.argus.vision.methods.BackboneFactory}).
 */
public interface BackboneFactory {

    /** Whether this factory builds {@code backbone} (a registry name such as "mobilenet_v2", or a file). */
    boolean accepts(String backbone);

    /**
     * An extractor of the given layers at the given square input size.
     *
     * @throws IllegalArgumentException naming the backbone when it cannot be opened or lacks a layer
     */
    FeatureExtractor open(String backbone, List<String> layers, int inputSize);
}
