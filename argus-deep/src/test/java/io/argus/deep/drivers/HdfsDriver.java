package io.argus.deep.drivers;

import io.argus.core.Context;
import io.argus.deep.logs.DeepLog;
import io.argus.deep.logs.DeepLogParams;
import io.argus.logs.eval.LogProtocols;
import io.argus.logs.session.EventSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * DeepLog on DeepLog's HDFS key sequences under the hdfs bench suite's split
 * ({@link LogProtocols#hdfsSplit} with {@link LogProtocols#HDFS_SPLIT_SEED}: a seeded 80% of the normal
 * sessions for training, the other 20% and every abnormal session for testing). The threshold is the
 * model's g, chosen on the training sessions before any test data is seen. Reports recall on the
 * abnormal sessions, the false-positive rate on the held-back normal sessions and on the training
 * sessions, the time and the peak memory; then, as a diagnostic only, the same figures for other g.
 * {@code argus bench --suite hdfs --methods deeplog} gives the suite's figures; this driver adds the
 * sweep over g.
 *
 * <p>Usage: {@code HdfsDriver HDFS_DEEPLOG_DIR [epochs=100] [seed=42]} (the folder holding {@code data/}).
 */
public final class HdfsDriver {

    private HdfsDriver() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir.resolve("data")) && Files.isRegularFile(dir.resolve("hdfs_train"))) {
            dir = dir.toAbsolutePath().getParent(); // given the data/ folder itself
        }
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : DeepLogParams.DEFAULTS.epochs();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        LogProtocols.Split split = LogProtocols.hdfsSplit(dir, LogProtocols.HDFS_SPLIT_SEED);
        EventSessions train = split.train();
        int[] y = split.test().labels().orElseThrow();
        EventSessions test = split.test().withoutLabels();
        DeepLogParams p = DeepLogParams.DEFAULTS.withEpochs(epochs);
        try (Context ctx = Context.builder().seed(seed).threads(1).build()) {
            long t0 = System.nanoTime();
            DeepLog.DeepLogModel m = (DeepLog.DeepLogModel) new DeepLog(p).fit(train, ctx);
            long t1 = System.nanoTime();
            double[] sTrain = m.score(train, ctx).toArray();
            double[] sTest = m.score(test, ctx).toArray();
            long t2 = System.nanoTime();
            double[] sHeld = select(sTest, y, 0);
            double[] sAb = select(sTest, y, 1);
            System.out.printf(Locale.ROOT, "deeplog hdfs: train %d normal sessions, held-out %d normal, %d abnormal; epochs <= %d, seed %d%n",
                    train.size(), sHeld.length, sAb.length, epochs, seed);
            System.out.printf(Locale.ROOT, "fit %.1f s, scoring all %d sessions %.1f s, peak RSS %d MB%n", (t1 - t0) / 1e9,
                    train.size() + test.size(), (t2 - t1) / 1e9, AdbenchDriver.peakRssMb());
            line("g=" + m.g() + " (chosen on training sessions, fprTarget " + p.fprTarget() + ")", m.g(), sTrain, sHeld, sAb);
            line("g=" + p.topG() + " (paper)", p.topG(), sTrain, sHeld, sAb);
            System.out.println("diagnostic sweep (not used to choose anything):");
            for (int g = 1; g <= 15; g++) {
                line("g=" + g, g, sTrain, sHeld, sAb);
            }
        }
    }

    private static double[] select(double[] s, int[] y, int label) {
        return java.util.stream.IntStream.range(0, s.length).filter(i -> y[i] == label).mapToDouble(i -> s[i]).toArray();
    }

    private static void line(String label, int g, double[] train, double[] held, double[] ab) {
        double fprTrain = rate(train, g);
        double fpr = rate(held, g);
        double recall = rate(ab, g);
        long tp = Math.round(recall * ab.length);
        long fp = Math.round(fpr * held.length);
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        System.out.printf(Locale.ROOT, "%-48s recall %.4f  FPR(held-out normal) %.4f  FPR(train) %.4f  precision(held-out mix) %.4f%n", label, recall,
                fpr, fprTrain, precision);
    }

    private static double rate(double[] s, int g) {
        return Arrays.stream(s).filter(v -> v > g).count() / (double) s.length;
    }
}
