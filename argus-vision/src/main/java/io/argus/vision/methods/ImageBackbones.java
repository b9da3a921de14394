package io.argus.vision.methods;

import io.argus.vision.features.FeatureExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link BackboneFactory} that opens a backbone named in a method's parameters. */
public final class ImageBackbones {

    /** The default backbone: ImageNet MobileNetV2 converted from nsfwjs 4.4.0 (DEPENDENCIES.md). */
    public static final String DEFAULT = "mobilenet_v2";

    /**
     * MobileNetV2's layers at strides 8 and 16 (192x28x28 and 384x14x14 at 224 px), the stand-ins for
     * WideResNet-50's layer2 and layer3 that PatchCore and its successors use.
     */
    public static final String DEFAULT_LAYERS = "block_6_expand_relu,block_10_expand_relu";

    /** The input side used by PatchCore's IM224 setting. */
    public static final int DEFAULT_INPUT = 224;

    private ImageBackbones() {
    }

    /** The layer names of a comma-separated list, checked to be non-empty. */
    public static List<String> layers(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("parameter layers = '" + csv + "' names no layer; give a comma-separated list");
        }
        return List.copyOf(out);
    }

    /**
     * Opens the backbone through the first factory that accepts it.
     *
     * @throws IllegalArgumentException when no factory knows it (listing the ways to name one)
     */
    public static FeatureExtractor open(String backbone, String layers, int inputSize) {
        List<String> names = layers(layers);
        for (BackboneFactory f : ServiceLoader.load(BackboneFactory.class, ImageBackbones.class.getClassLoader())) {
            if (f.accepts(backbone)) {
                FeatureExtractor e = f.open(backbone, names, inputSize);
                if (!e.layers().equals(names)) {
                    e.close();
                    throw new IllegalArgumentException("backbone " + backbone + " returned layers " + e.layers() + ", asked for " + names);
                }
                return e;
            }
        }
        throw new IllegalArgumentException("no backbone '" + backbone + "': give a pulled model name (argus models pull mobilenet_v2) "
                + "or an ONNX file (model.onnx); layers asked: " + Arrays.toString(names.toArray()));
    }
}
