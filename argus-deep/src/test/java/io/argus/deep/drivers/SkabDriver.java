package io.argus.deep.drivers;

import io.argus.core.Context;
import io.argus.core.data.Series;
import io.argus.core.io.DataFormatException;
import io.argus.deep.series.AxonAd;
import io.argus.deep.series.AxonAdParams;
import io.argus.deep.series.ConvAutoEncoder;
import io.argus.deep.series.ConvAutoEncoderParams;
import io.argus.deep.series.LstmAutoEncoder;
import io.argus.deep.series.LstmAutoEncoderParams;
import io.argus.core.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * SKAB outlier problem with the leaderboard's protocol (SKAB core/utils.py load_preprocess_skab and the
 * notebooks' pipeline): for each of the 34 labelled files (valve1, valve2, other), the first 400 steps are
 * the training part (the scaler and the model are fitted on it) and the rest is the test part, which is
 * scored on its own (its windows are cut from the test part only); a test step is flagged when its score is
 * above the model's own control limit (from training data only; for the autoencoders SKAB's point rule
 * decides, see {@code ConvAutoEncoderParams.PointRule}), and F1, FAR = FP / (FP + TN), MAR = FN / (FN + TP)
 * are counted over the test parts of all files together.
 *
 * <p>Usage: {@code SkabDriver SKAB_DATA_DIR [epochs=100] [seed=42] [method=conv-ae|conv-ae-all|lstm-ae|axonad|axonad-small]
 * [folders=valve1,valve2,other]}; each file is fitted with its own context seeded alike, so a run split by folders gives
 * the same per-file results as one run; the epochs
 * argument caps the method's default number of epochs.
 */
public final class SkabDriver {

    static final int TRAIN_STEPS = 400;

    private SkabDriver() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : ConvAutoEncoderParams.DEFAULTS.epochs();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        List<Path> files = new ArrayList<>();
        List<String> subs = args.length > 4 ? List.of(args[4].split(",")) : List.of("valve1", "valve2", "other");
        for (String sub : subs) {
            try (Stream<Path> s = Files.list(dir.resolve(sub))) {
                files.addAll(s.filter(p -> p.toString().endsWith(".csv")).sorted().toList());
            }
        }
        long[] test = new long[4]; // tp fp tn fn
        double fitSeconds = 0;
        String method = args.length > 3 ? args[3] : "conv-ae";
        methodName = method;
        for (Path f : files) {
            Labelled l = read(f);
            Series train = l.x.slice(0, TRAIN_STEPS);
            try (Context ctx = Context.builder().seed(seed).threads(1).build()) {
                long t0 = System.nanoTime();
                Fitted m = fit(method, epochs, train, ctx);
                fitSeconds += (System.nanoTime() - t0) / 1e9;
                double[] s = m.model().score(l.x.slice(TRAIN_STEPS, l.x.size()), ctx).toArray();
                long[] file = new long[4];
                for (int j = 0; j < s.length; j++) {
                    boolean flag = s[j] > m.threshold();
                    int y = l.y[TRAIN_STEPS + j];
                    int cell = flag ? (y == 1 ? 0 : 1) : (y == 1 ? 3 : 2);
                    test[cell]++;
                    file[cell]++;
                }
                System.out.printf(Locale.ROOT, "%s: steps %d, F1(test part) %.3f, tp %d fp %d tn %d fn %d, fit %.1f s%n", dir.relativize(f),
                        l.x.size(), f1(file), file[0], file[1], file[2], file[3], (System.nanoTime() - t0) / 1e9);
            }
        }
        print("test part (steps >= 400), all files", test);
        System.out.printf(Locale.ROOT, methodName + ": %d files, total fit %.1f s, peak RSS %d MB%n", files.size(), fitSeconds, AdbenchDriver.peakRssMb());
    }

    private static String methodName = "conv-ae";

    /** A fitted model and its own alarm threshold (from training data only). */
    record Fitted(Model<Series> model, double threshold) {
    }

    static Fitted fit(String method, int epochs, Series train, Context ctx) {
        switch (method) {
            case "conv-ae" -> {
                ConvAutoEncoderParams p = ConvAutoEncoderParams.DEFAULTS;
                ConvAutoEncoder.ConvAeModel m = (ConvAutoEncoder.ConvAeModel) new ConvAutoEncoder(p.withEpochs(Math.min(epochs, p.epochs())))
                        .fit(train, ctx);
                return new Fitted(m, m.controlLimit());
            }
            case "conv-ae-all" -> {
                // variant: one decoded channel per input channel instead of SKAB's single broadcast one
                ConvAutoEncoderParams p = ConvAutoEncoderParams.DEFAULTS.withOutputChannels(ConvAutoEncoderParams.OutputChannels.ALL);
                ConvAutoEncoder.ConvAeModel m = (ConvAutoEncoder.ConvAeModel) new ConvAutoEncoder(p.withEpochs(Math.min(epochs, p.epochs())))
                        .fit(train, ctx);
                return new Fitted(m, m.controlLimit());
            }
            case "lstm-ae" -> {
                LstmAutoEncoderParams p = LstmAutoEncoderParams.DEFAULTS;
                LstmAutoEncoder.LstmAeModel m = (LstmAutoEncoder.LstmAeModel) new LstmAutoEncoder(p.withEpochs(Math.min(epochs, p.epochs())))
                        .fit(train, ctx);
                return new Fitted(m, m.controlLimit());
            }
            case "axonad" -> {
                AxonAdParams p = AxonAdParams.DEFAULTS;
                AxonAd.AxonModel m = (AxonAd.AxonModel) new AxonAd(p.withEpochs(Math.min(epochs, p.epochs()))).fit(train, ctx);
                return new Fitted(m, m.threshold());
            }
            case "axonad-small" -> {
                // the smaller corner of the paper's search grid (W 50, d 64, 4 heads; OTHER.md §1 puts it at about 8x cheaper),
                // chosen for the CPU budget before any SKAB result was seen
                AxonAdParams p = AxonAdParams.DEFAULTS.withShape(50, 64, 4);
                AxonAd.AxonModel m = (AxonAd.AxonModel) new AxonAd(p.withEpochs(Math.min(epochs, p.epochs()))).fit(train, ctx);
                return new Fitted(m, m.threshold());
            }
            default -> throw new IllegalArgumentException("unknown method '" + method + "'; expected conv-ae, conv-ae-all, lstm-ae, axonad or axonad-small");
        }
    }

    private static void print(String label, long[] c) {
        double far = c[1] / (double) (c[1] + c[2]);
        double mar = c[3] / (double) (c[3] + c[0]);
        System.out.printf(Locale.ROOT, methodName + " %s: F1 %.4f  FAR %.2f%%  MAR %.2f%%  (tp %d fp %d tn %d fn %d)%n", label, f1(c), 100 * far, 100 * mar,
                c[0], c[1], c[2], c[3]);
    }

    private static double f1(long[] c) {
        return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[3]);
    }


    record Labelled(Series x, int[] y) {
    }

    /** Reads a SKAB file: ';'-separated, datetime first, 8 sensor columns, then anomaly and changepoint. */
    static Labelled read(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(";");
        int anomaly = Arrays.asList(header).indexOf("anomaly");
        if (anomaly < 0) {
            throw new DataFormatException(f.toString(), 1, "no 'anomaly' column in the header " + Arrays.toString(header));
        }
        int channels = anomaly - 1;
        int n = lines.size() - 1;
        float[] v = new float[n * channels];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] parts = lines.get(i + 1).split(";");
            try {
                for (int c = 0; c < channels; c++) {
                    v[i * channels + c] = Float.parseFloat(parts[c + 1]);
                }
                y[i] = (int) Double.parseDouble(parts[anomaly]);
            } catch (RuntimeException e) {
                throw new DataFormatException(f.toString(), i + 2, "malformed row: " + lines.get(i + 1), e);
            }
        }
        List<String> names = Arrays.asList(header).subList(1, anomaly);
        return new Labelled(Series.of(n, channels, v, null, names, null, f.toString()), y);
    }
}
