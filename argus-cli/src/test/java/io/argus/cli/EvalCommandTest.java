package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.metrics.BinaryMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path dir;

    static final double[] SCORES = {0.9, 0.1, 0.8, 0.3, 0.3, 0.7, 0.2, 0.05};
    static final int[] LABELS = {1, 0, 1, 0, 1, 0, 0, 0};

    /**
     * Runs {@code argus eval ...} through ArgusCli once it registers the command; until then through a
     * CommandLine of EvalCommand with the same one-line error format.
     */
    static Cli.Result eval(String... args) {
        if (new CommandLine(new ArgusCli()).getSubcommands().containsKey("eval")) {
            String[] full = new String[args.length + 1];
            full[0] = "eval";
            System.arraycopy(args, 0, full, 1, args.length);
            return Cli.run(full);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EvalCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("argus: error: " + e.getMessage());
            c.getErr().flush();
            return 1;
        });
        int code = cl.execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private Path plain(String name, double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(x).append('\n');
        }
        return Cli.write(dir.resolve(name), sb.toString());
    }

    private Path plainLabels(String name) {
        StringBuilder sb = new StringBuilder();
        for (int y : LABELS) {
            sb.append(y).append('\n');
        }
        return Cli.write(dir.resolve(name), sb.toString());
    }

    @Test
    void plainFilesPrintEveryBinaryMetric() {
        Cli.Result r = eval("--scores", plain("s.txt", SCORES).toString(), "--labels", plainLabels("y.txt").toString()).assertOk();
        String expected = "auroc=" + BinaryMetrics.auroc(SCORES, LABELS) + "\n"
                + "ap=" + BinaryMetrics.averagePrecision(SCORES, LABELS) + "\n"
                + "auprc_trapezoid=" + BinaryMetrics.auprcTrapezoid(SCORES, LABELS) + "\n"
                + "f1_max=" + BinaryMetrics.f1Max(SCORES, LABELS).f1() + "\n"
                + "f1_max_threshold=" + BinaryMetrics.f1Max(SCORES, LABELS).threshold() + "\n"
                + "precision_at_n=" + BinaryMetrics.precisionAtN(SCORES, LABELS) + "\n"
                + "recall_at_fpr_0.01=" + BinaryMetrics.recallAtFpr(SCORES, LABELS, 0.01) + "\n";
        assertThat(r.out().replace("\r\n", "\n")).isEqualTo(expected);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void scoresCsvOfArgusScoreAndLabelledDataCsvWorkDirectly() {
        StringBuilder scores = new StringBuilder("row,score,calibrated,flag\n");
        StringBuilder data = new StringBuilder("a,b,label\n");
        for (int i = 0; i < SCORES.length; i++) {
            scores.append(i).append(',').append(SCORES[i]).append(",0.5,").append(LABELS[i]).append('\n');
            data.append("1.5,\"x, y\",").append(LABELS[i]).append('\n');
        }
        Path s = Cli.write(dir.resolve("scores.csv"), scores.toString());
        Path y = Cli.write(dir.resolve("data.csv"), data.toString());
        Cli.Result r = eval("--scores", s.toString(), "--labels", y.toString(), "--metrics", "auroc,recall_at_fpr_0.2", "--json").assertOk();
        assertThat(r.out().trim()).isEqualTo(String.format(Locale.ROOT, "{\"auroc\": %s, \"recall_at_fpr_0.2\": %s}",
                BinaryMetrics.auroc(SCORES, LABELS), BinaryMetrics.recallAtFpr(SCORES, LABELS, 0.2)));
        // --column picks another column: the flag column as scores.
        Cli.Result flag = eval("--scores", s.toString(), "--column", "flag", "--labels", y.toString(), "--metrics", "auroc").assertOk();
        assertThat(flag.out().trim()).isEqualTo("auroc=1.0");
    }

    @Test
    void pixelKindReadsMapsAndMasksFromNpy() throws Exception {
        // Two 2x3 images: image 0 has a perfectly separated 2-pixel defect, image 1 is defect-free.
        double[] maps = {0.9, 0.8, 0.1, 0.2, 0.1, 0.0, 0.3, 0.2, 0.1, 0.0, 0.1, 0.2};
        byte[] masks = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Path m = dir.resolve("maps.npy");
        Path k = dir.resolve("masks.npy");
        java.nio.file.Files.write(m, Cli.npy("<f8", new long[] {2, 2, 3}, Cli.f8(maps)));
        java.nio.file.Files.write(k, Cli.npy("|u1", new long[] {2, 2, 3}, masks));
        Cli.Result r = eval("--scores", m.toString(), "--labels", k.toString(), "--kind", "pixel", "--metrics", "pixel_auroc,aupro_0.3").assertOk();
        assertThat(r.out().trim()).isEqualTo("pixel_auroc=1.0\naupro_0.3=1.0");
        Path wrong = dir.resolve("wrong.npy");
        java.nio.file.Files.write(wrong, Cli.npy("|u1", new long[] {2, 3, 2}, masks));
        eval("--scores", m.toString(), "--labels", wrong.toString(), "--kind", "pixel")
                .assertOneErrorLine("shape mismatch: maps", "are [2, 2, 3] but masks", "are [2, 3, 2]");
    }

    @Test
    void seriesKindPrintsTheSeriesMetrics() {
        String s = plain("s.txt", SCORES).toString();
        String y = plainLabels("y.txt").toString();
        Cli.Result r = eval("--scores", s, "--labels", y, "--kind", "series", "--metrics", "vus_pr,range_f1").assertOk();
        assertThat(r.out().trim()).isEqualTo("vus_pr=" + io.argus.metrics.series.SeriesMetrics.byName("vus_pr").compute(SCORES, LABELS)
                + "\nrange_f1=" + io.argus.metrics.series.SeriesMetrics.byName("range_f1").compute(SCORES, LABELS));
        eval("--scores", s, "--labels", y, "--kind", "series", "--metrics", "auroc").assertOneErrorLine("unknown");
    }

    @Test
    void badInputGivesOneClearErrorLine() {
        String s = plain("s.txt", SCORES).toString();
        String y = plainLabels("y.txt").toString();
        Path shortLabels = Cli.write(dir.resolve("short.txt"), "1\n0\n");
        eval("--scores", s, "--labels", shortLabels.toString()).assertOneErrorLine("length mismatch: 8 scores in", "but 2 labels in");
        Path nan = Cli.write(dir.resolve("nan.txt"), "0.5\nnan\n");
        eval("--scores", nan.toString(), "--labels", shortLabels.toString()).assertOneErrorLine("nan.txt:2: score is nan; values must be finite");
        Path word = Cli.write(dir.resolve("word.txt"), "0.5\nhigh\n");
        eval("--scores", word.toString(), "--labels", shortLabels.toString()).assertOneErrorLine("word.txt:2: score 'high' is not a number");
        Path oneClass = Cli.write(dir.resolve("zeros.txt"), "0\n0\n0\n0\n0\n0\n0\n0\n");
        eval("--scores", s, "--labels", oneClass.toString()).assertOneErrorLine("metric undefined: labels hold no anomalies (8 units)");
        Path twos = Cli.write(dir.resolve("twos.txt"), "0\n2\n0\n0\n0\n0\n0\n1\n");
        eval("--scores", s, "--labels", twos.toString()).assertOneErrorLine("label #2 is 2.0; binary labels must be 0 or 1");
        Path csv = Cli.write(dir.resolve("noscore.csv"), "row,value\n0,1\n");
        eval("--scores", csv.toString(), "--labels", y).assertOneErrorLine("no column 'score'; columns: row, value; choose one with --column");
        Path headerless = Cli.write(dir.resolve("headerless.csv"), "0,1\n1,2\n");
        eval("--scores", headerless.toString(), "--labels", y).assertOneErrorLine("headerless.csv:1: 2 columns but no header row");
        eval("--scores", s, "--labels", y, "--metrics", "auroc,f2").assertOneErrorLine("unknown metric 'f2'; known metrics: auroc, ap");
        eval("--scores", s, "--column", "score", "--labels", y).assertOneErrorLine("--column score given, but the file has no header row");
        eval("--scores", dir.resolve("missing.txt").toString(), "--labels", y).assertOneErrorLine("missing.txt");
    }
}
