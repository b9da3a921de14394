package io.argus.tabular.eif;

import static io.argus.tabular.TabularFixtures.auroc;
import static io.argus.tabular.TabularFixtures.gaussian;
import static io.argus.tabular.TabularFixtures.permutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.model.Tensor;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.iforest.IsolationForest;
import io.argus.tabular.iforest.IsolationForestParams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Extended Isolation Forest draws its randomness its own way, so no reference implementation can be
 * matched value for value. Its behaviour is pinned instead by what the paper claims: at extension level
 * 0 it is Isolation Forest (same score distribution, same AUROC), and fully extended it has no
 * axis-aligned artefacts (the score of a rotation-symmetric blob depends on the radius, not the angle).
 */
class ExtendedIsolationForestTest {

    private static final ExtendedIsolationForestParams AXIS_PARALLEL = new ExtendedIsolationForestParams(100, 256, 0);

    private static double[] scores(Table t, ExtendedIsolationForestParams p, long seed, int threads) {
        try (Context ctx = Context.builder().seed(seed).threads(threads).build()) {
            return new ExtendedIsolationForest(p).fit(t, ctx).score(t, ctx).toArray();
        }
    }

    private static double[] scores(Table t, long seed) {
        return scores(t, ExtendedIsolationForestParams.DEFAULTS, seed, 2);
    }

    private static double[] scoresOf(Table train, Table query, ExtendedIsolationForestParams p, long seed) {
        try (Context ctx = Context.builder().seed(seed).threads(2).build()) {
            return new ExtendedIsolationForest(p).fit(train, ctx).score(query, ctx).toArray();
        }
    }

    private static double[] isolationForest(Table train, Table query, int trees, long seed) {
        try (Context ctx = Context.builder().seed(seed).threads(2).build()) {
            return new IsolationForest(new IsolationForestParams(trees, 256)).fit(train, ctx).score(query, ctx).toArray();
        }
    }

    /** A 2-D standard Gaussian (n = 500) with row 0 replaced by a far outlier at (8, 8) and row 1 by the centre. */
    private static Table gaussianWithOutlier() {
        Table g = gaussian(500, 2, 101);
        float[] v = g.values().clone();
        v[0] = 8f;
        v[1] = 8f;
        v[2] = 0f;
        v[3] = 0f;
        return Table.of(500, 2, v, null, null, null);
    }

    /** Points at radius r: four on the axes, then four on the diagonals. */
    private static Table ring(double r) {
        float a = (float) r;
        float c = (float) (r / Math.sqrt(2));
        return Table.of(new float[][] {{a, 0}, {0, a}, {-a, 0}, {0, -a}, {c, c}, {-c, c}, {-c, -c}, {c, -c}});
    }

    private static double mean(double[] v, int from, int to) {
        return Arrays.stream(v, from, to).average().orElseThrow();
    }

    // ---- golden: the paper's normalisation, shared with Isolation Forest

    @Test
    void normaliserIsIsolationForestsAveragePathLengthOfPsi() {
        try (Context ctx = Context.builder().seed(4).threads(1).build()) {
            Model<Table> m = new ExtendedIsolationForest(new ExtendedIsolationForestParams(5, 256, -1)).fit(gaussian(1000, 3, 1), ctx);
            assertThat(m.state().get("normaliser").doubles()).containsExactly(IsolationForest.averagePathLength(256));
            Model<Table> small = new ExtendedIsolationForest(new ExtendedIsolationForestParams(5, 256, -1)).fit(gaussian(100, 3, 1), ctx);
            assertThat(small.state().get("normaliser").doubles()).containsExactly(IsolationForest.averagePathLength(100));
        }
    }

    @Test
    void fullyExtendedSplitsUseEveryCoordinateAndLevelZeroUsesOne() {
        try (Context ctx = Context.builder().seed(4).threads(1).build()) {
            Table t = gaussian(300, 5, 2);
            int[] full = new ExtendedIsolationForest(new ExtendedIsolationForestParams(3, 64, -1)).fit(t, ctx).state().get("coef_count").ints();
            int[] two = new ExtendedIsolationForest(new ExtendedIsolationForestParams(3, 64, 2)).fit(t, ctx).state().get("coef_count").ints();
            int[] axis = new ExtendedIsolationForest(new ExtendedIsolationForestParams(3, 64, 0)).fit(t, ctx).state().get("coef_count").ints();
            assertThat(Arrays.stream(full).filter(c -> c > 0).distinct().toArray()).containsExactly(5);
            assertThat(Arrays.stream(two).filter(c -> c > 0).distinct().toArray()).containsExactly(3);
            assertThat(Arrays.stream(axis).filter(c -> c > 0).distinct().toArray()).containsExactly(1);
        }
    }

    // ---- the paper's claims, quantitatively

    /**
     * Extension level 0 is Isolation Forest in distribution: with many trees both scores approach the same
     * expectation, so they agree point by point up to the Monte Carlo noise of the forests.
     */
    @Test
    void extensionLevelZeroScoresAsIsolationForest() {
        Table t = gaussianWithOutlier();
        int trees = 2000;
        double[] eif = scoresOf(t, t, new ExtendedIsolationForestParams(trees, 256, 0), 11);
        double[] iforest = isolationForest(t, t, trees, 12);
        double[] diff = new double[t.rows()];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.abs(eif[i] - iforest[i]);
        }
        double meanDiff = mean(diff, 0, diff.length);
        double maxDiff = Arrays.stream(diff).max().orElseThrow();
        System.out.printf("eif level 0 vs iforest, %d trees: mean |diff| %.4f, max %.4f, mean %.4f vs %.4f%n", trees, meanDiff, maxDiff,
                mean(eif, 0, eif.length), mean(iforest, 0, iforest.length));
        assertThat(meanDiff).isLessThan(0.004);
        assertThat(maxDiff).isLessThan(0.02);
        assertThat(mean(eif, 0, eif.length)).isCloseTo(mean(iforest, 0, iforest.length), within(0.002));
    }

    /**
     * The paper's motivating example (its Figures 2-3 and 11): on a single centred Gaussian blob,
     * axis-parallel splits score points on the axes lower than points on the diagonals at the same
     * radius (the "+"-shaped band of low scores), and the fully extended forest does not. Measured here as
     * the gap between the mean score of the 4 diagonal and the 4 axis points at radii 3.5, 4 and 4.5 (the
     * band shows outside the bulk of the blob), with enough trees that the forests' own noise is far below it.
     */
    @ParameterizedTest(name = "radius {0}")
    @CsvSource({"3.5", "4", "4.5"})
    void fullyExtendedForestHasNoAxisAlignedArtefacts(double radius) {
        Table blob = gaussian(2000, 2, 2021);
        Table ring = ring(radius);
        int trees = 2000;
        double[] axis = scoresOf(blob, ring, new ExtendedIsolationForestParams(trees, 256, 0), 5);
        double[] full = scoresOf(blob, ring, new ExtendedIsolationForestParams(trees, 256, -1), 5);
        double axisGap = mean(axis, 4, 8) - mean(axis, 0, 4);
        double fullGap = mean(full, 4, 8) - mean(full, 0, 4);
        System.out.printf("eif ring r=%.1f: diagonal - axis score, level 0 %.4f, fully extended %.4f (axis %s, full %s)%n", radius, axisGap,
                fullGap, Arrays.toString(axis), Arrays.toString(full));
        assertThat(axisGap).as("axis-parallel splits favour the axes").isGreaterThan(0.05);
        // Not 0: the intercept is still drawn in the node's axis-aligned bounding box, which leaves a
        // residual of about 0.01 (measured 0.0075, 0.0105, 0.0094 at the three radii, against 0.056,
        // 0.088 and 0.101 for axis-parallel splits).
        assertThat(Math.abs(fullGap)).as("extended splits remove most of it").isLessThan(axisGap / 5);
    }

    @Test
    void farOutlierScoresAboveZeroPointSevenAndTheCentreBelowOneHalf() {
        double[] s = scores(gaussianWithOutlier(), 0);
        assertThat(s[0]).as("outlier at (8, 8)").isGreaterThan(0.7);
        assertThat(s[1]).as("centre (0, 0)").isLessThan(0.5);
    }

    @Test
    void scoresLieInZeroOne() {
        double[] s = scores(gaussianWithOutlier(), 3);
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isGreaterThan(0.0).isLessThanOrEqualTo(1.0));
    }

    // ---- invariants

    @Test
    void sameSeedGivesIdenticalScores() {
        Table t = gaussian(400, 3, 7);
        assertThat(scores(t, 5)).containsExactly(scores(t, 5));
    }

    @Test
    void threadCountDoesNotChangeScores() {
        Table t = gaussian(5000, 3, 7); // more than one scoring block of 4096 rows
        ExtendedIsolationForestParams p = ExtendedIsolationForestParams.DEFAULTS;
        assertThat(scores(t, p, 9, 3)).containsExactly(scores(t, p, 9, 1));
    }

    @Test
    void differentSeedsGiveDifferentScores() {
        Table t = gaussian(400, 3, 7);
        assertThat(scores(t, 1)).isNotEqualTo(scores(t, 2));
    }

    @Test
    void permutingRowsKeepsTheScoreDistributionClose() {
        // The sub-samples are drawn by index, so a permutation changes the forest: only the ranking of
        // a clear outlier and the mean score are stable.
        Table t = gaussianWithOutlier();
        int[] p = permutation(t.rows(), 3);
        double[] base = scores(t, 0);
        double[] permuted = scores(t.select(p), 0);
        int where = 0;
        while (p[where] != 0) {
            where++;
        }
        assertThat(permuted[where]).isEqualTo(Arrays.stream(permuted).max().orElseThrow());
        assertThat(mean(permuted, 0, permuted.length)).isCloseTo(mean(base, 0, base.length), within(0.01));
    }

    @Test
    void maxSamplesAboveRowCountUsesAllRows() {
        Table t = gaussian(100, 2, 13);
        ExtendedIsolationForestParams more = new ExtendedIsolationForestParams(50, 1000, -1);
        ExtendedIsolationForestParams exact = new ExtendedIsolationForestParams(50, 100, -1);
        assertThat(scores(t, more, 4, 1)).containsExactly(scores(t, exact, 4, 1));
    }

    @Test
    void allRowsEqualGiveAFiniteConstantScore() {
        float[] v = new float[300 * 3];
        Arrays.fill(v, 2.5f);
        double[] s = scores(Table.of(300, 3, v, null, null, null), 0);
        // no hyperplane separates equal rows: every tree is one leaf holding psi points, path c(psi), score 2^-1
        assertThat(Arrays.stream(s).boxed().toList()).allSatisfy(x -> assertThat(x).isFinite().isCloseTo(0.5, within(1e-12)));
    }

    // ---- model file round trip

    @Test
    void modelFileRoundTripScoresIdentically(@TempDir Path dir) {
        ExtendedIsolationForestProvider provider = new ExtendedIsolationForestProvider();
        ExtendedIsolationForestParams p = new ExtendedIsolationForestParams(30, 64, 1);
        Table train = gaussian(300, 3, 31);
        Table query = gaussian(50, 3, 32);
        try (Context ctx = Context.builder().seed(8).threads(2).build()) {
            Model<Table> model = provider.detector(p).fit(train, ctx);
            double[] trainScores = model.score(train, ctx).toArray();
            SavedModel<Table> saved = new SavedModel<>(provider, p, model, Calibration.fit(trainScores), new Threshold(0.6, "fixed", Double.NaN),
                    new Provenance("0", "", train.rows(), train.cols(), "test", 8, "2026-01-01T00:00:00Z"));
            Path file = dir.resolve("eif.safetensors");
            ModelFiles.write(file, saved);
            SavedModel<Table> back = ModelFiles.read(file, provider);
            assertThat(back.params()).isEqualTo(p);
            assertThat(back.model().score(query, ctx).toArray()).containsExactly(model.score(query, ctx).toArray());
            assertThat(back.calibration().knots()).containsExactly(saved.calibration().knots());
        }
    }

    @Test
    void corruptStateIsRejectedNamingTheProblem() {
        try (Context ctx = Context.builder().seed(8).threads(1).build()) {
            Map<String, Tensor> state = new LinkedHashMap<>(
                    new ExtendedIsolationForest(new ExtendedIsolationForestParams(2, 16, -1)).fit(gaussian(40, 2, 1), ctx).state());
            int[] coord = state.get("coord").ints().clone();
            coord[0] = 7;
            state.put("coord", Tensor.i32(coord));
            assertThatThrownBy(() -> ExtendedIsolationForest.HyperplaneForest.restore(state))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("coefficient 0 is on coordinate 7 of 2");
        }
    }

    // ---- quality on real data (ADBench: fit and score all rows, 100 trees of 256, seeds 0, 1, 2)

    /**
     * Extension level 0 against Argus's Isolation Forest on the same files and seeds: the same method in
     * distribution, so the mean AUROCs agree within the seed noise of 100-tree forests: 0.03, as the
     * Isolation Forest test allows against scikit-learn. (29_Pima shows the noise: level 0 0.666 against
     * 0.688 at 100 trees, but 0.676 against 0.675 over the same seeds at 2000 trees.) The fully extended
     * forest is printed beside them for the report.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"4_breastw", "6_cardio", "14_glass", "29_Pima", "38_thyroid", "42_WBC"})
    void levelZeroAurocMatchesIsolationForestOnAdbench(String name) {
        Table t = TabularFixtures.adbench(name);
        Table x = t.withoutLabels();
        int[] y = t.labels().orElseThrow();
        double level0 = 0;
        double full = 0;
        double iforest = 0;
        for (int seed = 0; seed < 3; seed++) {
            level0 += auroc(scores(x, AXIS_PARALLEL, seed, 2), y) / 3;
            full += auroc(scores(x, ExtendedIsolationForestParams.DEFAULTS, seed, 2), y) / 3;
            iforest += auroc(isolationForest(x, x, 100, seed), y) / 3;
        }
        System.out.printf("eif %s AUROC mean over 3 seeds: level 0 %.4f, iforest %.4f, fully extended %.4f%n", name, level0, iforest, full);
        assertThat(level0).as("EIF level 0 vs IForest mean AUROC on %s", name).isCloseTo(iforest, within(0.03));
    }

    // ---- bad input

    @Test
    void parameterRangesAreCheckedWithTheAllowedRange() {
        assertThatThrownBy(() -> new ExtendedIsolationForestParams(0, 256, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter trees = 0 is out of range; allowed: [1, 100000]");
        assertThatThrownBy(() -> new ExtendedIsolationForestParams(100, 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter maxSamples = 1 is out of range; allowed: [2, 1073741824]");
        assertThatThrownBy(() -> new ExtendedIsolationForestParams(100, 256, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter extensionLevel = -2 is out of range; allowed: [-1, 1000000]");
    }

    @Test
    void extensionLevelAboveWidthMinusOneIsRejectedAtFit() {
        try (Context ctx = Context.builder().threads(1).build()) {
            assertThatThrownBy(() -> new ExtendedIsolationForest(new ExtendedIsolationForestParams(10, 64, 3)).fit(gaussian(50, 3, 1), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter extensionLevel = 3 is too large for 3 columns; allowed: [-1, 2] (-1 means d - 1, fully extended)");
        }
    }

    @Test
    void fewerThanTwoTrainingRowsAreRejectedAndEmptyScoringGivesNoScores() {
        try (Context ctx = Context.builder().threads(1).build()) {
            ExtendedIsolationForest f = new ExtendedIsolationForest(new ExtendedIsolationForestParams(10, 64, -1));
            assertThatThrownBy(() -> f.fit(Table.of(new float[][] {{1, 2}}), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extended isolation forest needs at least 2 training rows, got 1");
            Table empty = Table.of(0, 2, new float[0], null, null, null);
            assertThatThrownBy(() -> f.fit(empty, ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extended isolation forest needs at least 2 training rows, got 0");
            assertThat(f.fit(gaussian(50, 2, 1), ctx).score(empty, ctx).size()).isZero();
        }
    }

    @Test
    void scoringAnotherWidthIsAShapeMismatch() {
        try (Context ctx = Context.builder().threads(1).build()) {
            Model<Table> m = new ExtendedIsolationForest(new ExtendedIsolationForestParams(10, 64, -1)).fit(gaussian(100, 4, 1), ctx);
            assertThatThrownBy(() -> m.score(gaussian(3, 1, 2), ctx))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shape mismatch: the model was fitted on 4 columns, the data has 1");
        }
    }
}
