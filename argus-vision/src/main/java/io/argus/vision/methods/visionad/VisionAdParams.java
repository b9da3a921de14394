package io.argus.vision.methods.visionad;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.vision.methods.BackboneConfig;
import io.argus.vision.methods.ImageBackbones;

/**
 * Parameters of {@link VisionAd}. Defaults from Qiqigeww/VisionAD ({@code dade_mvtec_test.py},
 * {@code utils.py::evaluation_batch}): one shot, both support and query augmentation, image score =
 * mean of the top 1% of the map ({@code max_ratio = 0.01}); the MobileNetV2 stand-in replaces the
 * paper's DINOv2-reg ViT-L/14.
 *
 * @param backbone backbone name or ONNX file
 * @param layers comma-separated layers, fused by averaging their cosine similarities
 * @param imageSize square network input in pixels
 * @param shots normal support images (1 to 8); more training images are sub-sampled with the seed
 * @param supportAugmentation whether each support adds its 3 rotations and 2 flips to the memory
 * @param queryAugmentation whether the vertical-flip and clamp passes are added to the map
 * @param topRatio share of the map's largest pixels averaged into the image score
 */
public record VisionAdParams(
        @Param(doc = "backbone: a pulled model name (mobilenet_v2) or an ONNX file") String backbone,
        @Param(doc = "comma-separated backbone layers, shallow to deep") String layers,
        @Param(doc = "side of the square network input in pixels", min = 32, max = 1024) int imageSize,
        @Param(doc = "normal support images; more training images are sub-sampled with the seed", min = 1, max = 8) int shots,
        @Param(doc = "add rotations by 90/180/270 degrees and both flips of each support to the memory") boolean supportAugmentation,
        @Param(doc = "add the vertical-flip and clamp passes of each query to its map") boolean queryAugmentation,
        @Param(doc = "share of the largest map pixels averaged into the image score", min = 1e-6, max = 1) double topRatio) {

    /** The paper's defaults with the MobileNetV2 backbone. */
    public static final VisionAdParams DEFAULTS = new VisionAdParams(ImageBackbones.DEFAULT, ImageBackbones.DEFAULT_LAYERS, ImageBackbones.DEFAULT_INPUT,
            1, true, true, 0.01);

    /** Validates every field. */
    public VisionAdParams {
        new BackboneConfig(backbone, layers, imageSize);
        Params.checkRange("shots", shots, 1, 8);
        if (!(topRatio > 0)) {
            throw new IllegalArgumentException("parameter top_ratio = " + topRatio + " is out of range; allowed: (0, 1]");
        }
        Params.checkRange("top_ratio", topRatio, 0, 1);
    }

    /** The backbone settings. */
    public BackboneConfig backboneConfig() {
        return new BackboneConfig(backbone, layers, imageSize);
    }
}
