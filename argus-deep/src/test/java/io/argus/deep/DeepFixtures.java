package io.argus.deep;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.TestData;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.metrics.BinaryMetrics;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared test data and checks for the deep methods. */
public final class DeepFixtures {

    private DeepFixtures() {
    }

    /** n rows of d standard-normal columns, seeded. */
    public static Table gaussian(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) gaussian(r);
        }
        return Table.of(n, d, v, null, null, null);
    }

    /** A standard normal draw (Box-Muller). */
    public static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * Normal rows on a 2-dimensional plane inside d dimensions (plus a little noise) and, in the last
     * {@code outliers} rows, points off the plane: a reconstruction or one-class method must rank them high.
     */
    public static Table planeWithOutliers(int n, int d, int outliers, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] basis = new double[2][d];
        for (double[] b : basis) {
            for (int j = 0; j < d; j++) {
                b[j] = gaussian(r);
            }
        }
        float[] v = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean out = i >= n - outliers;
            y[i] = out ? 1 : 0;
            double a = gaussian(r);
            double b = gaussian(r);
            for (int j = 0; j < d; j++) {
                v[i * d + j] = (float) (a * basis[0][j] + b * basis[1][j] + 0.05 * gaussian(r) + (out ? 3 * gaussian(r) : 0));
            }
        }
        return Table.of(n, d, v, null, y, null);
    }

    /** AUROC of scores against labels. */
    public static double auroc(double[] scores, int[] labels) {
        return BinaryMetrics.auroc(scores, labels);
    }

    /** An ADBench classical file (skips the test when the data is absent). */
    public static Table adbench(String name) {
        Path file = TestData.require("adbench_classical/" + name + ".npz");
        return TableReaders.read(file);
    }

    /**
     * Fits, writes a model file, reads it back through the provider and asserts bit-identical scores;
     * returns the file.
     */
    public static <P extends Record> Path assertRoundTrip(MethodProvider<Table, P> provider, P params, Table train, Table query, Path dir,
            Context ctx) {
        Fit<Table> fit = provider.detector(params).fitScore(train, ctx);
        double[] trainingScores = fit.trainingScores().toArray();
        Provenance provenance = new Provenance(Fingerprints.of(train), "train", train.rows(), train.cols(), "test", ctx.seed(),
                "2026-11-29T00:00:00Z");
        SavedModel<Table> saved = new SavedModel<>(provider, params, fit.model(), Calibration.fit(trainingScores),
                new Threshold(trainingScores[0], "fixed", Double.NaN), provenance);
        Path file = dir.resolve(provider.name() + ModelFiles.EXTENSION);
        ModelFiles.write(file, saved);
        SavedModel<Table> back = ModelFiles.read(file, provider);
        assertThat(back.params()).isEqualTo(params);
        assertThat(back.model().score(query, ctx).toArray()).containsExactly(fit.model().score(query, ctx).toArray());
        return file;
    }
}
