package io.argus.deep.drivers;

import io.argus.core.Context;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.params.MethodProvider;
import io.argus.deep.table.AutoEncoderProvider;
import io.argus.deep.table.DeepSvddProvider;
import io.argus.metrics.BinaryMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * ADBench unsupervised protocol for the deep table methods until the bench can load argus-deep: for each
 * {@code adbench_classical/*.npz}, fit on the rows (labels removed) and score every row; AUROC and AP;
 * training and scoring time; the process's peak resident memory (VmHWM, PyTorch's native memory
 * included) at the end. Files with more than {@code maxTrain} rows are fitted on a seeded subsample of
 * {@code maxTrain} rows and still scored on all rows. One seed (the protocol asks for three; time).
 *
 * <p>Usage: {@code AdbenchDriver DATA_DIR OUT.tsv [maxTrain=10000] [methods=autoencoder,deep-svdd]}.
 */
public final class AdbenchDriver {

    private AdbenchDriver() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int maxTrain = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        List<String> methods = args.length > 3 ? Arrays.asList(args[3].split(",")) : List.of("autoencoder", "deep-svdd");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".npz")).sorted().toList();
        }
        List<String> lines = new ArrayList<>();
        lines.add("method\tfile\tn\td\ttrain_rows\tauroc\tap\tfit_s\tscore_s\tpeak_rss_mb");
        Files.writeString(out, lines.get(0) + "\n");
        for (String method : methods) {
            MethodProvider<Table, ?> provider = provider(method);
            for (Path f : files) {
                Table t = TableReaders.read(f);
                int[] y = t.labels().orElseThrow();
                Table all = t.withoutLabels();
                Table train = all.rows() > maxTrain ? all.select(sample(all.rows(), maxTrain, 42)) : all;
                try (Context ctx = Context.builder().seed(42).threads(1).build()) {
                    long t0 = System.nanoTime();
                    var model = fit(provider, train, ctx);
                    long t1 = System.nanoTime();
                    double[] s = model.score(all, ctx).toArray();
                    long t2 = System.nanoTime();
                    String line = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.2f\t%.2f\t%d", method,
                            f.getFileName().toString().replace(".npz", ""), all.rows(), all.cols(), train.rows(), BinaryMetrics.auroc(s, y),
                            BinaryMetrics.averagePrecision(s, y), (t1 - t0) / 1e9, (t2 - t1) / 1e9, peakRssMb());
                    System.out.println(line);
                    Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static MethodProvider<Table, ?> provider(String name) {
        return switch (name) {
            case "autoencoder" -> new AutoEncoderProvider();
            case "deep-svdd" -> new DeepSvddProvider();
            default -> throw new IllegalArgumentException("unknown method " + name);
        };
    }

    private static <P extends Record> io.argus.core.Model<Table> fit(MethodProvider<Table, P> p, Table train, Context ctx) {
        return p.detector(p.defaults()).fit(train, ctx);
    }

    private static int[] sample(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    /** Peak resident set size of this process in MB (Linux VmHWM), or -1. */
    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
