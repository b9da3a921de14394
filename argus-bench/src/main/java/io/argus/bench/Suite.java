package io.argus.bench;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A family of labelled data sets evaluated under one protocol, such as ADBench's classical tables, the
 * NAB corpus or the magnetic-tile images. A suite lists whatever files of its kind are in its folder, so
 * held-back data sets are picked up when they appear.
 *
 * <p>The {@link BenchRunner} owns the loop (data sets × methods × seeds), the time limit, resuming and
 * the reports; the suite owns the protocol: how a data set is loaded, what the detector is fitted on,
 * what is scored, and how the scores become metrics. A suite may also define figures over the whole
 * corpus (the NAB score, SKAB's F1), computed from the per-data-set rows and written on a row whose
 * data set is {@link #CORPUS}.
 *
 * <p>Suites other than the built-in table suites are found with {@link java.util.ServiceLoader}: list
 * the class in {@code META-INF/services/io.argus.bench.Suite}; it needs a public no-argument constructor.
 *
 * @param <L> what {@link #load} returns: the labelled data of one data set in the suite's own form (a
 *            table with labels, a series with its training part, an image set with masks)
 */
public interface Suite<L> {

    /** The data-set name of the row that holds a suite's corpus-level figures. */
    String CORPUS = "ALL";

    /** The name used with {@code --suite}. */
    String name();

    /** One line: what the suite is and its protocol. */
    String description();

    /** The folder under the data root that holds the suite. */
    String folder();

    /**
     * The metric columns the suite writes, in order. Per-data-set rows and the corpus row share these
     * columns; a metric that does not apply to a row is left empty.
     */
    List<String> metrics();

    /** The data sets found under {@code dataRoot}, sorted by name; empty when the folder is missing. */
    List<DatasetRef> datasets(Path dataRoot);

    /** The data type of the methods this suite runs ({@code Table.class}, {@code Series.class}, ...). */
    Class<? extends Dataset> dataType();

    /** Loads one data set with its labels. The runner keeps the last loaded data set for the next method. */
    L load(DatasetRef ref);

    /**
     * Runs one configured detector on one loaded data set under the suite's protocol and evaluates it.
     * Called on a worker thread under the run's time limit: long loops should check
     * {@link Context#checkCancelled()} (or call methods that do).
     *
     * @param detector a detector of {@link #dataType()} data
     */
    Outcome run(L data, Detector<?> detector, Context ctx);

    /**
     * Figures over the whole corpus for one method and seed, from its per-data-set rows (status ok or
     * not; use {@link ResultRow#ok()}). Empty (the default) when the suite has none. A suite that needs
     * more than its metric columns for this can write extra columns (e.g. raw per-file scores) and list
     * them in {@link #metrics()}.
     */
    default Map<String, Double> corpus(List<ResultRow> rows) {
        return Map.of();
    }

    /**
     * The result of one run.
     *
     * @param n units scored (rows, steps, images)
     * @param fitSeconds wall time of fitting (for methods that score while fitting, both)
     * @param scoreSeconds wall time of scoring after fitting
     * @param metrics metric name to value (names from {@link #metrics()}; NaN allowed for "undefined here")
     */
    record Outcome(long n, double fitSeconds, double scoreSeconds, Map<String, Double> metrics) {

        /** Copies the metrics, keeping their order. */
        public Outcome {
            Objects.requireNonNull(metrics, "metrics");
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }
}
