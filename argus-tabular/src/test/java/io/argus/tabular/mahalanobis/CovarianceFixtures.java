package io.argus.tabular.mahalanobis;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.data.Fingerprints;
import io.argus.core.data.Table;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.tabular.explain.FeatureContributions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers for the PCA, Ledoit–Wolf and MCD tests: the fixtures written by
 * {@code src/test/resources/golden/make_golden_covariance.py} and a model-file round trip.
 */
public final class CovarianceFixtures {

    private CovarianceFixtures() {
    }

    /** A {@code name,v1,v2,...} file (one named vector per line) as a map. */
    public static Map<String, double[]> readVectors(String resource) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : resource(resource).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.trim().split(",");
            out.put(cells[0], Arrays.stream(cells, 1, cells.length).mapToDouble(Double::parseDouble).toArray());
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = CovarianceFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing; run make_golden_covariance.py");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** scikit-learn's AUROC for {@code column} (pca, mahalanobis, mcd_mean3) on an ADBench file, from pca_lw_mcd_adbench.csv. */
    public static double referenceAuroc(String dataset, String column) {
        String text = resource("/golden/pca_lw_mcd_adbench.csv");
        String[] lines = text.split("\n");
        int col = Arrays.asList(lines[0].trim().split(",")).indexOf(column);
        for (String line : lines) {
            String[] cells = line.trim().split(",");
            if (cells[0].equals(dataset) && col > 0) {
                return Double.parseDouble(cells[col]);
            }
        }
        throw new IllegalStateException("pca_lw_mcd_adbench.csv has no " + dataset + "/" + column + "; run make_golden_covariance.py");
    }

    /** Largest |a - e| / max(|e|, 1e-12). */
    public static double maxRel(double[] a, double[] e) {
        assertThat(a).hasSameSizeAs(e);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]) / Math.max(Math.abs(e[i]), 1e-12));
        }
        return worst;
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
