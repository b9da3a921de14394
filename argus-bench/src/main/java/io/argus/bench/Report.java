package io.argus.bench;

import io.argus.core.Argus;
import io.argus.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code summary.md} (mean per method, then a table per metric with one row per data set) and
 * {@code report.html} (the same with bar charts, self-contained: no scripts, no external files).
 */
public final class Report {

    private Report() {
    }

    /** Writes both files into {@code out}, atomically. */
    public static void write(Path out, Suite<?> suite, List<ResultRow> rows) {
        Summary s = Summary.of(rows, suite.metrics());
        AtomicFiles.writeString(out.resolve("summary.md"), markdown(suite, s));
        AtomicFiles.writeString(out.resolve("report.html"), html(suite, s));
    }

    /** The Markdown summary. */
    public static String markdown(Suite<?> suite, Summary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmark: ").append(suite.name()).append("\n\n");
        sb.append(suite.description()).append(". Argus ").append(Argus.version()).append(". Metrics are means over seeds; ")
                .append("time is fit + score in seconds.\n\n");
        sb.append("## Mean over data sets\n\n| method | data sets ok |");
        for (String m : s.metricNames()) {
            sb.append(' ').append(m).append(" |");
        }
        sb.append(" total seconds |\n|---|---|");
        sb.append("---|".repeat(s.metricNames().size())).append("---|\n");
        for (String method : s.methods()) {
            sb.append("| ").append(method).append(" | ").append(s.datasetsOk(method)).append('/').append(s.datasets().size()).append(" |");
            for (String m : s.metricNames()) {
                sb.append(' ').append(f3(s.meanOverDatasets(method, m))).append(" |");
            }
            sb.append(' ').append(f1(s.totalSeconds(method))).append(" |\n");
        }
        if (s.hasCorpus()) {
            List<String> corpusMetrics = corpusMetrics(s);
            sb.append("\n## Corpus figures (row ").append(Suite.CORPUS).append(")\n\n| method | status |");
            for (String m : corpusMetrics) {
                sb.append(' ').append(m).append(" |");
            }
            sb.append("\n|---|---|").append("---|".repeat(corpusMetrics.size())).append('\n');
            for (String method : s.methods()) {
                Summary.Cell c = s.corpus(method);
                if (c == null) {
                    continue;
                }
                sb.append("| ").append(method).append(" | ").append(c.status()).append(" |");
                for (String m : corpusMetrics) {
                    sb.append(' ').append(cellText(c, m)).append(" |");
                }
                sb.append('\n');
            }
        }
        for (String metric : s.metricNames()) {
            sb.append("\n## ").append(metric).append(" per data set\n\n| data set | n |");
            for (String method : s.methods()) {
                sb.append(' ').append(method).append(" |");
            }
            sb.append("\n|---|---|").append("---|".repeat(s.methods().size())).append('\n');
            for (String d : s.datasets()) {
                sb.append("| ").append(d).append(" | ").append(rowsOf(s, d)).append(" |");
                for (String method : s.methods()) {
                    sb.append(' ').append(cellText(s.cell(d, method), metric)).append(" |");
                }
                sb.append('\n');
            }
        }
        sb.append("\n## seconds (fit + score) per data set\n\n| data set | n |");
        for (String method : s.methods()) {
            sb.append(' ').append(method).append(" |");
        }
        sb.append("\n|---|---|").append("---|".repeat(s.methods().size())).append('\n');
        for (String d : s.datasets()) {
            sb.append("| ").append(d).append(" | ").append(rowsOf(s, d)).append(" |");
            for (String method : s.methods()) {
                Summary.Cell c = s.cell(d, method);
                sb.append(' ').append(c == null ? "" : c.runs() > 0 ? f2(c.seconds()) : c.status()).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The HTML report. */
    public static String html(Suite<?> suite, Summary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(Html.head("Argus benchmark: " + suite.name()));
        sb.append("<h1>Benchmark: ").append(Html.esc(suite.name())).append("</h1>\n<p>").append(Html.esc(suite.description()))
                .append(". Argus ").append(Html.esc(Argus.version())).append(". Metrics are means over seeds.</p>\n");
        sb.append("<h2>Mean over data sets</h2>\n<table><tr><th>method</th><th>data sets ok</th>");
        for (String m : s.metricNames()) {
            sb.append("<th>").append(Html.esc(m)).append("</th>");
        }
        sb.append("<th>total seconds</th></tr>\n");
        for (String method : s.methods()) {
            sb.append("<tr><td>").append(Html.esc(method)).append("</td><td>").append(s.datasetsOk(method)).append('/')
                    .append(s.datasets().size()).append("</td>");
            for (String m : s.metricNames()) {
                sb.append("<td>").append(f3(s.meanOverDatasets(method, m))).append("</td>");
            }
            sb.append("<td>").append(f1(s.totalSeconds(method))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (String metric : s.metricNames()) {
            sb.append("<h2>").append(Html.esc(metric)).append(" per data set</h2>\n");
            List<String> labels = s.datasets();
            double[][] values = new double[s.methods().size()][labels.size()];
            for (int m = 0; m < s.methods().size(); m++) {
                for (int d = 0; d < labels.size(); d++) {
                    Summary.Cell c = s.cell(labels.get(d), s.methods().get(m));
                    values[m][d] = c == null || !c.metrics().containsKey(metric) ? Double.NaN : c.metrics().get(metric);
                }
            }
            sb.append(Html.groupedBars(labels, s.methods(), values, 0, 1, false));
        }
        sb.append("<h2>Seconds (fit + score) per data set, log scale</h2>\n");
        double[][] secs = new double[s.methods().size()][s.datasets().size()];
        for (int m = 0; m < s.methods().size(); m++) {
            for (int d = 0; d < s.datasets().size(); d++) {
                Summary.Cell c = s.cell(s.datasets().get(d), s.methods().get(m));
                secs[m][d] = c == null || c.runs() == 0 ? Double.NaN : c.seconds();
            }
        }
        sb.append(Html.groupedBars(s.datasets(), s.methods(), secs, 0, 0, true));
        sb.append("<h2>Table</h2>\n<pre>").append(Html.esc(markdown(suite, s))).append("</pre>\n");
        sb.append(Html.tail());
        return sb.toString();
    }

    /** The metrics that some corpus row has, in column order. */
    private static List<String> corpusMetrics(Summary s) {
        return s.metricNames().stream().filter(m -> s.methods().stream().map(s::corpus)
                .anyMatch(c -> c != null && c.metrics().containsKey(m))).toList();
    }

    private static String rowsOf(Summary s, String dataset) {
        for (String m : s.methods()) {
            Summary.Cell c = s.cell(dataset, m);
            if (c != null && c.n() > 0) {
                return Long.toString(c.n());
            }
        }
        return "";
    }

    private static String cellText(Summary.Cell c, String metric) {
        if (c == null) {
            return "";
        }
        if (c.runs() == 0) {
            return c.status();
        }
        Double v = c.metrics().get(metric);
        return v == null ? "" : f3(v);
    }

    static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
