package io.argus.vision.backbone;

import io.argus.vision.image.Preprocess;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The parsed form of a {@link io.argus.vision.features.FeatureExtractor#spec()} of an ONNX backbone:
 * {@code backbone=NAME;sha256=HEX;layers=a,b;preprocess=TEXT}. It rebuilds an equal extractor
 * ({@link Backbones#open(BackboneSpec, int)}) and, through the SHA-256, detects a backbone file that
 * changed since a model was fitted.
 *
 * @param backbone a known backbone's name ({@code mobilenet_v2}) or an .onnx file
 * @param sha256 the SHA-256 of the ONNX file, or empty when not pinned
 * @param layers the layers, in order
 * @param preprocess the preprocessing
 */
public record BackboneSpec(String backbone, String sha256, List<String> layers, Preprocess preprocess) {

    /** Validates and copies. */
    public BackboneSpec {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(preprocess, "preprocess");
        layers = List.copyOf(layers);
        if (backbone.isBlank() || backbone.contains(";")) {
            throw new IllegalArgumentException("backbone name must be non-empty and free of ';', got '" + backbone + "'");
        }
        for (String l : layers) {
            if (l.isEmpty() || l.contains(",") || l.contains(";")) {
                throw new IllegalArgumentException("layer names must be non-empty and free of ',' and ';', got '" + l + "'");
            }
        }
    }

    static String format(String backbone, String sha256, List<String> layers, Preprocess preprocess) {
        return new BackboneSpec(backbone, sha256, layers, preprocess).toString();
    }

    @Override
    public String toString() {
        return "backbone=" + backbone + ";sha256=" + sha256 + ";layers=" + String.join(",", layers) + ";preprocess=" + preprocess;
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming the part that is missing or malformed
     */
    public static BackboneSpec parse(String text) {
        String backbone = null;
        String sha = "";
        List<String> layers = null;
        Preprocess preprocess = null;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("backbone spec: expected key=value, got '" + part + "' in '" + text + "'");
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            switch (k) {
                case "backbone" -> backbone = v;
                case "sha256" -> sha = v;
                case "layers" -> layers = Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                case "preprocess" -> preprocess = Preprocess.parse(v, Preprocess.unitScale(224));
                default -> throw new IllegalArgumentException("backbone spec: unknown key '" + k + "' in '" + text
                        + "'; known keys: backbone, sha256, layers, preprocess");
            }
        }
        if (backbone == null || layers == null || preprocess == null) {
            throw new IllegalArgumentException("backbone spec '" + text + "' lacks " + (backbone == null ? "backbone" : layers == null ? "layers" : "preprocess"));
        }
        return new BackboneSpec(backbone, sha, layers, preprocess);
    }
}
