package io.argus.vision.data;

import java.util.Objects;

/**
 * A category's training images (normal only, unlabelled as a detector sees them) and its labelled test
 * images with their masks.
 *
 * @param name the category ("bottle", "magnetic_tile")
 * @param train normal images to fit on
 * @param test normal and anomalous images to score and evaluate
 */
public record Split(String name, ImageSet train, ImageSet test) {

    public Split {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /** Whether every anomalous test image has a ground-truth mask (pixel metrics need them). */
    public boolean hasMasks() {
        return test.images().stream().filter(r -> r.label() == 1).allMatch(r -> r.mask() != null)
                && test.images().stream().anyMatch(r -> r.label() == 1);
    }
}
