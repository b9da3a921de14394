package io.argus.vision.methods.patchcore;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.vision.methods.BackboneConfig;
import io.argus.vision.methods.ImageBackbones;

/**
 * Parameters of {@link PatchCore}. Defaults are the IM224 baseline of Roth et al. (CVPR 2022) as in
 * amazon-science/patchcore-inspection {@code sample_training.sh}: patch size 3, pretrain and target
 * embedding dimension 1024, coreset 10%, one nearest neighbour, σ = 4 map smoothing; the backbone is
 * the MobileNetV2 stand-in for WideResNet-50 (the paper's) with its stride-8 and stride-16 layers.
 *
 * @param backbone backbone name or ONNX file
 * @param layers comma-separated layers, shallow to deep
 * @param imageSize square network input in pixels
 * @param patchSize neighbourhood of the local aggregation (odd)
 * @param pretrainEmbedDimension per-layer dimension after adaptive average pooling
 * @param targetEmbedDimension patch feature dimension after pooling the stacked layers
 * @param coreset share of training patches kept in the memory bank
 * @param k nearest neighbours averaged into a patch score
 * @param sigma standard deviation in pixels of the Gaussian smoothing of the map
 * @param reweight whether the image score is re-weighted by the neighbourhood of its nearest bank patch (paper eq. 7)
 */
public record PatchCoreParams(
        @Param(doc = "backbone: a pulled model name (mobilenet_v2) or an ONNX file") String backbone,
        @Param(doc = "comma-separated backbone layers, shallow to deep") String layers,
        @Param(doc = "side of the square network input in pixels", min = 32, max = 1024) int imageSize,
        @Param(doc = "neighbourhood of the local patch aggregation (odd)", min = 1, max = 9) int patchSize,
        @Param(doc = "per-layer feature dimension after adaptive average pooling", min = 1, max = 65536) int pretrainEmbedDimension,
        @Param(doc = "patch feature dimension of the memory bank", min = 1, max = 65536) int targetEmbedDimension,
        @Param(doc = "share of training patches kept by the greedy coreset (1 = all)", min = 1e-6, max = 1) double coreset,
        @Param(doc = "nearest bank patches averaged into a patch score", min = 1, max = 64) int k,
        @Param(doc = "Gaussian smoothing of the map in pixels (0 = none)", min = 0, max = 64) double sigma,
        @Param(doc = "re-weight the image score by the bank neighbourhood of its patch (paper eq. 7)") boolean reweight) {

    /** The paper's defaults with the MobileNetV2 backbone. */
    public static final PatchCoreParams DEFAULTS = new PatchCoreParams(ImageBackbones.DEFAULT, ImageBackbones.DEFAULT_LAYERS,
            ImageBackbones.DEFAULT_INPUT, 3, 1024, 1024, 0.1, 1, 4.0, true);

    /** Validates every field. */
    public PatchCoreParams {
        new BackboneConfig(backbone, layers, imageSize);
        Params.checkRange("patch_size", patchSize, 1, 9);
        if (patchSize % 2 == 0) {
            throw new IllegalArgumentException("parameter patch_size = " + patchSize + " must be odd");
        }
        Params.checkRange("pretrain_embed_dimension", pretrainEmbedDimension, 1, 65536);
        Params.checkRange("target_embed_dimension", targetEmbedDimension, 1, 65536);
        if (!(coreset > 0)) {
            throw new IllegalArgumentException("parameter coreset = " + coreset + " is out of range; allowed: (0, 1]");
        }
        Params.checkRange("coreset", coreset, 0, 1);
        Params.checkRange("k", k, 1, 64);
        Params.checkRange("sigma", sigma, 0, 64);
    }

    /** The backbone settings. */
    public BackboneConfig backboneConfig() {
        return new BackboneConfig(backbone, layers, imageSize);
    }
}
