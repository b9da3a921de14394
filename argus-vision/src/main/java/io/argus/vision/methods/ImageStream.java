package io.argus.vision.methods;

import io.argus.core.Context;
import io.argus.vision.data.ImageFiles;
import io.argus.vision.data.ImageRef;
import io.argus.vision.data.ImageSet;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Streams the images of a set through a backbone in fixed batches: decodes them (in parallel), checks
 * that their colour kind is the model's, runs the extractor once per batch, and hands each image's
 * feature maps to a consumer, in parallel within a batch. Batch boundaries depend only on the set, so
 * results do not depend on the thread count.
 */
public final class ImageStream {

    /** Images per backbone call. */
    public static final int BATCH = 16;

    /** The colour kind of a model's images: a grayscale model refuses colour images and vice versa. */
    public enum Colour {
        GRAY, RGB;

        /** The kind of an image. */
        public static Colour of(BufferedImage img) {
            return ImageFiles.isGray(img) ? GRAY : RGB;
        }
    }

    /**
     * One decoded image and its features.
     *
     * @param index position in the set
     * @param ref the image
     * @param image the decoded image (original size)
     * @param layers the backbone's feature maps, one per layer
     * @param threads threads the consumer may use for this item (the context's threads shared by the batch)
     */
    public record Item(int index, ImageRef ref, BufferedImage image, List<FeatureMap> layers, int threads) {

        /** Original width. */
        public int width() {
            return image.getWidth();
        }

        /** Original height. */
        public int height() {
            return image.getHeight();
        }
    }

    /** Receives the items of a batch; called concurrently for different items. */
    @FunctionalInterface
    public interface Sink {
        void accept(Item item);
    }

    /** The transformation that leaves an image as it is. */
    public static final UnaryOperator<BufferedImage> IDENTITY = img -> img;

    private ImageStream() {
    }

    /** Decodes an image and checks its colour kind against {@code expected} (null = any). */
    public static BufferedImage decode(ImageRef ref, Colour expected) {
        BufferedImage img = ImageFiles.read(ref.file());
        Colour c = Colour.of(img);
        if (expected != null && c != expected) {
            throw new IllegalArgumentException(ref.file() + ": image is " + (c == Colour.GRAY ? "grayscale (1 channel)" : "colour (3 channels)")
                    + " but the model was fitted on " + (expected == Colour.GRAY ? "grayscale" : "colour (RGB)")
                    + " images; convert it or fit a model on such images");
        }
        return img;
    }

    /** The colour kind of a set's first image; {@link #forEach} then requires every other image to match it. */
    public static Colour colourOf(ImageSet set) {
        if (set.size() == 0) {
            throw new IllegalArgumentException(set.name() + ": no images");
        }
        return Colour.of(ImageFiles.read(set.get(0).file()));
    }

    /** The feature maps of a set's first image (to learn the layers' shapes before a pass). */
    public static List<FeatureMap> probe(ImageSet set, FeatureExtractor extractor, Colour expected) {
        BufferedImage img = toRgb(decode(set.get(0), expected));
        return extractor.extract(List.of(img)).get(0);
    }

    /** An RGB copy of an image (grayscale replicated to three channels), as backbones take. */
    public static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Runs every image of {@code set} through {@code extractor}; see the class comment. */
    public static void forEach(ImageSet set, FeatureExtractor extractor, Colour expected, Context ctx, Sink sink) {
        forEach(set, extractor, expected, IDENTITY, ctx, sink);
    }

    /**
     * As {@link #forEach(ImageSet, FeatureExtractor, Colour, Context, Sink)}, with each image transformed
     * (a flip, a clamp) before the backbone sees it; {@link Item#image()} stays the decoded original.
     */
    public static void forEach(ImageSet set, FeatureExtractor extractor, Colour expected, UnaryOperator<BufferedImage> transform,
            Context ctx, Sink sink) {
        int n = set.size();
        for (int from = 0; from < n; from += BATCH) {
            ctx.checkCancelled();
            int to = Math.min(n, from + BATCH);
            BufferedImage[] decoded = new BufferedImage[to - from];
            BufferedImage[] fed = new BufferedImage[to - from];
            int base = from;
            ctx.parallelFor(to - from, 1, (a, b) -> {
                for (int i = a; i < b; i++) {
                    decoded[i] = decode(set.get(base + i), expected);
                    fed[i] = transform.apply(toRgb(decoded[i]));
                }
            });
            // Untransformed images go by file, so that a caching extractor can answer without the backbone.
            List<List<FeatureMap>> feats = transform == IDENTITY
                    ? extractor.extractFiles(set.images().subList(from, to).stream().map(ImageRef::file).toList())
                    : extractor.extract(Arrays.asList(fed));
            if (feats.size() != fed.length) {
                throw new IllegalStateException("backbone returned " + feats.size() + " results for " + fed.length + " images");
            }
            List<Item> items = new ArrayList<>(fed.length);
            for (int i = 0; i < fed.length; i++) {
                items.add(new Item(base + i, set.get(base + i), decoded[i], feats.get(i), Math.max(1, ctx.threads() / fed.length)));
            }
            ctx.parallelFor(items.size(), 1, (a, b) -> {
                for (int i = a; i < b; i++) {
                    sink.accept(items.get(i));
                }
            });
            ctx.progress().advance(to - from);
        }
    }
}
