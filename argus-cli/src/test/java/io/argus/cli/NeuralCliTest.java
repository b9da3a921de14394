package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neural methods (argus-deep) through the command line: the demo and the method listing never start
 * the PyTorch engine, and a neural method fits, scores and benchmarks like any other. Training settings
 * are tiny here (the bench runs the published ones).
 */
class NeuralCliTest {

    @TempDir
    Path tmp;

    /**
     * Runs the CLI in a fresh JVM whose DJL cache and home folder are empty temporary folders: if anything
     * started the engine, PyTorch's native library (432 MB) would be unpacked into one of them.
     */
    @Test
    void theDemoAndTheMethodListNeverStartThePyTorchEngine() throws Exception {
        Path cache = tmp.resolve("djl-cache");
        Path home = Files.createDirectories(tmp.resolve("home"));
        run(cache, home, "methods");
        run(cache, home, "methods", "autoencoder");
        String demo = run(cache, home, "demo", "--out", tmp.resolve("demo").toString(), "--threads", "1", "--quiet");
        assertThat(demo).contains("Top 10 anomalies").contains("not in the demo: autoencoder, deep-svdd");
        assertThat(cache).doesNotExist();
        try (Stream<Path> s = Files.walk(home)) {
            assertThat(s.filter(p -> !p.equals(home)).map(Path::toString).toList()).as("files written under the home folder").isEmpty();
        }
    }

    private static String run(Path cache, Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), ArgusCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().remove("ENGINE_CACHE_DIR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("exit status of argus %s; output:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    void aNeuralTableMethodFitsAndScoresThroughTheCli() throws IOException {
        Path train = Cli.write(tmp.resolve("train.csv"), Cli.csv(200, 3, 1, false));
        Path model = tmp.resolve("ae.safetensors");
        Cli.Result fit = Cli.run("fit", "--method", "autoencoder", "--param", "epochs=3", "--param", "hidden=8,4", "--data", train.toString(),
                "--model", model.toString(), "--threads", "1", "--quiet").assertOk();
        assertThat(fit.out()).contains("fitted autoencoder on").contains("200 rows x 3 columns").contains("wrote " + model);
        Path test = Cli.write(tmp.resolve("test.csv"), Cli.csv(60, 3, 2, true));
        Path scores = tmp.resolve("scores.csv");
        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", test.toString(), "--label", "label", "--out",
                scores.toString(), "--threads", "1", "--quiet").assertOk();
        assertThat(score.out()).contains("scored 60 rows").contains("with autoencoder");
        // the planted outliers lie 5 units away in every column: even a 3-epoch network ranks them first
        double auroc = Double.parseDouble(score.out().replaceAll("(?s).*auroc=([0-9.]+).*", "$1"));
        assertThat(auroc).isGreaterThan(0.9);
        assertThat(Files.readAllLines(scores)).hasSize(61);
        Cli.Result models = Cli.run("methods", "autoencoder").assertOk();
        assertThat(models.out()).containsPattern("(?m)^epochs\\s+int\\s+10\\s");
    }

    /** DeepLog with settings small enough for a test: h = 1, so the model learns the transitions of a three-step workflow. */
    private static final String[] TINY_DEEPLOG = {"window=1", "hidden=8", "layers=1", "epochs=40", "batchSize=4", "learningRate=0.05", "topG=1",
        "fprTarget=0"};

    @Test
    void deeplogRunsInTheHdfsSuiteBesideTheNextEventModel() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("hdfs_deeplog").resolve("data"));
        StringBuilder normal = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            normal.append(i % 3 == 0 ? "1 2 3 1 2 3\n" : "1 2 3\n");
        }
        Cli.write(data.resolve("hdfs_train"), normal.toString());
        Cli.write(data.resolve("hdfs_test_abnormal"), "1 3 2\n1 2 7\n2 1 3\n");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("bench", "--suite", "hdfs", "--data", tmp.toString(), "--methods", "deeplog[" + String.join(";", TINY_DEEPLOG) + "],next-event",
                "--seeds", "1", "--threads", "1", "--out", out.toString(), "--quiet").assertOk();
        assertThat(r.out()).contains("bench hdfs: 2 runs");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).contains("recall", "fpr", "threshold");
        for (String prefix : new String[] {"hdfs,hdfs_deeplog,deeplog[", "hdfs,hdfs_deeplog,next-event,"}) {
            String row = rows.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            List<String> f = List.of(row.split(",(?![^\\[]*\\])")); // the method label holds ';' but no ','
            assertThat(f.get(header.indexOf("status"))).isEqualTo("ok");
            assertThat(Double.parseDouble(f.get(header.indexOf("recall")))).as(row).isEqualTo(1.0);
            assertThat(Double.parseDouble(f.get(header.indexOf("fpr")))).as(row).isEqualTo(0.0);
        }
        String deeplog = rows.stream().filter(l -> l.startsWith("hdfs,hdfs_deeplog,deeplog[")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(deeplog.substring(deeplog.lastIndexOf(',') + 1))).as("threshold g + 1").isEqualTo(2.0);
    }

    @Test
    void logsDetectRunsDeeplogWithItsOwnThresholdAndExplanations() throws IOException {
        StringBuilder train = new StringBuilder();
        for (int b = 0; b < 40; b++) {
            String t = String.format(Locale.ROOT, "081109 2036%02d 1 INFO dfs.X: ", b % 60);
            train.append(t).append("open blk_").append(b).append('\n');
            train.append(t).append("read blk_").append(b).append(" bytes 5\n");
            train.append(t).append("close blk_").append(b).append('\n');
        }
        Path tr = Cli.write(tmp.resolve("train.log"), train.toString());
        Path te = Cli.write(tmp.resolve("test.log"), """
                081110 100000 1 INFO dfs.X: open blk_100
                081110 100000 1 INFO dfs.X: read blk_100 bytes 7
                081110 100000 1 INFO dfs.X: close blk_100
                081110 100001 1 INFO dfs.X: open blk_101
                081110 100001 1 INFO dfs.X: close blk_101
                081110 100001 1 INFO dfs.X: read blk_101 bytes 9
                081110 100002 1 INFO dfs.X: open blk_102
                081110 100002 1 INFO dfs.X: delete blk_102 now
                """);
        Path csv = tmp.resolve("scores.csv");
        List<String> args = new ArrayList<>(List.of("logs", "detect", "--train", tr.toString(), "--test", te.toString(), "--preset", "hdfs",
                "--method", "deeplog", "--out", csv.toString(), "--threads", "1"));
        for (String p : TINY_DEEPLOG) {
            args.addAll(List.of("--param", p));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new)).assertOk();
        assertThat(r.out()).contains("deeplog: fitted on 40 units").contains("flagged 2 of 3 units").contains("threshold 2.00000, deeplog's own rule")
                .contains("blk_102  score 4.00000").contains("event never seen in training, at position 1")
                .contains("blk_101  score ").containsPattern("next events at position 1 after \\[open [^]]*\\]; the top 1 were \\[read ");
        assertThat(Files.readAllLines(csv)).hasSize(4).contains("blk_100,1.0,0").anySatisfy(l -> assertThat(l).startsWith("blk_101,").endsWith(",1"))
                .contains("blk_102,4.0,1");
    }

    @Test
    void neuralMethodsRunInTheTableAndSeriesBenchSuites() throws IOException {
        Cli.npz(tmp.resolve("adbench_classical").resolve("1_small.npz"), 80, 3, 1);
        Path out = tmp.resolve("out");
        Cli.Result table = Cli.run("bench", "--suite", "adbench", "--data", tmp.toString(), "--methods",
                "autoencoder[epochs=2;hidden=8],deep-svdd[epochs=2;hidden=8]", "--seeds", "1", "--threads", "1", "--out", out.toString(),
                "--quiet").assertOk();
        assertThat(table.out()).contains("bench adbench: 2 runs").contains("[2/2]");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).anySatisfy(l -> assertThat(l).startsWith("adbench,1_small,autoencoder[").contains(",ok,"))
                .anySatisfy(l -> assertThat(l).startsWith("adbench,1_small,deep-svdd[").contains(",ok,"));

        // a sine with a burst, trained on its first half
        StringBuilder csv = new StringBuilder("value,label,train\n");
        for (int t = 0; t < 400; t++) {
            boolean burst = t >= 300 && t < 310;
            double v = Math.sin(2 * Math.PI * t / 25.0) + (burst ? 4 : 0);
            csv.append(String.format(Locale.ROOT, "%.5f,%d,%d%n", v, burst ? 1 : 0, t < 200 ? 1 : 0));
        }
        Path series = Files.createDirectories(tmp.resolve("series"));
        Cli.write(series.resolve("sine.csv"), csv.toString());
        Path seriesOut = tmp.resolve("series-out");
        Cli.Result s = Cli.run("bench", "--suite", "series-dir", "--data", series.toString(), "--methods",
                "conv-ae[window=8;filters=4;kernel=3;epochs=2],lstm-ae[window=5;hidden=8;epochs=2]", "--seeds", "1", "--threads", "1",
                "--out", seriesOut.toString(), "--quiet").assertOk();
        assertThat(s.out()).contains("bench series-dir: 2 runs");
        assertThat(Files.readAllLines(seriesOut.resolve("results.csv"))).filteredOn(l -> l.startsWith("series-dir,sine,"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains(",ok,"));
    }
}
