package io.argus.vision.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of an {@link ImageSet}, not yet decoded.
 *
 * @param id a stable identifier, unique in its set (e.g. {@code "crack/003"})
 * @param file the image file
 * @param label 1 = anomalous, 0 = normal, -1 = unknown
 * @param mask the ground-truth mask file (white = anomalous pixel), or null when there is none; a normal
 *        image without a mask has an all-normal mask
 * @param type the defect type ("good" for normal images), or null when unknown
 */
public record ImageRef(String id, Path file, int label, Path mask, String type) {

    /** Validates the fields. */
    public ImageRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        if (label < -1 || label > 1) {
            throw new IllegalArgumentException(id + ": label must be -1 (unknown), 0 or 1, got " + label);
        }
    }

    /** An unlabelled image. */
    public static ImageRef unlabelled(String id, Path file) {
        return new ImageRef(id, file, -1, null, null);
    }
}
