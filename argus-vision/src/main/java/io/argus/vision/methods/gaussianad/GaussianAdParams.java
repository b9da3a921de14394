package io.argus.vision.methods.gaussianad;

import io.argus.core.params.Param;
import io.argus.vision.methods.BackboneConfig;
import io.argus.vision.methods.ImageBackbones;

/**
 * Parameters of {@link GaussianAd}. The paper (Rippel, Mertens, Merhof, ICPR 2020) fits one Gaussian
 * per level on the globally average-pooled outputs of every stage of EfficientNet-B4; the MobileNetV2
 * stand-in uses the expansion activations at the end of each of its stages (strides 4 to 32) and its
 * last layer, {@value #DEFAULT_LAYERS}.
 *
 * @param backbone backbone name or ONNX file
 * @param layers comma-separated levels
 * @param imageSize square network input in pixels
 */
public record GaussianAdParams(
        @Param(doc = "backbone: a pulled model name (mobilenet_v2) or an ONNX file") String backbone,
        @Param(doc = "comma-separated backbone layers, one Gaussian per layer") String layers,
        @Param(doc = "side of the square network input in pixels", min = 32, max = 1024) int imageSize) {

    /** MobileNetV2's stage-end activations and its last layer. */
    public static final String DEFAULT_LAYERS =
            "block_3_expand_relu,block_6_expand_relu,block_10_expand_relu,block_13_expand_relu,block_16_expand_relu,out_relu";

    /** The paper's method with the MobileNetV2 backbone. */
    public static final GaussianAdParams DEFAULTS = new GaussianAdParams(ImageBackbones.DEFAULT, DEFAULT_LAYERS, ImageBackbones.DEFAULT_INPUT);

    /** Validates every field. */
    public GaussianAdParams {
        new BackboneConfig(backbone, layers, imageSize);
    }

    /** The backbone settings. */
    public BackboneConfig backboneConfig() {
        return new BackboneConfig(backbone, layers, imageSize);
    }
}
