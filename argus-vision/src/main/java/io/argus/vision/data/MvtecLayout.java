package io.argus.vision.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads categories in the MVTec AD folder layout (Bergmann et al., "MVTec AD — A Comprehensive
 * Real-World Dataset for Unsupervised Anomaly Detection", CVPR 2019), the de-facto layout of users'
 * own inspection data:
 *
 * <pre>
 * CATEGORY/train/good/*.png                 normal training images
 * CATEGORY/test/good/*.png                  normal test images
 * CATEGORY/test/TYPE/*.png                  anomalous test images of defect TYPE
 * CATEGORY/ground_truth/TYPE/NAME_mask.png  their masks (optional: without the folder, image metrics only)
 * </pre>
 *
 * Image ids are {@code TYPE/NAME} (without extension); files are listed in name order.
 */
public final class MvtecLayout {

    /** The folder of normal images, in train and test. */
    public static final String GOOD = "good";

    private MvtecLayout() {
    }

    /** Whether {@code dir} looks like a category: it has {@code train/good} or {@code test}. */
    public static boolean isCategory(Path dir) {
        return Files.isDirectory(dir.resolve("train").resolve(GOOD)) || Files.isDirectory(dir.resolve("test"));
    }

    /** The category folders directly under {@code root}, in name order. */
    public static List<Path> categories(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": no such folder");
        }
        List<Path> out = new ArrayList<>();
        for (Path p : list(root)) {
            if (Files.isDirectory(p) && isCategory(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Reads one category.
     *
     * @throws IllegalArgumentException when {@code train/good} is missing or empty, when there is no
     *         test image, or when {@code ground_truth} exists but an anomalous image has no mask (naming it)
     */
    public static Split read(Path dir) {
        String name = dir.getFileName().toString();
        Path trainGood = dir.resolve("train").resolve(GOOD);
        if (!Files.isDirectory(trainGood)) {
            throw new IllegalArgumentException(dir + ": not in MVTec AD layout: no train/good folder");
        }
        List<ImageRef> train = new ArrayList<>();
        for (Path f : images(trainGood)) {
            train.add(new ImageRef(GOOD + "/" + stem(f), f, 0, null, GOOD));
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException(trainGood + ": no training images");
        }
        Path testDir = dir.resolve("test");
        Path gtDir = dir.resolve("ground_truth");
        boolean hasGt = Files.isDirectory(gtDir);
        List<ImageRef> test = new ArrayList<>();
        if (Files.isDirectory(testDir)) {
            for (Path typeDir : list(testDir)) {
                if (!Files.isDirectory(typeDir)) {
                    continue;
                }
                String type = typeDir.getFileName().toString();
                boolean good = type.equals(GOOD);
                for (Path f : images(typeDir)) {
                    Path mask = null;
                    if (!good && hasGt) {
                        mask = gtDir.resolve(type).resolve(stem(f) + "_mask.png");
                        if (!Files.isRegularFile(mask)) {
                            throw new IllegalArgumentException(f + ": anomalous test image has no mask " + mask
                                    + " (ground_truth exists, so every anomalous image needs one)");
                        }
                    }
                    test.add(new ImageRef(type + "/" + stem(f), f, good ? 0 : 1, mask, type));
                }
            }
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no test images under test/");
        }
        return new Split(name, new ImageSet(name + "/train", train), new ImageSet(name + "/test", test));
    }

    /** The image files of a folder in name order. */
    public static List<Path> images(Path dir) {
        return list(dir).stream().filter(p -> Files.isRegularFile(p) && ImageFiles.isImage(p)).toList();
    }

    /** An unlabelled set of every image in a folder (not recursive), ids = file names without extension. */
    public static ImageSet folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder");
        }
        List<ImageRef> refs = new ArrayList<>();
        for (Path f : images(dir)) {
            refs.add(ImageRef.unlabelled(stem(f), f));
        }
        if (refs.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no images (" + String.join(", ", ImageFiles.EXTENSIONS.stream().sorted().toList()) + ")");
        }
        return new ImageSet(dir.getFileName().toString(), refs);
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
