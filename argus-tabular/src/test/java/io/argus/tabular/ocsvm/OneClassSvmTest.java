package io.argus.tabular.ocsvm;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.goldenTest;
import static io.argus.tabular.TabularFixtures.goldenTrain;
import static io.argus.tabular.TabularFixtures.maxAbsDiff;
import static io.argus.tabular.TabularFixtures.permutation;
import static io.argus.tabular.TabularFixtures.readColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Thresholds;
import io.argus.tabular.TabularFixtures;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OneClassSvmTest {

    /**
     * Both sides run libsvm's SMO with the same working-set choices, float32 kernel cache and stopping
     * rule, so -decision_function agrees to rounding (the C and Java exp differ in the last bit).
     */
    private static final double ABS_TOL = 1e-6;

    private static final Map<String, OneClassSvmParams> CONFIGS = Map.of(
            "default", OneClassSvmParams.DEFAULTS,
            "nu01", new OneClassSvmParams(0.1, 0, 1e-3, 10_000),
            "nu02_gamma1", new OneClassSvmParams(0.2, 1.0, 1e-3, 10_000),
            "nu02_gamma1_tight", new OneClassSvmParams(0.2, 1.0, 1e-9, 10_000));

    /**
     * The one case where the two solvers part ways: on gauss1d with nu = 0.2 and gamma = 1 (246 SMO
     * iterations in scikit-learn) a near-tie in the working-set choice goes the other way (the float32
     * kernel cache values differ in the last bit, C's and Java's exp differ), and each run stops at a
     * different point within tol = 1e-3 of the optimum: scikit-learn's own answer is 8.4e-4 from its
     * tol = 1e-9 answer, Argus's 4.6e-4 from scikit-learn's. With tol = 1e-9 (nu02_gamma1_tight) both
     * agree to 1e-6 again, so the bar here is the solver's tolerance.
     */
    private static final double DIVERGED_PATH_TOL = 2e-3;

    private static Context ctx;

    @BeforeAll
    static void context() {
        ctx = Context.builder().seed(1).threads(2).build();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    static Stream<Arguments> goldenCases() {
        return TabularFixtures.GOLDEN_SETS.stream().flatMap(name -> CONFIGS.keySet().stream().sorted().map(c -> Arguments.of(name, c)));
    }

    // ---- golden values vs scikit-learn 1.2.1 (fixtures from src/test/resources/golden/ocsvm_make_golden.py)

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("goldenCases")
    void scoresMatchScikitLearnDecisionFunction(String name, String config) {
        Model<Table> m = new OneClassSvm(CONFIGS.get(config)).fit(goldenTrain(name), ctx);
        double[] ins = m.score(goldenTrain(name), ctx).toArray();
        double[] nov = m.score(goldenTest(name), ctx).toArray();
        double[] expIns = readColumns("/golden/ocsvm_" + name + "_expected.csv").get(config);
        double[] expNov = readColumns("/golden/ocsvm_" + name + "_novelty.csv").get(config);
        System.out.printf("ocsvm golden %s %s: in-sample max abs %.3g, novelty max abs %.3g%n", name, config,
                maxAbsDiff(ins, expIns), maxAbsDiff(nov, expNov));
        double tol = name.equals("gauss1d") && config.equals("nu02_gamma1") ? DIVERGED_PATH_TOL : ABS_TOL;
        assertThat(maxAbsDiff(ins, expIns)).as("in-sample vs -decision_function").isLessThanOrEqualTo(tol);
        assertThat(maxAbsDiff(nov, expNov)).as("novelty vs -decision_function").isLessThanOrEqualTo(tol);
    }

    @Test
    void scaleGammaIsOneOverDTimesTheVarianceOfAllValues() {
        // values 1, 2, 3, 4 in two columns: variance 1.25, gamma = 1 / (2 * 1.25)
        float[] v = {1, 2, 3, 4};
        assertThat(OneClassSvm.scaleGamma(v, new int[] {0, 1}, 2)).isCloseTo(0.4, within(1e-15));
        assertThat(OneClassSvm.scaleGamma(new float[] {3, 3, 3}, new int[] {0, 1, 2}, 1)).isEqualTo(1.0);
    }

    @Test
    void theSolverPrintsNothing() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(gaussian(200, 3, 5), ctx);
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    // ---- invariants

    @Test
    void permutingRowsPermutesScores() {
        Table t = gaussian(300, 3, 11);
        int[] p = permutation(t.rows(), 5);
        Model<Table> a = new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(t, ctx);
        Model<Table> b = new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(t.select(p), ctx);
        double[] base = a.score(t, ctx).toArray();
        double[] other = b.score(t, ctx).toArray();
        // The solver visits rows in another order, so it stops at another point within tol of the optimum.
        assertThat(maxAbsDiff(other, base)).isLessThanOrEqualTo(1e-2 * (max(base) - min(base)));
    }

    @Test
    void sampledTrainingIsReproducibleForASeedAndIndependentOfThreads() {
        Table t = gaussian(3000, 4, 13);
        OneClassSvmParams p = new OneClassSvmParams(0.5, 0, 1e-3, 500);
        double[] one;
        double[] two;
        double[] otherSeed;
        try (Context c1 = Context.builder().seed(3).threads(1).build();
                Context c2 = Context.builder().seed(3).threads(2).build();
                Context c3 = Context.builder().seed(4).threads(2).build()) {
            one = new OneClassSvm(p).fit(t, c1).score(t, c1).toArray();
            two = new OneClassSvm(p).fit(t, c2).score(t, c2).toArray();
            otherSeed = new OneClassSvm(p).fit(t, c3).score(t, c3).toArray();
            assertThat(new OneClassSvm(p).fit(t, c1).state().get("support_vectors").shape()[0]).isLessThanOrEqualTo(500);
        }
        assertThat(two).containsExactly(one);
        assertThat(otherSeed).isNotEqualTo(one);
    }

    @Test
    void farPointScoresPositiveAndCentreNegative() {
        Table t = gaussian(400, 2, 3);
        Model<Table> m = new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(t, ctx);
        double[] s = m.score(Table.of(new float[][] {{0, 0}, {6, -6}}), ctx).toArray();
        assertThat(s[0]).isNegative();
        assertThat(s[1]).isPositive();
    }

    // ---- model file

    @Test
    void modelFileRoundTripGivesIdenticalScores(@TempDir Path dir) {
        Table t = goldenTrain("gauss5d");
        OneClassSvmProvider provider = new OneClassSvmProvider();
        OneClassSvmParams p = new OneClassSvmParams(0.2, 0, 1e-3, 150);
        Model<Table> m = provider.detector(p).fit(t, ctx);
        double[] train = m.score(t, ctx).toArray();
        SavedModel<Table> saved = new SavedModel<>(provider, p, m, Calibration.fit(train), Thresholds.contamination(train, 0.1),
                new Provenance(Fingerprints.of(t), "gauss5d.csv", t.rows(), t.cols(), "test", ctx.seed(), "2026-01-01T00:00:00Z"));
        Path file = dir.resolve("ocsvm" + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(p);
        for (Table q : new Table[] {t, goldenTest("gauss5d")}) {
            assertThat(back.model().score(q, ctx).toArray()).containsExactly(m.score(q, ctx).toArray());
        }
    }

    @Test
    void restoreRejectsMismatchedShapes() {
        Model<Table> m = new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(gaussian(50, 3, 1), ctx);
        Map<String, io.argus.core.model.Tensor> s = new java.util.LinkedHashMap<>(m.state());
        s.put("coef", io.argus.core.model.Tensor.f64(new double[] {1, 2}));
        assertThatThrownBy(() -> OneClassSvm.SvmModel.restore(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tensor 'support_vectors' has shape [");
    }

    // ---- quality on real data vs scikit-learn (fit and score all rows, defaults)

    static Stream<Arguments> adbench() {
        Map<String, double[]> cols = readAdbench();
        return cols.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0]));
    }

    private static Map<String, double[]> readAdbench() {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        try (var in = OneClassSvmTest.class.getResourceAsStream("/golden/ocsvm_adbench.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    String[] c = lines[i].trim().split(",");
                    out.put(c[0], new double[] {Double.parseDouble(c[1])});
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: scikit-learn {1}")
    @MethodSource("adbench")
    void aurocOnAdbenchMatchesScikitLearn(String name, double reference) {
        Table t = TabularFixtures.adbench(name);
        Table x = t.withoutLabels();
        double auc = auroc(new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(x, ctx).score(x, ctx).toArray(), t.labels().orElseThrow());
        System.out.printf("ocsvm %s AUROC %.4f (scikit-learn %.4f)%n", name, auc, reference);
        assertThat(auc).as("OCSVM AUROC on %s", name).isCloseTo(reference, within(0.01));
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new OneClassSvmParams(0, 0, 1e-3, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter nu = 0 is out of range; allowed: [1.0E-6, 1]");
        assertThatThrownBy(() -> new OneClassSvmParams(0.5, -1, 1e-3, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter gamma = -1 is out of range; allowed: [0, 1000000000000]");
        assertThatThrownBy(() -> new OneClassSvmParams(0.5, 0, 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter tol = 0 is out of range; allowed: [1.0E-12, 1]");
        assertThatThrownBy(() -> new OneClassSvmParams(0.5, 0, 1e-3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter maxTrainRows = 1 is out of range; allowed: [2, 1073741824]");
    }

    @Test
    void emptyTrainingDataIsRejectedAndEmptyScoringGivesNoScores() {
        OneClassSvm svm = new OneClassSvm(OneClassSvmParams.DEFAULTS);
        Table empty = Table.of(0, 2, new float[0], null, null, null);
        assertThatThrownBy(() -> svm.fit(empty, ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one-class SVM needs at least 1 training row, got 0");
        assertThat(svm.fit(gaussian(20, 2, 1), ctx).score(empty, ctx).size()).isZero();
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        Model<Table> m = new OneClassSvm(OneClassSvmParams.DEFAULTS).fit(gaussian(30, 3, 1), ctx);
        assertThatThrownBy(() -> m.score(gaussian(4, 2, 2), ctx))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: the model was fitted on 3 columns, the data has 2");
    }

    private static double max(double[] a) {
        return java.util.Arrays.stream(a).max().orElseThrow();
    }

    private static double min(double[] a) {
        return java.util.Arrays.stream(a).min().orElseThrow();
    }
}
