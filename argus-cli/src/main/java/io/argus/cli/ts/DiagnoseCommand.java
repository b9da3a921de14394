package io.argus.cli.ts;

import io.argus.core.data.Series;
import io.argus.timeseries.diagnose.Correlation;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Label;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Options;
import io.argus.timeseries.diagnose.CrossChannelDiagnostic.Segment;
import io.argus.timeseries.diagnose.SyntheticCrossChannel;
import io.argus.timeseries.io.SeriesCsvReader;
import io.argus.timeseries.prep.RawSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code argus ts diagnose}: the per-segment univariate vs cross-channel test of "Anomalies in
 * Multivariate Time Series Benchmarks Are Mostly Univariate" on a labelled series, or on the paper's
 * synthetic data.
 */
@Command(name = "diagnose", description = {
        "Label each anomalous segment of a multivariate series UNIVARIATE, CROSS_CHANNEL, BOTH or UNDETECTED",
        "(the test of 'Anomalies in Multivariate Time Series Benchmarks Are Mostly Univariate').",
        "FILE: CSV with a header, value columns, a 0/1 'label' column, optional 'timestamp' and 0/1 'train' columns;",
        "channels are standardised on the train rows (without a train column: on the rows labelled 0)."})
public final class DiagnoseCommand implements Runnable {

    /** Which correlations to run. */
    enum Corr {
        PEARSON, SPEARMAN, DCOR, ALL
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "labelled series (CSV); omit with --synthetic")
    Path file;

    @Option(names = "--synthetic", paramLabel = "KIND", description = "the paper's synthetic data instead of FILE: noiseflip or roll")
    SyntheticCrossChannel.Corruption synthetic;

    @Option(names = "--data-seed", paramLabel = "SEED", defaultValue = "2026", description = "seed of the synthetic data (default: ${DEFAULT-VALUE})")
    long dataSeed;

    @Option(names = "--corr", paramLabel = "M", defaultValue = "pearson", description = "pearson, spearman, dcor or all (default: ${DEFAULT-VALUE})")
    Corr corr;

    @Option(names = "--z", paramLabel = "Z", defaultValue = "3.0", description = "univariate |z| threshold (default: ${DEFAULT-VALUE})")
    double z;

    @Option(names = "--rho", paramLabel = "R", defaultValue = "0.1", description = "correlation-shift threshold (default: ${DEFAULT-VALUE})")
    double rho;

    @Option(names = "--context", paramLabel = "N", defaultValue = "300", description = "normal steps of context (default: ${DEFAULT-VALUE})")
    int context;

    @Option(names = "--min-length", paramLabel = "N", defaultValue = "10", description = "shortest segment for the cross-channel test (default: ${DEFAULT-VALUE})")
    int minLength;

    @Option(names = "--short-min-context", paramLabel = "N", defaultValue = "0",
            description = "context accepted for segments shorter than --min-length (0: as long ones)")
    int shortMinContext;

    @Option(names = "--grid", description = "print the sensitivity grid (CROSS_CHANNEL-only segments per z and rho)")
    boolean grid;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if ((file == null) == (synthetic == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either FILE or --synthetic KIND");
        }
        Series train;
        Series test;
        if (synthetic != null) {
            SyntheticCrossChannel.Pair p = SyntheticCrossChannel.generate(synthetic, dataSeed);
            train = p.train();
            test = p.test();
            out.println("data: synthetic " + synthetic.name().toLowerCase(Locale.ROOT) + ", seed " + dataSeed + " (train " + train.steps()
                    + " steps, test " + test.steps() + " steps, " + test.channels() + " channels)");
        } else {
            RawSeries.Cleaned c = SeriesCsvReader.defaults().read(file);
            Series s = c.series();
            if (s.labels().isEmpty()) {
                throw new IllegalArgumentException(file + ": no 'label' column; the diagnostic needs labelled anomalies");
            }
            Series[] split = split(s, c.train());
            train = split[0];
            test = split[1];
            out.println("data: " + file + " (" + s.steps() + " steps, " + s.channels() + " channels; scaler fitted on " + train.steps()
                    + (c.train() == null ? " rows labelled 0" : " train rows") + ")");
        }
        List<Correlation> methods = corr == Corr.ALL ? List.of(Correlation.values())
                : List.of(corr == Corr.DCOR ? Correlation.DISTANCE : Correlation.valueOf(corr.name()));
        for (Correlation m : methods) {
            Options o = new Options(z, rho, context, minLength, shortMinContext, m);
            List<Segment> segs = CrossChannelDiagnostic.diagnose(train, test, o);
            out.printf("%ncorrelation %s, z > %s, delta-rho > %s, context %d%n", m.name().toLowerCase(Locale.ROOT), z, rho, context);
            out.printf("%8s %8s %7s %8s %9s %10s  %s%n", "START", "END", "LENGTH", "MAX_Z", "DELTA_RHO", "UNI_INTENS", "LABEL");
            for (Segment s : segs) {
                out.printf("%8d %8d %7d %8.3f %9s %10s  %s%n", s.start(), s.end(), s.length(), s.maxZ(),
                        Double.isNaN(s.deltaRho()) ? "-" : String.format(Locale.ROOT, "%.4f", s.deltaRho()),
                        Double.isNaN(s.univariateIntensity()) ? "-" : String.format(Locale.ROOT, "%.3f", s.univariateIntensity()), s.label(z, rho));
            }
            Map<Label, Integer> counts = CrossChannelDiagnostic.counts(segs, z, rho);
            out.print("segments: " + segs.size());
            counts.forEach((k, v) -> out.print(", " + k + " " + v));
            out.println();
            if (!segs.isEmpty()) {
                out.printf(Locale.ROOT, "cross-channel only: %.1f%%%n", 100.0 * counts.get(Label.CROSS_CHANNEL) / segs.size());
            }
            if (grid) {
                int[][] g = CrossChannelDiagnostic.sensitivityGrid(segs);
                out.print("sensitivity grid (CROSS_CHANNEL-only segments), rows z, columns rho:\n   z \\ rho");
                for (double r : CrossChannelDiagnostic.GRID_RHO) {
                    out.printf(Locale.ROOT, " %5.1f", r);
                }
                out.println();
                for (int i = 0; i < g.length; i++) {
                    out.printf(Locale.ROOT, "%9.0f", CrossChannelDiagnostic.GRID_Z[i]);
                    for (int v : g[i]) {
                        out.printf(" %5d", v);
                    }
                    out.println();
                }
            }
        }
    }

    /** Training rows (train = 1, else label = 0) and the rest, as two series. */
    private static Series[] split(Series s, int[] trainFlags) {
        int[] labels = s.labels().orElseThrow();
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int t = 0; t < s.steps(); t++) {
            boolean isTrain = trainFlags != null ? trainFlags[t] == 1 : labels[t] == 0;
            if (isTrain) {
                tr.add(t);
            }
            if (trainFlags == null || trainFlags[t] == 0) {
                te.add(t);
            }
        }
        return new Series[] {gather(s, tr, false), gather(s, te, true)};
    }

    private static Series gather(Series s, List<Integer> rows, boolean labelled) {
        int c = s.channels();
        float[] v = new float[rows.size() * c];
        int[] l = labelled ? new int[rows.size()] : null;
        for (int i = 0; i < rows.size(); i++) {
            int t = rows.get(i);
            for (int k = 0; k < c; k++) {
                v[i * c + k] = s.get(t, k);
            }
            if (l != null) {
                l[i] = s.labels().orElseThrow()[t];
            }
        }
        return Series.of(rows.size(), c, v, null, s.names(), l, s.source());
    }
}
