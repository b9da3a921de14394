package io.argus.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.model.ModelFileException;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.tabular.iforest.IsolationForestProvider;
import io.argus.tabular.knn.KnnProvider;
import io.argus.tabular.lof.LofProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files: a write/read round trip restores the same model bit for bit, and model files written by
 * an earlier version (committed under {@code src/test/resources/models/}) keep loading and scoring the
 * same.
 *
 * <p>The committed fixtures are never rewritten by the ordinary test run. To regenerate them after a
 * deliberate, documented format change, run only {@link #regenerateCommittedModelFiles}:
 * {@code mvn -o -pl argus-bench test -Dtest=ModelFileCompatTest#regenerateCommittedModelFiles -Dargus.regenerateModels=true}
 * — and say in the commit why the old files could no longer load.
 */
class ModelFileCompatTest {

    /** Where the generator writes; the compatibility test reads the copies on the test class path. */
    private static final Path FIXTURE_SOURCE_DIR = Path.of("src/test/resources/models");

    /** Each method with the non-default parameters the fixtures use, so a lost parameter shows up. */
    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(new IsolationForestProvider(), Map.of("trees", "20", "maxSamples", "64")),
                Arguments.of(new KnnProvider(), Map.of("k", "7", "aggregate", "mean")),
                Arguments.of(new LofProvider(), Map.of("k", "9")),
                Arguments.of(new io.argus.tabular.ecod.EcodProvider(), Map.of()),
                Arguments.of(new io.argus.tabular.copod.CopodProvider(), Map.of()),
                Arguments.of(new io.argus.tabular.hbos.HbosProvider(), Map.of("binning", "dynamic", "nBins", "7")),
                Arguments.of(new io.argus.tabular.pca.PcaProvider(), Map.of()),
                Arguments.of(new io.argus.tabular.mahalanobis.MahalanobisProvider(), Map.of()),
                Arguments.of(new io.argus.tabular.mahalanobis.McdProvider(), Map.of()),
                Arguments.of(new io.argus.tabular.ocsvm.OneClassSvmProvider(), Map.of("nu", "0.2")),
                Arguments.of(new io.argus.tabular.cblof.CblofProvider(), Map.of("clusters", "4")),
                Arguments.of(new io.argus.tabular.loda.LodaProvider(), Map.of("projections", "20")),
                Arguments.of(new io.argus.tabular.eif.ExtendedIsolationForestProvider(), Map.of("trees", "20", "maxSamples", "64")),
                Arguments.of(new io.argus.tabular.inne.InneProvider(), Map.of("estimators", "30")),
                Arguments.of(new io.argus.tabular.cof.CofProvider(), Map.of("k", "8")));
    }

    /** A seeded 2-D data set: a Gaussian blob, a smaller offset blob and a few far points. */
    static Table trainingData(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 120;
        float[] v = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double cx = i < 80 ? 0 : i < 115 ? 4 : 0;
            double spread = i < 80 ? 1 : i < 115 ? 0.5 : 8;
            v[2 * i] = (float) (cx + spread * gauss(rnd));
            v[2 * i + 1] = (float) (cx + spread * gauss(rnd));
        }
        return Table.of(n, 2, v, List.of("a", "b"), null, "train.csv");
    }

    /** Query rows that cover the inside, the border and far outside of the training data. */
    static Table queryData() {
        float[][] q = new float[25][];
        for (int i = 0; i < 25; i++) {
            q[i] = new float[] {-6f + 0.5f * i, 4.25f - 0.375f * i};
        }
        return Table.of(q);
    }

    private static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1.0 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @SuppressWarnings("unchecked")
    private static Training.Result fit(MethodProvider<?, ?> provider, Map<String, String> params, Table train, Context ctx) {
        return Training.fit((MethodProvider<Table, Record>) provider, params, train, null, ThresholdRule.DEFAULT, ctx);
    }

    private static Record parse(MethodProvider<?, ?> provider, Map<String, String> params) {
        return parseTyped(provider, params);
    }

    private static <P extends Record> P parseTyped(MethodProvider<?, P> provider, Map<String, String> params) {
        return Params.parse(provider.paramsType(), provider.defaults(), params, provider.name());
    }

    private static Context context() {
        return Context.builder().seed(7).threads(2).build();
    }

    // ---- round trip

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void roundTripRestoresTheSameModel(MethodProvider<?, ?> provider, Map<String, String> params, @TempDir Path dir) {
        try (Context ctx = context()) {
            Training.Result r = fit(provider, params, trainingData(3), ctx);
            SavedModel<Table> saved = r.saved();
            Path file = dir.resolve(provider.name() + ModelFiles.EXTENSION);
            ModelFiles.write(file, saved);

            SavedModel<?> back = ModelFiles.read(file, MethodRegistry.load());
            assertThat(back.method()).isEqualTo(provider.name());
            assertThat(back.params()).isEqualTo(saved.params());
            assertThat(back.threshold()).isEqualTo(saved.threshold());
            assertThat(back.calibration().knots()).containsExactly(saved.calibration().knots());
            assertThat(back.provenance()).isEqualTo(saved.provenance());

            @SuppressWarnings("unchecked")
            SavedModel<Table> typed = (SavedModel<Table>) back;
            for (Table t : List.of(trainingData(3), queryData())) {
                double[] before = saved.model().score(t, ctx).values();
                double[] after = typed.model().score(t, ctx).values();
                assertThat(after).hasSameSizeAs(before);
                for (int i = 0; i < before.length; i++) {
                    assertThat(Double.doubleToRawLongBits(after[i])).as("score %d: %s vs %s", i, after[i], before[i])
                            .isEqualTo(Double.doubleToRawLongBits(before[i]));
                }
            }
            // the state written again is the same tensors, so the file is reproducible
            Path again = dir.resolve("again" + ModelFiles.EXTENSION);
            ModelFiles.write(again, new SavedModel<>(typed.provider(), typed.params(), typed.model(), typed.calibration(),
                    typed.threshold(), typed.provenance()));
            assertThat(again).hasSameBinaryContentAs(file);
        }
    }

    // ---- files written by an earlier version must keep loading

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void committedModelFileKeepsLoadingAndScoring(MethodProvider<?, ?> provider, Map<String, String> params) throws IOException {
        Path file = resource(provider.name() + ModelFiles.EXTENSION);
        SavedModel<?> saved = ModelFiles.read(file, MethodRegistry.load());
        assertThat(saved.method()).isEqualTo(provider.name());
        @SuppressWarnings("unchecked")
        SavedModel<Table> typed = (SavedModel<Table>) saved;
        // parameters as the fixture was fitted with, and the training data it records
        assertThat(typed.params()).isEqualTo(parse(provider, params));
        Table train = TableReaders.read(resource("train.csv"));
        assertThat(typed.provenance().dataFingerprint()).isEqualTo(Fingerprints.of(train));
        assertThat(typed.provenance().rows()).isEqualTo(train.rows());
        assertThat(typed.provenance().cols()).isEqualTo(train.cols());

        Table query = TableReaders.read(resource("query.csv"));
        double[] expected = readScores(resource(provider.name() + "_scores.csv"));
        try (Context ctx = context()) {
            double[] actual = typed.model().score(query, ctx).values();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s query row %d", provider.name(), i).isCloseTo(expected[i], within(1e-12));
            }
        }
    }

    // ---- wrong method, damaged file

    @Test
    void readingWithAnotherMethodsProviderNamesBoth() throws IOException {
        Path file = resource("lof" + ModelFiles.EXTENSION);
        assertThatThrownBy(() -> ModelFiles.read(file, new IsolationForestProvider()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model file holds method 'lof', not 'iforest'")
                .hasMessageContaining(file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void truncatedModelFileIsAModelFileExceptionNamingTheFile(MethodProvider<?, ?> provider, Map<String, String> params,
            @TempDir Path dir) throws IOException {
        Path original = resource(provider.name() + ModelFiles.EXTENSION);
        long size = Files.size(original);
        for (long keep : new long[] {0, 5, 100, size / 2, size - 1}) {
            Path cut = dir.resolve("cut-" + keep + ModelFiles.EXTENSION);
            Files.copy(original, cut);
            try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            assertThatThrownBy(() -> ModelFiles.read(cut, MethodRegistry.load()))
                    .as("file truncated to %d of %d bytes", keep, size)
                    .isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(cut.toString());
        }
    }

    // ---- fixture generator (never part of a normal run)

    /**
     * Regenerates the committed fixtures under {@code src/test/resources/models}: the training and query rows, one model
     * file per method and the scores it gives the query rows. Enabled only with
     * {@code -Dargus.regenerateModels=true}; see the class comment.
     */
    @Test
    @EnabledIfSystemProperty(named = "argus.regenerateModels", matches = "true")
    void regenerateCommittedModelFiles() throws IOException {
        // Only missing fixtures are written: a model file already committed is what an earlier version
        // wrote, and rewriting it would defeat the test.
        Files.createDirectories(FIXTURE_SOURCE_DIR);
        if (!Files.exists(FIXTURE_SOURCE_DIR.resolve("train.csv"))) {
            writeTable(FIXTURE_SOURCE_DIR.resolve("train.csv"), trainingData(3));
        }
        Table train = TableReaders.read(FIXTURE_SOURCE_DIR.resolve("train.csv"));
        assertThat(train.values()).containsExactly(trainingData(3).values());
        Table query = queryData();
        if (!Files.exists(FIXTURE_SOURCE_DIR.resolve("query.csv"))) {
            writeTable(FIXTURE_SOURCE_DIR.resolve("query.csv"), query);
        }
        Table readBack = TableReaders.read(FIXTURE_SOURCE_DIR.resolve("query.csv"));
        assertThat(readBack.values()).containsExactly(query.values());
        List<Arguments> all = methods().toList();
        try (Context ctx = context()) {
            for (Arguments a : all) {
                MethodProvider<?, ?> provider = (MethodProvider<?, ?>) a.get()[0];
                if (Files.exists(FIXTURE_SOURCE_DIR.resolve(provider.name() + ModelFiles.EXTENSION))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, String> params = (Map<String, String>) a.get()[1];
                SavedModel<Table> saved = fit(provider, params, train, ctx).saved();
                ModelFiles.write(FIXTURE_SOURCE_DIR.resolve(provider.name() + ModelFiles.EXTENSION), saved);
                double[] s = saved.model().score(readBack, ctx).values();
                List<String> lines = new ArrayList<>();
                lines.add("score");
                for (double x : s) {
                    lines.add(Double.toString(x));
                }
                Files.write(FIXTURE_SOURCE_DIR.resolve(provider.name() + "_scores.csv"), lines, StandardCharsets.UTF_8);
            }
        }
    }

    private static void writeTable(Path file, Table t) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", t.columns()));
        for (int i = 0; i < t.rows(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < t.cols(); j++) {
                sb.append(j == 0 ? "" : ",").append(Float.toString(t.get(i, j)));
            }
            lines.add(sb.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static double[] readScores(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
    }

    private static Path resource(String name) {
        URL url = ModelFileCompatTest.class.getResource("/models/" + name);
        assertThat(url).as("committed fixture models/%s (regenerate only as the class comment says)", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
