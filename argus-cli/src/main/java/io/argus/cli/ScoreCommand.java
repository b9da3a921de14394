package io.argus.cli;

import io.argus.bench.Explanations;
import io.argus.core.Context;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.io.AtomicFiles;
import io.argus.core.io.TableReaders;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodRegistry;
import io.argus.metrics.BinaryMetrics;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code argus score}: scores a data file with a model file and writes one CSV row per data row. */
@Command(name = "score", description = "Score a data file (or a folder of images) with a model; write row,score,calibrated,flag as CSV "
        + "and, for images, anomaly-map pictures.")
final class ScoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by `argus fit`")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", description = "data to score: .csv, .csv.gz, .tsv, .npy or .npz")
    Path data;

    @Option(names = "--images", paramLabel = "DIR", description = "a folder of images to score with an image model")
    Path images;

    @Option(names = "--maps", paramLabel = "DIR",
            description = "with --images: write ID_overlay.png (heat map over the image) and ID_mask.png (binary mask) per image here")
    Path maps;

    @Option(names = "--out", paramLabel = "FILE", description = "scores CSV to write (required with --data)")
    Path outFile;

    @Option(names = "--explain", description = "add an explanation column: for each flagged row, the three features "
            + "that drove its score (exact per-feature terms where the method has them, else the score drop when the feature "
            + "is set to its median)")
    boolean explain;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if ((data == null) == (images == null)) {
            throw new IllegalArgumentException("give exactly one of --data FILE (a table) or --images DIR (images)");
        }
        SavedModel<?> saved = ModelFiles.read(model, MethodRegistry.load());
        if (images != null) {
            ImageCommands.score(saved, model, images, outFile, maps, common, out);
            return;
        }
        if (maps != null) {
            throw new IllegalArgumentException("--maps needs --images");
        }
        if (outFile == null) {
            throw new IllegalArgumentException("Missing required option: '--out=FILE'");
        }
        if (!saved.provider().dataType().isAssignableFrom(Table.class)) {
            throw new IllegalArgumentException(model + ": the model reads " + saved.provider().modality() + " data, not tables");
        }
        @SuppressWarnings("unchecked")
        SavedModel<Table> tableModel = (SavedModel<Table>) saved;
        Table table = TableReaders.read(data, read.options());
        if (table.cols() != saved.provenance().cols() && saved.provenance().cols() > 0) {
            throw new IllegalArgumentException("shape mismatch: " + model + " was fitted on " + saved.provenance().cols() + " columns, "
                    + data + " has " + table.cols());
        }
        Scores scores;
        Table features = table.withoutLabels();
        String[] explanations = null;
        try (Context ctx = common.context()) {
            scores = tableModel.model().score(features, ctx);
            if (explain) {
                explanations = new String[features.rows()];
                float[] baseline = Explanations.medians(features);
                for (int i = 0; i < features.rows(); i++) {
                    if (saved.threshold().flags(scores.get(i))) {
                        double[] c = Explanations.contributions(tableModel.model(), features, i, baseline, ctx);
                        explanations[i] = Explanations.format(c, features.columns(), Explanations.TOP_DEFAULT);
                    }
                }
            }
        }
        double[] s = scores.values();
        String[] why = explanations;
        long[] flagged = {0};
        AtomicFiles.write(outFile, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            w.write(why == null ? "row,score,calibrated,flag\n" : "row,score,calibrated,flag,explanation\n");
            for (int i = 0; i < s.length; i++) {
                boolean flag = saved.threshold().flags(s[i]);
                if (flag) {
                    flagged[0]++;
                }
                w.write(i + "," + s[i] + "," + String.format(Locale.ROOT, "%.6f", saved.calibration().apply(s[i])) + "," + (flag ? 1 : 0));
                if (why != null) {
                    w.write("," + (why[i] == null ? "" : csvField(why[i])));
                }
                w.write("\n");
            }
            w.flush();
        });
        out.printf(Locale.ROOT, "scored %d rows of %s with %s: %d flagged at %s%n", s.length, data, saved.method(), flagged[0],
                saved.threshold().describe());
        table.labels().ifPresent(labels -> {
            try {
                out.printf(Locale.ROOT, "labels found: auroc=%.4f ap=%.4f%n", BinaryMetrics.auroc(s, labels), BinaryMetrics.averagePrecision(s, labels));
            } catch (IllegalArgumentException e) {
                out.println("labels found, metrics undefined: " + e.getMessage());
            }
        });
        out.println("wrote " + outFile);
    }

    /** Column names may hold the delimiter or quotes; quote the field then. */
    private static String csvField(String v) {
        return v.indexOf(',') < 0 && v.indexOf('"') < 0 ? v : '"' + v.replace("\"", "\"\"") + '"';
    }
}
