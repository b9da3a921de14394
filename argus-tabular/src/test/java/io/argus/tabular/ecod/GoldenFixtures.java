package io.argus.tabular.ecod;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.data.Table;
import io.argus.core.params.MethodProvider;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.explain.FeatureContributions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Shared by the ECOD, COPOD and HBOS tests: the golden fixtures written by
 * {@code src/test/resources/golden/ecod_copod_hbos_golden.py} (numpy, straight from PyOD's formulas),
 * tolerance checks, and a model-file round trip.
 */
public final class GoldenFixtures {

    /** The fixtures: tie-heavy integers, constant columns, continuous data with far held-out rows. */
    public static final List<String> FIXTURES = List.of("ties", "consts", "mixed");

    /** The relative tolerance the brief asks for; float64 on both sides, so only log and sum rounding differ. */
    public static final double REL_TOL = 1e-9;

    private GoldenFixtures() {
    }

    /** Training rows of fixture {@code f}. */
    public static Table train(String f) {
        return TabularFixtures.readTable("/golden/ecod_copod_hbos_" + f + ".csv");
    }

    /** Held-out rows of fixture {@code f}. */
    public static Table test(String f) {
        return TabularFixtures.readTable("/golden/ecod_copod_hbos_" + f + "_test.csv");
    }

    /** In-sample reference columns of {@code method} on fixture {@code f}. */
    public static Map<String, double[]> inSample(String method, String f) {
        return TabularFixtures.readColumns("/golden/" + method + "_" + f + "_expected.csv");
    }

    /** Held-out reference columns (scores and per-feature terms {@code VARIANT_tJ}). */
    public static Map<String, double[]> novelty(String method, String f) {
        return TabularFixtures.readColumns("/golden/" + method + "_" + f + "_novelty.csv");
    }

    /** Asserts |a − e| ≤ REL_TOL·|e| for every entry. */
    public static void assertRelClose(double[] actual, double[] expected, String what) {
        double rel = TabularFixtures.maxRelDiff(actual, expected);
        System.out.printf("%s: max rel diff %.3g%n", what, rel);
        assertThat(rel).as(what + ": max relative difference to the numpy reference").isLessThanOrEqualTo(REL_TOL);
    }

    /** Asserts each row's contributions match the reference terms (to REL_TOL·max(|e|, 1)) and sum exactly to its score. */
    public static void assertContributions(Model<Table> model, Table rows, Map<String, double[]> cols, String variant, Context ctx) {
        FeatureContributions fc = (FeatureContributions) model;
        double[] scores = model.score(rows, ctx).toArray();
        for (int i = 0; i < rows.rows(); i++) {
            double[] c = fc.contributions(rows, i);
            double sum = 0;
            for (int j = 0; j < c.length; j++) {
                double e = cols.get(variant + "_t" + j)[i];
                assertThat(Math.abs(c[j] - e)).as("row %d feature %d: %s vs %s", i, j, c[j], e)
                        .isLessThanOrEqualTo(REL_TOL * Math.max(Math.abs(e), 1));
                sum += c[j];
            }
            assertThat(sum).as("row %d: contributions add up to the score", i).isEqualTo(scores[i]);
        }
    }

    /** See {@link io.argus.tabular.TabularFixtures#assertRoundTrip}. */
    public static <P extends Record> void assertRoundTrip(MethodProvider<Table, P> provider, P params, Table train, Table query,
            Path dir) {
        io.argus.tabular.TabularFixtures.assertRoundTrip(provider, params, train, query, dir);
    }
}
