package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.model.SafeTensors;
import io.argus.core.model.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails with exit status 1, one {@code argus: error: } line naming the problem, and leaves the
 * output file as it was: absent, or byte-for-byte unchanged.
 */
class BadInputTest {

    private static final byte[] OLD = "an older file that must survive".getBytes();

    @TempDir
    Path tmp;

    private Path model;
    private Path out;

    @BeforeEach
    void paths() {
        model = tmp.resolve("m.safetensors");
        out = tmp.resolve("scores.csv");
    }

    private Cli.Result fit(Path data, String... extra) {
        String[] base = {"fit", "--method", "lof", "--data", data.toString(), "--model", model.toString(), "--threads", "1"};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private Cli.Result score(Path modelFile, Path data) {
        return Cli.run("score", "--model", modelFile.toString(), "--data", data.toString(), "--out", out.toString(), "--threads", "1");
    }

    private Path validModel() {
        Path train = Cli.write(tmp.resolve("train.csv"), Cli.csv(60, 3, 1, false));
        Path m = tmp.resolve("good.safetensors");
        Cli.run("fit", "--method", "knn", "--data", train.toString(), "--model", m.toString(), "--threads", "1").assertOk();
        return m;
    }

    // ------------------------------------------------------------------------------ CSV

    @Test
    void nanLiteralIsAMissingValueNamingFileAndLine() {
        Path csv = Cli.write(tmp.resolve("nan.csv"), "a,b,c\n1,2,3\n4,NaN,6\n7,8,9\n");
        fit(csv).assertOneErrorLine(csv + ":3: missing value in column 'b' (field 2)", "found 'NaN'");
        assertThat(model).doesNotExist();
    }

    @Test
    void infinityIsANonFiniteValueAndAnExistingModelIsUnchanged() throws IOException {
        Files.write(model, OLD);
        Path csv = Cli.write(tmp.resolve("inf.csv"), "a,b,c\n1,2,3\n4,5,6\n7,inf,9\n");
        fit(csv).assertOneErrorLine(csv + ":4: non-finite value in column 'b' (field 2)", "found 'inf'");
        assertThat(Files.readAllBytes(model)).isEqualTo(OLD);
    }

    @Test
    void raggedRowNamesLineAndCounts() {
        Path csv = Cli.write(tmp.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5,6\n7,8\n");
        fit(csv).assertOneErrorLine(csv + ":4: expected 3 fields, found 2");
        assertThat(model).doesNotExist();
    }

    @Test
    void emptyFile() {
        Path csv = Cli.write(tmp.resolve("empty.csv"), "");
        fit(csv).assertOneErrorLine(csv + ": no data rows: the file is empty");
        assertThat(model).doesNotExist();
    }

    @Test
    void headerOnly() {
        Path csv = Cli.write(tmp.resolve("header.csv"), "a,b,c\n");
        fit(csv).assertOneErrorLine(csv.toString(), "no data rows");
        assertThat(model).doesNotExist();
    }

    @Test
    void missingDataFile() {
        Path csv = tmp.resolve("absent.csv");
        fit(csv).assertOneErrorLine(csv + ": file not found");
        assertThat(model).doesNotExist();
        Path m = validModel();
        score(m, csv).assertOneErrorLine(csv + ": file not found");
        assertThat(out).doesNotExist();
    }

    // ------------------------------------------------------------------------------ NPY / NPZ

    @Test
    void truncatedNpz() throws IOException {
        Path npz = Cli.npz(tmp.resolve("full.npz"), 100, 3, 1);
        fit(npz).assertOk();
        Files.delete(model);
        byte[] all = Files.readAllBytes(npz);
        Path cut = tmp.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        fit(cut).assertOneErrorLine(cut.toString(), "not a valid npz archive", "truncated or corrupt zip");
        assertThat(model).doesNotExist();
    }

    @Test
    void complexDtypeNpy() throws IOException {
        Path npy = tmp.resolve("complex.npy");
        Files.write(npy, Cli.npy("<c16", new long[] {4, 2}, new byte[4 * 2 * 16]));
        fit(npy).assertOneErrorLine(npy.toString(), "unsupported dtype '<c16' (complex)");
        assertThat(model).doesNotExist();
    }

    @Test
    void objectDtypeNpy() throws IOException {
        Files.write(model, OLD);
        Path npy = tmp.resolve("object.npy");
        Files.write(npy, Cli.npy("|O", new long[] {4, 2}, new byte[4 * 2 * 8]));
        fit(npy).assertOneErrorLine(npy.toString(), "unsupported dtype '|O' (Python object)");
        assertThat(Files.readAllBytes(model)).isEqualTo(OLD);
    }

    @Test
    void nonFiniteNpy() throws IOException {
        Path npy = tmp.resolve("inf.npy");
        double[] v = new double[30 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[7] = Double.POSITIVE_INFINITY;
        Files.write(npy, Cli.npy("<f8", new long[] {30, 2}, Cli.f8(v)));
        fit(npy).assertOneErrorLine(npy.toString(), "non-finite value", "row 3, column 1");
        assertThat(model).doesNotExist();
    }

    // ------------------------------------------------------------------------------ parameters

    @Test
    void kLargerThanTheRows() {
        Path csv = Cli.write(tmp.resolve("small.csv"), Cli.csv(50, 3, 1, false));
        fit(csv, "--param", "k=1000").assertOneErrorLine("parameter k = 1000 is too large for 50 training rows; allowed: [1, 49]");
        assertThat(model).doesNotExist();
    }

    // ------------------------------------------------------------------------------ model files

    @Test
    void aSafetensorsFileThatIsNotAnArgusModel() throws IOException {
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        Path foreign = tmp.resolve("foreign.safetensors");
        SafeTensors.write(foreign, Map.of("weight", Tensor.f32(new float[] {1, 2, 3, 4}, 2, 2)), Map.of("framework", "pt"));
        score(foreign, data).assertOneErrorLine(foreign.toString(), "not an Argus model file");
        assertThat(out).doesNotExist();

        Path plain = tmp.resolve("no-metadata.safetensors");
        SafeTensors.write(plain, Map.of("weight", Tensor.f32(new float[] {1, 2}, 2)), Map.of());
        Files.write(out, OLD);
        score(plain, data).assertOneErrorLine(plain.toString(), "not an Argus model file", "metadata 'format' is missing");
        assertThat(Files.readAllBytes(out)).isEqualTo(OLD);
    }

    @Test
    void aFileThatIsNotSafetensorsAtAll() throws IOException {
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        Path junk = Cli.write(tmp.resolve("junk.safetensors"), "hello");
        score(junk, data).assertOneErrorLine(junk.toString(), "truncated or not a safetensors file");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelOfAMethodThisArgusLacks() {
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        Path nope = tmp.resolve("nope.safetensors");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "argus-model");
        meta.put("format_version", "1");
        meta.put("method", "nope");
        SafeTensors.write(nope, Map.of("model.w", Tensor.f64(new double[] {1})), meta);
        score(nope, data).assertOneErrorLine(nope.toString(),
                "model file is for method 'nope', which this Argus does not have; known methods: " + Cli.knownMethods());
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelFromANewerFormat() {
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        Path newer = tmp.resolve("newer.safetensors");
        SafeTensors.write(newer, Map.of("model.w", Tensor.f64(new double[] {1})),
                Map.of("format", "argus-model", "format_version", "99", "method", "lof"));
        score(newer, data).assertOneErrorLine(newer.toString(), "model format version 99 is not supported");
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelFittedOnAnotherNumberOfColumns() throws IOException {
        Path m = validModel();
        Path two = Cli.write(tmp.resolve("two.csv"), Cli.csv(30, 2, 1, false));
        score(m, two).assertOneErrorLine("shape mismatch", "fitted on 3 columns", two + " has 2");
        assertThat(out).doesNotExist();
        Files.write(out, OLD);
        score(m, two).assertOneErrorLine("shape mismatch");
        assertThat(Files.readAllBytes(out)).isEqualTo(OLD);
    }

    @Test
    void aTruncatedModelFile() throws IOException {
        Path m = validModel();
        byte[] all = Files.readAllBytes(m);
        Path cut = tmp.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 16));
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        score(cut, data).assertOneErrorLine(cut.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingModelFile() {
        Path data = Cli.write(tmp.resolve("data.csv"), Cli.csv(30, 3, 1, false));
        Path absent = tmp.resolve("absent.safetensors");
        score(absent, data).assertOneErrorLine(absent.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownMethodOnFit() {
        Path csv = Cli.write(tmp.resolve("d.csv"), Cli.csv(30, 3, 1, false));
        Cli.run("fit", "--method", "nope", "--data", csv.toString(), "--model", model.toString())
                .assertOneErrorLine("unknown method 'nope'; known methods: " + Cli.knownMethods());
        assertThat(model).doesNotExist();
    }
}
