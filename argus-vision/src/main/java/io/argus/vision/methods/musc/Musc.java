package io.argus.vision.methods.musc;

import io.argus.core.Context;
import io.argus.core.Detector;
import io.argus.core.Model;
import io.argus.vision.data.ImageSet;
import java.util.Objects;

/**
 * MuSc (Li, Huang, Liu, Liu, Zhou, Xie, Gao, Zhang, Tao, "MuSc: Zero-Shot Industrial Anomaly
 * Classification and Segmentation with Mutual Scoring of the Unlabeled Images", ICLR 2024;
 * xrli-U/MuSc): zero-shot and transductive. Fitting reads no image at all; the model scores a set of
 * unlabelled images of one category against each other ({@link MuscModel}).
 */
public final class Musc implements Detector<ImageSet> {

    private final MuscParams params;

    public Musc(MuscParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Returns the scoring model; {@code train} is ignored and may be empty (no training images are needed). */
    @Override
    public Model<ImageSet> fit(ImageSet train, Context ctx) {
        return new MuscModel(params);
    }
}
