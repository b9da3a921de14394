package io.argus.cli;

import io.argus.bench.DemoData;
import io.argus.bench.Html;
import io.argus.bench.ThresholdRule;
import io.argus.bench.Training;
import io.argus.core.Argus;
import io.argus.core.Context;
import io.argus.core.data.Table;
import io.argus.core.io.AtomicFiles;
import io.argus.core.model.ModelFiles;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.metrics.BinaryMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code argus demo}: runs every table method on a generated data set with built-in defaults, prints
 * the top anomalies and a results table, and writes model files, scores and an HTML report. The neural
 * table methods are left out ({@link NeuralMethods}): the demo must not unpack PyTorch.
 */
@Command(name = "demo", description = "Find anomalies in a generated data set with every table method; print them and write an HTML report.")
final class DemoCommand implements Runnable {

    /** The demo knows its share of anomalies (30 of 1,530 rows) and sets the threshold from it. */
    private static final ThresholdRule DEMO_THRESHOLD = new ThresholdRule(ThresholdRule.Kind.CONTAMINATION, 0.02);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "argus-demo", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "anomalies to print (default: ${DEFAULT-VALUE})")
    int top;

    @Mixin
    CommonOptions common;

    private record MethodResult(String name, double[] scores, double[] calibrated, boolean[] flags, double auroc, double ap,
            double precisionAtN, double seconds, Path model) {
    }

    @Override
    public void run() {
        PrintWriter pw = spec.commandLine().getOut();
        if (top < 1) {
            throw new IllegalArgumentException("--top = " + top + " must be >= 1");
        }
        Table data = DemoData.generate(common.seed);
        int[] labels = data.labels().orElseThrow();
        int anomalies = Arrays.stream(labels).sum();
        pw.printf(Locale.ROOT, "Argus %s demo: %d rows x %d columns, 3 clusters of different density, %d planted anomalies (seed %d)%n%n",
                Argus.version(), data.rows(), data.cols(), anomalies, common.seed);
        AtomicFiles.writeString(out.resolve("demo-data.csv"), csv(data, labels));

        List<MethodResult> results = new ArrayList<>();
        MethodRegistry registry = MethodRegistry.load();
        for (MethodRegistry.Entry e : methods(registry)) {
            @SuppressWarnings("unchecked")
            MethodProvider<Table, ?> p = (MethodProvider<Table, ?>) e.provider();
            Training.Result r;
            try (Context ctx = common.context()) {
                r = Training.fit(p, Map.of(), data, null, DEMO_THRESHOLD, ctx);
            }
            Path modelFile = out.resolve(p.name() + ModelFiles.EXTENSION);
            ModelFiles.write(modelFile, r.saved());
            double[] s = r.trainingScores();
            boolean[] flags = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                flags[i] = r.saved().threshold().flags(s[i]);
            }
            results.add(new MethodResult(p.name(), s, r.saved().calibration().apply(s), flags, BinaryMetrics.auroc(s, labels),
                    BinaryMetrics.averagePrecision(s, labels), BinaryMetrics.precisionAtN(s, labels),
                    (r.fit().fitNanos() + r.fit().scoreNanos()) / 1e9, modelFile));
        }

        // Rank rows by the mean calibrated score: calibration puts every method on the same [0, 1] scale.
        double[] consensus = new double[data.rows()];
        for (MethodResult m : results) {
            for (int i = 0; i < consensus.length; i++) {
                consensus[i] += m.calibrated()[i] / results.size();
            }
        }
        Integer[] order = IntStream.range(0, data.rows()).boxed().sorted(Comparator.comparingDouble((Integer i) -> -consensus[i])
                .thenComparingInt(i -> i)).toArray(Integer[]::new);
        pw.printf("Top %d anomalies (consensus: mean calibrated score over %d methods, each the share of training rows scored lower;%n"
                + "flagged by: how many methods flag the row at their threshold):%n", top, results.size());
        pw.println(String.format(Locale.ROOT, "%6s %8s %8s %9s %10s  %s", "row", "x", "y", "consensus", "flagged by", "truth"));
        int shownAnomalies = 0;
        for (int r = 0; r < Math.min(top, order.length); r++) {
            int i = order[r];
            int votes = 0;
            for (MethodResult m : results) {
                votes += m.flags()[i] ? 1 : 0;
            }
            pw.println(String.format(Locale.ROOT, "%6d %8.2f %8.2f %9.3f %4d of %2d  %s", i, data.get(i, 0), data.get(i, 1), consensus[i],
                    votes, results.size(), labels[i] == 1 ? "anomaly" : "normal"));
            shownAnomalies += labels[i];
        }
        pw.printf("%d of the top %d are planted anomalies.%n%n", shownAnomalies, Math.min(top, order.length));

        pw.printf("%-12s %7s %7s %7s %9s %8s  %s%n", "method", "AUROC", "AP", "P@n", "flagged", "seconds", "model file");
        for (MethodResult m : results) {
            int flagged = 0;
            int hits = 0;
            for (int i = 0; i < labels.length; i++) {
                if (m.flags()[i]) {
                    flagged++;
                    hits += labels[i];
                }
            }
            pw.printf(Locale.ROOT, "%-12s %7.3f %7.3f %7.3f %4d (%2d) %8.3f  %s%n", m.name(), m.auroc(), m.ap(), m.precisionAtN(), flagged, hits,
                    m.seconds(), m.model());
        }
        pw.println("(P@n: precision among the top n = " + anomalies + " rows; flagged: rows at or above the threshold "
                + DEMO_THRESHOLD + ", in brackets how many are planted anomalies)");
        Path report = out.resolve("report.html");
        AtomicFiles.writeString(report, html(data, labels, results, consensus, order));
        pw.println();
        pw.println("wrote " + report + ", " + out.resolve("demo-data.csv") + " and one model file per method");
        pw.println("next: ./argus score --model " + out.resolve("lof.safetensors") + " --data " + out.resolve("demo-data.csv")
                + " --label label --out scores.csv");
        List<String> neural = registry.forData(Table.class).stream().filter(e -> NeuralMethods.isNeural(e.provider()))
                .map(MethodRegistry.Entry::name).toList();
        if (!neural.isEmpty()) {
            pw.println("not in the demo: " + String.join(", ", neural) + " (neural; " + NeuralMethods.FIRST_USE + "); try ./argus fit --method "
                    + neural.get(0) + " --data " + out.resolve("demo-data.csv") + " --label label --model " + neural.get(0) + ".safetensors");
        }
    }

    /** The demo's methods: every table method but the neural ones. */
    static List<MethodRegistry.Entry> methods(MethodRegistry registry) {
        return registry.forData(Table.class).stream().filter(e -> !NeuralMethods.isNeural(e.provider())).toList();
    }

    private static String csv(Table data, int[] labels) {
        StringBuilder sb = new StringBuilder("x,y,label\n");
        for (int i = 0; i < data.rows(); i++) {
            sb.append(data.get(i, 0)).append(',').append(data.get(i, 1)).append(',').append(labels[i]).append('\n');
        }
        return sb.toString();
    }

    private String html(Table data, int[] labels, List<MethodResult> results, double[] consensus, Integer[] order) {
        float[] x = new float[data.rows()];
        float[] y = new float[data.rows()];
        boolean[] truth = new boolean[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            x[i] = data.get(i, 0);
            y[i] = data.get(i, 1);
            truth[i] = labels[i] == 1;
        }
        StringBuilder sb = new StringBuilder(Html.head("Argus demo"));
        sb.append("<h1>Argus demo</h1>\n<p>").append(data.rows()).append(" generated rows: three 2-D Gaussian clusters of different ")
                .append("density, 20 global and 10 local planted anomalies (seed ").append(common.seed).append("). Each method ran with ")
                .append("its defaults; the threshold flags the top 2% of training scores. Argus ").append(Html.esc(Argus.version()))
                .append(".</p>\n<h2>Results</h2>\n<table><tr><th>method</th><th>AUROC</th><th>AP</th><th>P@n</th><th>seconds</th></tr>\n");
        for (MethodResult m : results) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>%n",
                    Html.esc(m.name()), m.auroc(), m.ap(), m.precisionAtN(), m.seconds()));
        }
        sb.append("</table>\n<h2>Ground truth</h2>\n<p>Planted anomalies in red.</p>\n");
        double[] truthShade = new double[data.rows()];
        for (int i = 0; i < truthShade.length; i++) {
            truthShade[i] = truth[i] ? 1 : 0;
        }
        sb.append(Html.scatter(x, y, truthShade, truth, "x", "y"));
        for (MethodResult m : results) {
            // Calibrated scores are ranks: colouring only the top decile keeps the picture about anomalies.
            double[] shade = new double[m.calibrated().length];
            for (int i = 0; i < shade.length; i++) {
                shade[i] = Math.max(0, (m.calibrated()[i] - 0.9) / 0.1);
            }
            sb.append("<h2>").append(Html.esc(m.name())).append("</h2>\n<p>Colour: calibrated score from 0.9 (white) to 1 (red); "
                    + "outlined: flagged. ")
                    .append(String.format(Locale.ROOT, "AUROC %.3f, AP %.3f.", m.auroc(), m.ap())).append("</p>\n");
            sb.append(Html.scatter(x, y, shade, m.flags(), "x", "y"));
        }
        sb.append("<h2>Top anomalies by consensus</h2>\n<table><tr><th>row</th><th>x</th><th>y</th>");
        for (MethodResult m : results) {
            sb.append("<th>").append(Html.esc(m.name())).append("</th>");
        }
        sb.append("<th>consensus</th><th>truth</th></tr>\n");
        for (int r = 0; r < Math.min(top, order.length); r++) {
            int i = order[r];
            sb.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.2f</td><td>%.2f</td>", i, x[i], y[i]));
            for (MethodResult m : results) {
                sb.append(String.format(Locale.ROOT, "<td>%.3f</td>", m.calibrated()[i]));
            }
            sb.append(String.format(Locale.ROOT, "<td>%.3f</td><td>%s</td></tr>%n", consensus[i], labels[i] == 1 ? "anomaly" : "normal"));
        }
        sb.append("</table>\n").append(Html.tail());
        return sb.toString();
    }
}
