package io.argus.deep.drivers;

import io.argus.core.Context;
import io.argus.deep.logs.DeepLog;
import io.argus.deep.logs.DeepLogParams;
import io.argus.deep.logs.KeySequences;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * DeepLog on DeepLog's HDFS key sequences: train on a seeded 80% of the normal sessions
 * ({@code hdfs_train}), hold back the other 20%; the threshold is the paper's g (score &gt; g flags a
 * session), fixed before any test data is seen. Reports recall on {@code hdfs_test_abnormal}, the
 * false-positive rate on the held-back normal sessions and on the training sessions, and the time and
 * peak memory; then, as a diagnostic only, the same figures for other g.
 *
 * <p>Usage: {@code HdfsDriver HDFS_DATA_DIR [epochs=100] [seed=42]}.
 */
public final class HdfsDriver {

    private HdfsDriver() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : DeepLogParams.DEFAULTS.epochs();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        KeySequences normal = KeySequences.read(dir.resolve("hdfs_train"));
        KeySequences abnormal = KeySequences.read(dir.resolve("hdfs_test_abnormal"));
        int[][] split = split(normal.size(), 0.8, seed);
        KeySequences train = normal.select(split[0]);
        KeySequences heldOut = normal.select(split[1]);
        DeepLogParams p = DeepLogParams.DEFAULTS.withEpochs(epochs);
        try (Context ctx = Context.builder().seed(seed).threads(1).build()) {
            long t0 = System.nanoTime();
            DeepLog.DeepLogModel m = (DeepLog.DeepLogModel) new DeepLog(p).fit(train, ctx);
            long t1 = System.nanoTime();
            double[] sTrain = m.score(train, ctx).toArray();
            double[] sHeld = m.score(heldOut, ctx).toArray();
            double[] sAb = m.score(abnormal, ctx).toArray();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "deeplog hdfs: train %d normal sessions, held-out %d normal, %d abnormal; epochs <= %d, seed %d%n",
                    train.size(), heldOut.size(), abnormal.size(), epochs, seed);
            System.out.printf(Locale.ROOT, "fit %.1f s, scoring all %d sessions %.1f s, peak RSS %d MB%n", (t1 - t0) / 1e9,
                    train.size() + heldOut.size() + abnormal.size(), (t2 - t1) / 1e9, AdbenchDriver.peakRssMb());
            line("g=" + m.threshold() + " (chosen on training sessions, fprTarget " + p.fprTarget() + ")", m.threshold(), sTrain, sHeld, sAb);
            line("g=" + p.topG() + " (paper)", p.topG(), sTrain, sHeld, sAb);
            System.out.println("diagnostic sweep (not used to choose anything):");
            for (int g = 1; g <= 15; g++) {
                line("g=" + g, g, sTrain, sHeld, sAb);
            }
        }
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

    static int[][] split(int n, double trainShare, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int k = (int) Math.round(n * trainShare);
        int[] a = Arrays.copyOfRange(idx, 0, k);
        int[] b = Arrays.copyOfRange(idx, k, n);
        Arrays.sort(a);
        Arrays.sort(b);
        return new int[][] {a, b};
    }
}
