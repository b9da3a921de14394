package io.argus.cli;

import io.argus.bench.ThresholdRule;
import io.argus.bench.vision.ImageTraining;
import io.argus.core.Context;
import io.argus.core.Scores;
import io.argus.core.io.AtomicFiles;
import io.argus.core.model.ModelFiles;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.vision.PixelMaps;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MvtecLayout;
import io.argus.vision.maps.MapWriter;
import io.argus.vision.methods.ImageModel;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The image halves of {@code argus fit --images} and {@code argus score --images}. */
final class ImageCommands {

    private ImageCommands() {
    }

    static void fit(MethodProvider<?, ?> provider, Map<String, String> params, Path dir, Path model, ThresholdRule rule, CommonOptions common,
            PrintWriter out) {
        if (!provider.dataType().isAssignableFrom(ImageSet.class)) {
            throw new IllegalArgumentException("method '" + provider.name() + "' reads " + provider.modality() + " data, not images");
        }
        @SuppressWarnings("unchecked")
        MethodProvider<ImageSet, ?> imageProvider = (MethodProvider<ImageSet, ?>) provider;
        ImageSet train = ImageTraining.trainingImages(dir);
        ImageTraining.Result result;
        try (Context ctx = common.context()) {
            result = ImageTraining.fit(imageProvider, params, train, rule, ctx);
        }
        ModelFiles.write(model, result.saved());
        out.printf(Locale.ROOT, "fitted %s on %d images of %s in %.2fs%n", provider.name(), train.size(), dir,
                (result.fit().fitNanos() + result.fit().scoreNanos()) / 1e9);
        if (result.saved().model() instanceof ImageModel m && !Double.isNaN(m.maskThreshold())) {
            out.printf(Locale.ROOT, "mask threshold %.6g (largest pixel of training-image maps)%n", m.maskThreshold());
        }
        out.printf(Locale.ROOT, "threshold %s%n", result.saved().threshold().describe());
        out.println("wrote " + model);
    }

    static void score(SavedModel<?> saved, Path model, Path dir, Path outFile, Path mapsDir, CommonOptions common, PrintWriter out) {
        if (!saved.provider().dataType().isAssignableFrom(ImageSet.class)) {
            throw new IllegalArgumentException(model + ": the model reads " + saved.provider().modality() + " data, not images");
        }
        @SuppressWarnings("unchecked")
        SavedModel<ImageSet> imageModel = (SavedModel<ImageSet>) saved;
        ImageSet set = MvtecLayout.folder(dir);
        Scores scores;
        try (Context ctx = common.context()) {
            scores = imageModel.model().score(set, ctx);
        }
        double[] s = scores.values();
        long flagged = 0;
        for (double v : s) {
            if (saved.threshold().flags(v)) {
                flagged++;
            }
        }
        if (outFile != null) {
            AtomicFiles.write(outFile, os -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                w.write("image,score,calibrated,flag\n");
                for (int i = 0; i < s.length; i++) {
                    w.write(set.get(i).id() + "," + s[i] + "," + String.format(Locale.ROOT, "%.6f", saved.calibration().apply(s[i])) + ","
                            + (saved.threshold().flags(s[i]) ? 1 : 0) + "\n");
                }
                w.flush();
            });
        }
        out.printf(Locale.ROOT, "scored %d images of %s with %s: %d flagged at %s%n", s.length, dir, saved.method(), flagged,
                saved.threshold().describe());
        if (mapsDir != null) {
            if (scores.localization().isEmpty()) {
                throw new IllegalArgumentException("method " + saved.method() + " gives image scores only, no maps; leave out --maps");
            }
            double t = imageModel.model() instanceof ImageModel m ? m.maskThreshold() : Double.NaN;
            int files = MapWriter.write(mapsDir, set, ((PixelMaps) scores.localization().get()).maps(), t);
            out.printf(Locale.ROOT, "wrote %d pictures to %s%s%n", files, mapsDir,
                    Double.isNaN(t) ? " (overlays only: the model has no mask threshold from training images)" : "");
        }
        if (outFile != null) {
            out.println("wrote " + outFile);
        }
    }
}
