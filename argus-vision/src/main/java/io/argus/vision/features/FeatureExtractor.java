package io.argus.vision.features;

import io.argus.vision.image.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * The feature maps of image files, decoded with {@link Images#read}; like {@link #extract}, with
     * errors naming the file. A caching extractor ({@code io.argus.vision.backbone.CachingFeatureExtractor})
     * answers from its cache, keyed by {@link #spec()} and each file's SHA-256, without running the backbone
     * again.
     *
     * @throws IllegalArgumentException when a file cannot be decoded or fed to the backbone (names the file)
     */
    default List<List<FeatureMap>> extractFiles(List<Path> files) {
        List<BufferedImage> images = new ArrayList<>(files.size());
        for (Path f : files) {
            images.add(Images.read(f));
        }
        try {
            return extract(images);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("one of " + files + ": " + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
