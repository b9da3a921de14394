package io.argus.vision.data;

import io.argus.core.Sampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reads the magnetic tile defect data set (Huang, Qiu, Yuan, "Surface defect saliency of magnetic
 * tile", The Visual Computer 2020) in its published layout, {@code MT_<type>/Imgs/<id>.jpg} with a
 * {@code <id>.png} mask beside each image, and splits it by the protocol of BENCHMARKS.md (the
 * AnomalyNCD protocol): normal = {@code MT_Free}; a seeded {@value #TRAIN_FRACTION_PERCENT}% of the
 * normal images train, the other normal images and every defect image test.
 */
public final class MagneticTile {

    /** The folder of normal tiles. */
    public static final String NORMAL = "MT_Free";

    /** Share of the normal images in the training split, in percent. */
    public static final int TRAIN_FRACTION_PERCENT = 80;

    /** The split seed used by the benchmark unless told otherwise. */
    public static final long SEED_DEFAULT = 0L;

    private MagneticTile() {
    }

    /**
     * The benchmark split: {@code floor(0.8 n)} normal images drawn without replacement by a
     * {@link SplittableRandom} seeded with {@code seed} train, the rest test with every defect image.
     *
     * @throws IllegalArgumentException when {@code MT_Free/Imgs} is missing, or a defect image lacks its mask
     */
    public static Split read(Path root, long seed) {
        Path free = root.resolve(NORMAL).resolve("Imgs");
        if (!Files.isDirectory(free)) {
            throw new IllegalArgumentException(root + ": not the magnetic tile layout: no " + NORMAL + "/Imgs folder");
        }
        List<Path> normals = jpegs(free);
        int nTrain = normals.size() * TRAIN_FRACTION_PERCENT / 100;
        int[] pick = Sampling.withoutReplacement(normals.size(), nTrain, new SplittableRandom(seed));
        boolean[] isTrain = new boolean[normals.size()];
        for (int i : pick) {
            isTrain[i] = true;
        }
        List<ImageRef> train = new ArrayList<>();
        List<ImageRef> test = new ArrayList<>();
        for (int i = 0; i < normals.size(); i++) {
            Path f = normals.get(i);
            String id = NORMAL + "/" + MvtecLayout.stem(f);
            if (isTrain[i]) {
                train.add(new ImageRef(id, f, 0, null, "good"));
            } else {
                test.add(new ImageRef(id, f, 0, null, "good"));
            }
        }
        List<Path> types = new ArrayList<>();
        try (var s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p.resolve("Imgs")) && p.getFileName().toString().startsWith("MT_")
                    && !p.getFileName().toString().equals(NORMAL)).sorted().forEach(types::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(root + ": cannot list: " + e.getMessage(), e);
        }
        for (Path t : types) {
            String type = t.getFileName().toString();
            for (Path f : jpegs(t.resolve("Imgs"))) {
                Path mask = f.resolveSibling(MvtecLayout.stem(f) + ".png");
                if (!Files.isRegularFile(mask)) {
                    throw new IllegalArgumentException(f + ": defect image has no mask " + mask);
                }
                test.add(new ImageRef(type + "/" + MvtecLayout.stem(f), f, 1, mask, type));
            }
        }
        return new Split("magnetic_tile", new ImageSet("magnetic_tile/train", train), new ImageSet("magnetic_tile/test", test));
    }

    private static List<Path> jpegs(Path dir) {
        List<Path> out = new ArrayList<>(MvtecLayout.images(dir).stream()
                .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")).toList());
        Path[] a = out.toArray(new Path[0]);
        Arrays.sort(a);
        return List.of(a);
    }
}
