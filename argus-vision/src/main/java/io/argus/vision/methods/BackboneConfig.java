package io.argus.vision.methods;

import io.argus.core.params.Params;
import io.argus.vision.features.FeatureExtractor;
import java.util.List;
import java.util.Objects;

/**
 * The backbone settings every image method keeps among its parameters, so that a model file reopens
 * the same extractor (and so the same preprocessing) when it scores later.
 *
 * @param backbone registry name of a pulled backbone ("mobilenet_v2") or an ONNX file
 * @param layers comma-separated layer names, shallow to deep
 * @param inputSize side of the square network input in pixels
 */
public record BackboneConfig(String backbone, String layers, int inputSize) {

    /** Smallest input side accepted (stride-16 layers need at least a few positions). */
    public static final int MIN_INPUT = 32;

    /** Largest input side accepted. */
    public static final int MAX_INPUT = 1024;

    /** Validates the fields. */
    public BackboneConfig {
        Objects.requireNonNull(backbone, "backbone");
        if (backbone.isBlank()) {
            throw new IllegalArgumentException("parameter backbone is empty; give a backbone name or an ONNX file");
        }
        ImageBackbones.layers(Objects.requireNonNull(layers, "layers"));
        Params.checkRange("image_size", inputSize, MIN_INPUT, MAX_INPUT);
    }

    /** The layer names. */
    public List<String> layerList() {
        return ImageBackbones.layers(layers);
    }

    /** Opens the extractor; the caller closes it. */
    public FeatureExtractor open() {
        FeatureExtractor e = ImageBackbones.open(backbone, layers, inputSize);
        if (e.inputSize() != inputSize) {
            int got = e.inputSize();
            e.close();
            throw new IllegalArgumentException("backbone " + backbone + " runs at " + got + " px, the model needs " + inputSize);
        }
        return e;
    }
}
