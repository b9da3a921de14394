package io.argus.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results averaged over seeds per (data set, method), and over data sets per method: what
 * {@code summary.md} and {@code report.html} show.
 */
public final class Summary {

    /**
     * One method on one data set, averaged over its finished seeds.
     *
     * @param dataset the data set
     * @param method the method
     * @param n rows
     * @param runs finished seeds
     * @param failed runs that timed out or failed (with the last status in {@code status})
     * @param status "ok" or the last failure
     * @param metrics mean of each metric
     * @param seconds mean fit + score seconds
     */
    public record Cell(String dataset, String method, long n, int runs, int failed, String status, Map<String, Double> metrics,
            double seconds) {
    }

    private final List<String> datasets;
    private final List<String> methods;
    private final List<String> metricNames;
    private final Map<String, Cell> cells;

    private Summary(List<String> datasets, List<String> methods, List<String> metricNames, Map<String, Cell> cells) {
        this.datasets = datasets;
        this.methods = methods;
        this.metricNames = metricNames;
        this.cells = cells;
    }

    /** Averages the rows of a results file. */
    public static Summary of(List<ResultRow> rows, List<String> metricNames) {
        Set<String> datasets = new LinkedHashSet<>();
        Set<String> methods = new LinkedHashSet<>();
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (!r.dataset().equals(Suite.CORPUS)) {
                datasets.add(r.dataset());
            }
            methods.add(r.method());
            groups.computeIfAbsent(r.dataset() + "\u0000" + r.method(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        groups.forEach((key, list) -> {
            int ok = 0;
            int failed = 0;
            String status = ResultRow.OK;
            double seconds = 0;
            Map<String, Double> sums = new LinkedHashMap<>();
            String partial = null;
            for (ResultRow r : list) {
                // A corpus row over only some data sets still carries figures; its status says how many.
                boolean partialCorpus = !r.ok() && r.dataset().equals(Suite.CORPUS) && !r.metrics().isEmpty();
                if (r.ok() || partialCorpus) {
                    ok++;
                    if (partialCorpus) {
                        partial = r.status();
                    }
                    seconds += r.fitSeconds() + r.scoreSeconds();
                    for (String m : metricNames) {
                        Double v = r.metrics().get(m);
                        if (v != null) {
                            sums.merge(m, v, Double::sum);
                        }
                    }
                } else {
                    failed++;
                    status = r.status();
                }
            }
            int runs = ok;
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((m, s) -> means.put(m, s / runs));
            ResultRow first = list.get(0);
            cells.put(key, new Cell(first.dataset(), first.method(), first.n(), ok, failed, ok > 0 ? (partial == null ? ResultRow.OK : partial) : status, means,
                    ok > 0 ? seconds / ok : Double.NaN));
        });
        return new Summary(List.copyOf(datasets), List.copyOf(methods), List.copyOf(metricNames), cells);
    }

    /** Whether any method has a corpus row (data set {@link Suite#CORPUS}). */
    public boolean hasCorpus() {
        return methods.stream().anyMatch(m -> cell(Suite.CORPUS, m) != null);
    }

    /** The corpus-level cell of a method, or null when it has none. */
    public Cell corpus(String method) {
        return cell(Suite.CORPUS, method);
    }

    /** Data sets in run order, without the corpus row. */
    public List<String> datasets() {
        return datasets;
    }

    /** Methods in run order. */
    public List<String> methods() {
        return methods;
    }

    /** Metric names. */
    public List<String> metricNames() {
        return metricNames;
    }

    /** The cell of a data set and method, or null when it was not run. */
    public Cell cell(String dataset, String method) {
        return cells.get(dataset + "\u0000" + method);
    }

    /**
     * Mean of a metric over the data sets where the method finished and the metric is defined (not NaN),
     * NaN if none.
     */
    public double meanOverDatasets(String method, String metric) {
        double sum = 0;
        int count = 0;
        for (String d : datasets) {
            Cell c = cell(d, method);
            if (c != null && c.metrics().containsKey(metric) && !Double.isNaN(c.metrics().get(metric))) {
                sum += c.metrics().get(metric);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Number of data sets where the method finished at least one run. */
    public int datasetsOk(String method) {
        int count = 0;
        for (String d : datasets) {
            Cell c = cell(d, method);
            if (c != null && c.runs() > 0) {
                count++;
            }
        }
        return count;
    }

    /** Total mean seconds over the data sets where the method finished. */
    public double totalSeconds(String method) {
        double sum = 0;
        for (String d : datasets) {
            Cell c = cell(d, method);
            if (c != null && c.runs() > 0) {
                sum += c.seconds();
            }
        }
        return sum;
    }
}
