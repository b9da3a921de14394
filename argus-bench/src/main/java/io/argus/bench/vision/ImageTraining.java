package io.argus.bench.vision;

import io.argus.bench.ThresholdRule;
import io.argus.core.Argus;
import io.argus.core.Context;
import io.argus.core.Fit;
import io.argus.core.model.Provenance;
import io.argus.core.model.SavedModel;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.Params;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MvtecLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * Fits an image method on a folder of normal images and packs what a model file holds: the model, the
 * calibration and decision threshold of its in-sample training image scores, and provenance (the
 * SHA-256 of the training files). The CLI's {@code fit --images} goes through here.
 */
public final class ImageTraining {

    private ImageTraining() {
    }

    /**
     * The images to fit on under {@code dir}: {@code dir/train/good} when {@code dir} is a category in
     * MVTec AD layout, else every image directly in {@code dir}.
     */
    public static ImageSet trainingImages(Path dir) {
        Path good = dir.resolve("train").resolve(MvtecLayout.GOOD);
        return MvtecLayout.folder(Files.isDirectory(good) ? good : dir);
    }

    /**
     * The result of fitting.
     *
     * @param saved what the model file holds
     * @param trainingScores in-sample scores of the training images
     * @param fit timings and model
     */
    public record Result(SavedModel<ImageSet> saved, double[] trainingScores, Fit<ImageSet> fit) {
    }

    /** Fits {@code provider} with parameters parsed from {@code paramText} over its defaults. */
    public static <P extends Record> Result fit(MethodProvider<ImageSet, P> provider, Map<String, String> paramText, ImageSet train,
            ThresholdRule rule, Context ctx) {
        if (rule.needsValidation()) {
            throw new IllegalArgumentException("threshold rule " + rule + " needs held-out data, which image fitting does not take; use contamination:SHARE or robust-z:Z");
        }
        P params = Params.parse(provider.paramsType(), provider.defaults(), paramText, provider.name());
        Fit<ImageSet> fit = provider.detector(params).fitScore(train, ctx);
        double[] scores = fit.trainingScores().values();
        Threshold threshold = rule.choose(scores, null, null);
        Provenance provenance = new Provenance(fingerprint(train), train.name(), train.size(), 0, Argus.version(), ctx.seed(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        SavedModel<ImageSet> saved = new SavedModel<>(provider, params, fit.model(), Calibration.fit(scores), threshold, provenance);
        return new Result(saved, scores, fit);
    }

    /** SHA-256 over the ids and bytes of every image, in order. */
    static String fingerprint(ImageSet set) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int i = 0; i < set.size(); i++) {
                md.update(set.get(i).id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(set.get(i).file())) {
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        md.update(buf, 0, r);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training images: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
