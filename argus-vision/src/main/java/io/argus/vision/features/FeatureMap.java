package io.argus.vision.features;

import java.util.Objects;

/**
 * The activations of one backbone layer for one image: C channels × H × W positions, float32,
 * channel-major ({@code data[(c * height + y) * width + x]}), as ONNX Runtime returns NCHW outputs.
 *
 * @param layer the layer's name in the backbone
 * @param channels C
 * @param height H
 * @param width W
 * @param data the activations, length C*H*W
 */
public record FeatureMap(String layer, int channels, int height, int width, float[] data) {

    /** Validates the shape. */
    public FeatureMap {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(data, "data");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(layer + ": feature map " + channels + "x" + height + "x" + width + " has an empty side");
        }
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException(layer + ": feature map " + channels + "x" + height + "x" + width + " = "
                    + ((long) channels * height * width) + " values but holds " + data.length);
        }
    }

    /** Activation of channel c at (y, x). */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }
}
