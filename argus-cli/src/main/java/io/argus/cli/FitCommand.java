package io.argus.cli;

import io.argus.bench.ThresholdRule;
import io.argus.bench.Training;
import io.argus.core.Context;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.model.ModelFiles;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code argus fit}: fits a method on a data file and writes a model file. */
@Command(name = "fit", description = "Fit a method on a data file (or a folder of images) and write a model file (safetensors).")
final class FitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "method name (see `argus methods`)")
    String method;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a method parameter (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "FILE", description = "training data: .csv, .csv.gz, .tsv, .npy or .npz")
    Path data;

    @Option(names = "--images", paramLabel = "DIR",
            description = "training images for an image method: a folder of normal images, or a category in MVTec AD layout (its train/good)")
    Path images;

    @Option(names = "--model", required = true, paramLabel = "OUT", description = "model file to write (.safetensors)")
    Path model;

    @Option(names = "--threshold", paramLabel = "RULE", defaultValue = "contamination:0.1",
            description = "decision threshold: contamination:SHARE (default 0.1), robust-z:Z, target-fpr:RATE, best-f1 or fixed:VALUE")
    String threshold;

    @Option(names = "--validation", paramLabel = "FILE",
            description = "held-out data for target-fpr (normal rows) or best-f1 (labelled rows)")
    Path validation;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        MethodRegistry registry = MethodRegistry.load();
        MethodProvider<?, ?> provider = registry.get(method).provider();
        if ((data == null) == (images == null)) {
            throw new IllegalArgumentException("give exactly one of --data FILE (a table) or --images DIR (images)");
        }
        if (images != null) {
            ImageCommands.fit(provider, params, images, model, ThresholdRule.parse(threshold), common, out);
            return;
        }
        if (!provider.dataType().isAssignableFrom(Table.class)) {
            throw new IllegalArgumentException("method '" + method + "' reads " + provider.modality() + " data, not tables");
        }
        ThresholdRule rule = ThresholdRule.parse(threshold);
        TableReaders.ReadOptions options = read.options();
        Table train = TableReaders.read(data, options);
        Table held = validation == null ? null : TableReaders.read(validation, options);
        @SuppressWarnings("unchecked")
        MethodProvider<Table, ?> tableProvider = (MethodProvider<Table, ?>) provider;
        Training.Result result;
        try (Context ctx = common.context()) {
            result = Training.fit(tableProvider, params, train, held, rule, ctx);
        }
        ModelFiles.write(model, result.saved());
        long flagged = 0;
        for (double s : result.trainingScores()) {
            if (result.saved().threshold().flags(s)) {
                flagged++;
            }
        }
        out.printf(Locale.ROOT, "fitted %s on %s (%d rows x %d columns) in %.2fs%n", provider.name(), data, train.rows(), train.cols(),
                (result.fit().fitNanos() + result.fit().scoreNanos()) / 1e9);
        out.printf(Locale.ROOT, "threshold %s: %d of %d training rows flagged%n", result.saved().threshold().describe(), flagged, train.rows());
        out.println("wrote " + model);
    }
}
