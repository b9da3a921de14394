package io.argus.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.cli.ArgusCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArgusCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path nsfwjsPackage() {
        String env = System.getenv("ARGUS_NSFWJS");
        Path dir = Path.of("").toAbsolutePath();
        Path found = env != null && !env.isBlank() ? Path.of(env) : null;
        for (int i = 0; found == null && i <= 4 && dir != null; i++, dir = dir.getParent()) {
            Path p = dir.resolve("bench/vision/.cache/nsfwjs-4.4.0/package");
            if (Files.isDirectory(p)) {
                found = p;
            }
        }
        Assumptions.assumeTrue(found != null, "nsfwjs@4.4.0 was not fetched: run bench/vision/fetch-nsfwjs.sh; the pull test is skipped");
        return found;
    }

    @Test
    void pullConvertsChecksAndSaysWhereItCachedTheModel() {
        Path pkg = nsfwjsPackage();
        Run r = run("models", "pull", "mobilenet_v2", "--dir", tmp.toString(), "--package", pkg.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("checked against the samples of the TF.js reference activations bundled with Argus (tolerance 1.0E-4):")
                .containsPattern("block_6_expand_relu +65 values +max abs error \\d\\.\\d\\de-0[5-9]")
                .contains("cached " + tmp.resolve("mobilenet_v2.onnx").toAbsolutePath());
        assertThat(tmp.resolve("mobilenet_v2.onnx")).isRegularFile();
        try (var files = java.nio.file.Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("mobilenet_v2.onnx");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Run again = run("models", "pull", "mobilenet_v2", "--dir", tmp.toString());
        assertThat(again.out()).startsWith("mobilenet_v2 is already cached: " + tmp.resolve("mobilenet_v2.onnx").toAbsolutePath());
        Run layers = run("models", "layers", tmp.resolve("mobilenet_v2.onnx").toString());
        assertThat(layers.out()).contains("input: [input_1[?, 3, ?, ?]] (native size 224; height and width are free)")
                .contains("block_6_expand_relu  [N, 192, ?, ?]").contains("dense_3  [N, 5]");
        Run list = run("models", "list", "--dir", tmp.toString());
        assertThat(list.out()).containsPattern("mobilenet_v2 +224 +block_6_expand_relu,block_10_expand_relu +" + java.util.regex.Pattern.quote(
                tmp.resolve("mobilenet_v2.onnx").toAbsolutePath().toString())).contains("no (argus models pull inception_v3)");
    }

    @Test
    void badNamesAndPackagesAreOneLineErrors() {
        Run r = run("models", "pull", "resnet50", "--dir", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("argus: error: unknown backbone 'resnet50'; known: mobilenet_v2, inception_v3" + System.lineSeparator());
        Run p = run("models", "pull", "inception_v3", "--dir", tmp.toString(), "--package", tmp.resolve("nowhere").toString());
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).startsWith("argus: error: " + tmp.resolve("nowhere/dist/models/inception_v3/model.min.js") + ": not found; is ");
        assertThat(tmp.resolve("inception_v3.onnx")).doesNotExist();
        Run l = run("models", "layers", tmp.resolve("none.onnx").toString());
        assertThat(l.err()).startsWith("argus: error: backbone '" + tmp.resolve("none.onnx") + "' is neither a known backbone");
    }
}
