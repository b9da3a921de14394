package io.argus.vision.features;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A pretrained backbone that turns images into feature maps of chosen layers. Its preprocessing
 * (resize, centre crop, normalisation) is part of it, so that scoring an image later reproduces
 * training exactly; {@link #spec()} records everything needed to rebuild an equal extractor, and model
 * files store it.
 *
 * <p>Implementations are thread-safe for {@link #extract}; {@link #close()} releases native resources.
 */
public interface FeatureExtractor extends AutoCloseable {

    /**
     * What rebuilds this extractor: the backbone's name or file and its SHA-256, the layers, and the
     * preprocessing. Two extractors with equal specs give equal features (the key of the feature cache).
     */
    String spec();

    /** The layers returned by {@link #extract}, in order. */
    List<String> layers();

    /** Side of the square network input in pixels after preprocessing (e.g. 224). */
    int inputSize();

    /**
     * The feature maps of every layer for each image of a batch: result.get(i).get(l) is image i,
     * layer {@code layers().get(l)}.
     *
     * @throws IllegalArgumentException when an image cannot be fed to the backbone (name it and why)
     */
    List<List<FeatureMap>> extract(List<BufferedImage> images);

    @Override
    void close();
}
