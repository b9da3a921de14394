package io.argus.vision.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.vision.image.Preprocess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

class BackbonesTest {

    @TempDir
    Path tmp;

    @Test
    @ResourceLock("argus.models")
    void knownNamesResolveToTheCacheFolder() throws Exception {
        String old = System.getProperty("argus.models");
        try {
            System.setProperty("argus.models", tmp.toString());
            Files.write(tmp.resolve("mobilenet_v2.onnx"), TinyNets.convRelu());
            assertThat(Backbones.modelsDir()).isEqualTo(tmp);
            assertThat(Backbones.resolve("mobilenet_v2")).isEqualTo(tmp.resolve("mobilenet_v2.onnx"));
            assertThat(Backbones.resolve("MobileNet-V2")).isEqualTo(tmp.resolve("mobilenet_v2.onnx"));
            assertThat(Backbones.isKnown("inception_v3")).isTrue();
            assertThat(Backbones.defaultLayers("mobilenet_v2")).containsExactly("block_6_expand_relu", "block_10_expand_relu");
        } finally {
            if (old == null) {
                System.clearProperty("argus.models");
            } else {
                System.setProperty("argus.models", old);
            }
        }
    }

    @Test
    void anUnknownNameThatIsNoFileIsExplained() {
        assertThatThrownBy(() -> Backbones.resolve("wide_resnet50")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backbone 'wide_resnet50' is neither a known backbone (mobilenet_v2, inception_v3) nor an existing .onnx file");
    }

    @Test
    void aSpecRebuildsAnEqualExtractorAndRefusesAChangedFile() throws Exception {
        Path f = tmp.resolve("tiny.onnx");
        Files.write(f, TinyNets.convRelu());
        String spec;
        try (OnnxFeatureExtractor fx = Backbones.open(f.toString(), List.of("relu"), Preprocess.unitScale(8), 1)) {
            spec = fx.spec();
        }
        BackboneSpec parsed = BackboneSpec.parse(spec);
        assertThat(parsed.toString()).isEqualTo(spec);
        assertThat(parsed.layers()).containsExactly("relu");
        assertThat(parsed.preprocess()).isEqualTo(Preprocess.unitScale(8));
        try (OnnxFeatureExtractor again = Backbones.open(parsed, 1)) {
            assertThat(again.spec()).isEqualTo(spec);
        }
        byte[] changed = TinyNets.convRelu();
        changed[changed.length - 1] ^= 1;
        Files.write(f, changed);
        assertThatThrownBy(() -> Backbones.open(parsed, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but the model was fitted with " + parsed.sha256());
    }

    @Test
    void malformedSpecsNameThePart() {
        assertThatThrownBy(() -> BackboneSpec.parse("backbone=x;layers=a")).hasMessage("backbone spec 'backbone=x;layers=a' lacks preprocess");
        assertThatThrownBy(() -> BackboneSpec.parse("backbone=x;size=3")).hasMessageStartingWith("backbone spec: unknown key 'size'");
    }
}
