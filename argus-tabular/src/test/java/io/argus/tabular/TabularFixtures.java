package io.argus.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.data.Fingerprints;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.tabular.explain.FeatureContributions;
import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Helpers shared by the tabular method tests: the scikit-learn golden fixtures written by
 * {@code src/test/resources/golden/make_golden.py}, seeded synthetic tables, relative differences and
 * AUROC (Mann–Whitney, ties averaged; argus-metrics is not a dependency of this module).
 */
public final class TabularFixtures {

    /** The golden data sets that make_golden.py writes. */
    public static final List<String> GOLDEN_SETS = List.of("gauss1d", "blobs2d", "gauss5d", "dups2d");

    private TabularFixtures() {
    }

    /** A CSV with a header row, parsed as columns of doubles by header name, in file order. */
    public static Map<String, double[]> readColumns(String resource) {
        List<String> lines = lines(resource);
        String[] names = lines.get(0).split(",");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, new double[lines.size() - 1]);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            if (cells.length != names.length) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": " + cells.length + " cells, header has " + names.length);
            }
            for (int j = 0; j < names.length; j++) {
                out.get(names[j])[i - 1] = Double.parseDouble(cells[j]);
            }
        }
        return out;
    }

    /** A CSV of features with a header row, as a table (every value parsed straight to float32). */
    public static Table readTable(String resource) {
        List<String> lines = lines(resource);
        int d = lines.get(0).split(",").length;
        int n = lines.size() - 1;
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                v[i * d + j] = Float.parseFloat(cells[j]);
            }
        }
        return Table.of(n, d, v, null, null, resource);
    }

    /** Golden training table {@code name}. */
    public static Table goldenTrain(String name) {
        return readTable("/golden/" + name + ".csv");
    }

    /** Golden held-out table {@code name}. */
    public static Table goldenTest(String name) {
        return readTable("/golden/" + name + "_test.csv");
    }

    /** Golden in-sample reference score column (higher = more anomalous). */
    public static double[] goldenInSample(String name, String column) {
        return require(readColumns("/golden/" + name + "_expected.csv"), column, name);
    }

    /** Golden novelty reference score column for the held-out rows. */
    public static double[] goldenNovelty(String name, String column) {
        return require(readColumns("/golden/" + name + "_novelty.csv"), column, name);
    }

    private static double[] require(Map<String, double[]> cols, String column, String name) {
        double[] c = cols.get(column);
        if (c == null) {
            throw new IllegalStateException("golden " + name + " has no column " + column + "; rerun make_golden.py");
        }
        return c;
    }

    /** The largest |a - b| / max(|b|, tiny) over all entries. */
    public static double maxRelDiff(double[] actual, double[] expected) {
        check(actual, expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-300));
        }
        return worst;
    }

    /** The largest |a - b| over all entries. */
    public static double maxAbsDiff(double[] actual, double[] expected) {
        check(actual, expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        return worst;
    }

    private static void check(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("length " + actual.length + " vs expected " + expected.length);
        }
    }

    /** Elementwise negation (scikit-learn reports -LOF). */
    public static double[] negate(double[] v) {
        return Arrays.stream(v).map(x -> -x).toArray();
    }

    /** n rows of d independent standard normal columns from {@code seed}. */
    public static Table gaussian(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) gauss(rnd);
        }
        return Table.of(n, d, v, null, null, "gaussian(" + n + "x" + d + ", seed " + seed + ")");
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    /** The same table with each value mapped to a * x + b (float32 arithmetic on the stored values). */
    public static Table affine(Table t, float a, float b) {
        float[] v = t.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = a * v[i] + b;
        }
        return Table.of(t.rows(), t.cols(), v, null, null, "affine");
    }

    /** A seeded permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * AUROC as the Mann–Whitney U statistic over the scores (higher = more anomalous, label 1 = anomaly),
     * tied scores sharing their average rank, so a tie between a positive and a negative counts one half.
     */
    public static double auroc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average 1-based rank of the tie group i..j
            for (int m = i; m <= j; m++) {
                if (labels[order[m]] == 1) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUROC needs both classes; got " + positives + " positives of " + n);
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** An ADBench classical data set (features X, labels y), or skips the calling test when the data is absent. */
    public static Table adbench(String name) {
        Path file = TestData.require("adbench_classical/" + name + ".npz");
        Table t = TableReaders.read(file);
        if (t.labels().isEmpty()) {
            throw new IllegalStateException(file + " has no label array y");
        }
        return t;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = TabularFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fits through the provider, writes a model file with calibration, threshold and provenance, reads it
     * back, and asserts that scores (and contributions, where the model has them) of {@code query} are identical.
     */
    public static <P extends Record> void assertRoundTrip(MethodProvider<Table, P> provider, P params, Table train, Table query,
            Path dir) {
        try (Context ctx = Context.builder().seed(3).threads(2).build()) {
            Fit<Table> fit = provider.detector(params).fitScore(train, ctx);
            double[] trainingScores = fit.trainingScores().toArray();
            Provenance provenance = new Provenance(Fingerprints.of(train), "train.csv", train.rows(), train.cols(), "test", ctx.seed(),
                    "2026-11-29T00:00:00Z");
            SavedModel<Table> saved = new SavedModel<>(provider, params, fit.model(), Calibration.fit(trainingScores),
                    new Threshold(trainingScores[0], "fixed", Double.NaN), provenance);
            Path file = dir.resolve(provider.name() + ModelFiles.EXTENSION);
            ModelFiles.write(file, saved);
            SavedModel<Table> back = ModelFiles.read(file, provider);
            assertThat(back.method()).isEqualTo(provider.name());
            assertThat(back.params()).isEqualTo(params);
            assertThat(back.provenance()).isEqualTo(provenance);
            assertThat(back.calibration().knots()).containsExactly(saved.calibration().knots());
            assertThat(back.model().score(query, ctx).toArray()).containsExactly(fit.model().score(query, ctx).toArray());
            if (fit.model() instanceof FeatureContributions before) {
                FeatureContributions after = (FeatureContributions) back.model();
                for (int i = 0; i < query.rows(); i++) {
                    assertThat(after.contributions(query, i)).containsExactly(before.contributions(query, i));
                }
            }
        }
    }
}
