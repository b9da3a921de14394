package io.argus.vision.data;

import io.argus.core.data.Dataset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of images to fit on or score, one score per image, with optional labels and masks (for
 * evaluation only: no detector reads them).
 *
 * @param name the set's name (a category such as "MT_Crack"), for messages and reports
 * @param images the images, in a stable order
 */
public record ImageSet(String name, List<ImageRef> images) implements Dataset {

    /** Copies the list and checks that ids are unique. */
    public ImageSet {
        Objects.requireNonNull(name, "name");
        images = List.copyOf(images);
        Set<String> ids = new HashSet<>();
        for (ImageRef r : images) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException(name + ": duplicate image id '" + r.id() + "'");
            }
        }
    }

    @Override
    public int size() {
        return images.size();
    }

    /** Image i. */
    public ImageRef get(int i) {
        return images.get(i);
    }

    /** The same images with labels, masks and types removed, to hand to a detector. */
    public ImageSet withoutLabels() {
        return new ImageSet(name, images.stream().map(r -> ImageRef.unlabelled(r.id(), r.file())).toList());
    }
}
