package io.argus.vision.methods.padim;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.vision.methods.BackboneConfig;
import io.argus.vision.methods.ImageBackbones;

/**
 * Parameters of {@link Padim}. Defaults from Defard et al. (ICPR 2020 workshops) and the authors'
 * reference code (xiahaifeng1995/PaDiM-Anomaly-Detection-Localization-master): d = 100 random
 * channels (the ResNet18 setting, 100 of 448; WideResNet-50 uses 550 of 1792), covariance
 * regularisation 0.01·I, σ = 4 map smoothing; MobileNetV2 stands in for the paper's backbones.
 *
 * @param backbone backbone name or ONNX file
 * @param layers comma-separated layers, shallow to deep
 * @param imageSize square network input in pixels
 * @param dimensions randomly selected channels of the concatenated layers
 * @param epsilon added to the diagonal of every covariance
 * @param sigma Gaussian smoothing of the map in pixels
 */
public record PadimParams(
        @Param(doc = "backbone: a pulled model name (mobilenet_v2) or an ONNX file") String backbone,
        @Param(doc = "comma-separated backbone layers, shallow to deep") String layers,
        @Param(doc = "side of the square network input in pixels", min = 32, max = 1024) int imageSize,
        @Param(doc = "randomly selected channels of the concatenated layers", min = 1, max = 4096) int dimensions,
        @Param(doc = "regularisation added to the diagonal of each covariance", min = 0, max = 1e6) double epsilon,
        @Param(doc = "Gaussian smoothing of the map in pixels (0 = none)", min = 0, max = 64) double sigma) {

    /** The paper's defaults with the MobileNetV2 backbone. */
    public static final PadimParams DEFAULTS = new PadimParams(ImageBackbones.DEFAULT, ImageBackbones.DEFAULT_LAYERS, ImageBackbones.DEFAULT_INPUT,
            100, 0.01, 4.0);

    /** Validates every field. */
    public PadimParams {
        new BackboneConfig(backbone, layers, imageSize);
        Params.checkRange("dimensions", dimensions, 1, 4096);
        Params.checkRange("epsilon", epsilon, 0, 1e6);
        Params.checkRange("sigma", sigma, 0, 64);
    }

    /** The backbone settings. */
    public BackboneConfig backboneConfig() {
        return new BackboneConfig(backbone, layers, imageSize);
    }
}
