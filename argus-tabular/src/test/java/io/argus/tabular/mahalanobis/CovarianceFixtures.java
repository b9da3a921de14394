package io.argus.tabular.mahalanobis;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.data.Table;
import io.argus.core.params.MethodProvider;
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

    /** See {@link io.argus.tabular.TabularFixtures#assertRoundTrip}. */
    public static <P extends Record> void assertRoundTrip(MethodProvider<Table, P> provider, P params, Table train, Table query,
            Path dir) {
        io.argus.tabular.TabularFixtures.assertRoundTrip(provider, params, train, query, dir);
    }
}
