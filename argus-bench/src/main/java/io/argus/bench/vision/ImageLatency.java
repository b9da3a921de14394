package io.argus.bench.vision;

import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.vision.data.ImageSet;
import io.argus.vision.data.MagneticTile;
import io.argus.vision.data.Split;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.methods.ImageModel;
import io.argus.vision.methods.patchcore.PatchCoreModel;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency of an image method on the magnetic tile split, one image at a time as an
 * inspection line sees them: fits the method on the training split (reporting fit time and, for
 * PatchCore, the memory bank), then scores test images one by one and reports the wall time per image
 * (decode, backbone, scoring, map at the original resolution) and the backbone's share (time inside the
 * extractor, which decodes and preprocesses as well). The fit may use the feature cache
 * ({@code -Dargus.featureCache}); the timed scoring never does.
 *
 * <p>Usage: {@code ImageLatency DATA_ROOT METHOD[key=value;...] IMAGES THREADS}.
 */
public final class ImageLatency {

    private ImageLatency() {
    }

    /** Runs the measurement and prints one line per figure. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        io.argus.bench.MethodSpec spec = io.argus.bench.MethodSpec.parse(args[1]);
        int count = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Split split = MagneticTile.read(root.resolve("magnetic_tile"), MagneticTile.SEED_DEFAULT);
        MethodRegistry registry = MethodRegistry.load();
        @SuppressWarnings("unchecked")
        MethodProvider<ImageSet, Record> p = (MethodProvider<ImageSet, Record>) registry.get(spec.name()).provider();
        Record params = Params.parse(p.paramsType(), p.defaults(), spec.overrides(), p.name());
        try (Context ctx = Context.builder().threads(threads).seed(0).build()) {
            long t0 = System.nanoTime();
            Model<ImageSet> model = p.detector(params).fit(split.train(), ctx);
            double fit = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s fit on %d images: %.1f s%n", args[1], split.train().size(), fit);
            if (model instanceof PatchCoreModel pc) {
                System.out.printf(Locale.ROOT, "memory bank: %d patches x %d dims (%.1f MB float32)%n", pc.bankSize(),
                        pc.state().get("bank").shape()[1], pc.state().get("bank").byteSize() / 1e6);
            }
            ImageModel im = (ImageModel) model;
            AtomicLong inBackbone = new AtomicLong();
            // Fitting may read cached features; the timed part must run the backbone.
            System.clearProperty(io.argus.vision.methods.OnnxBackboneFactory.CACHE_PROPERTY);
            try (FeatureExtractor inner = im.backbone().open()) {
                FeatureExtractor timed = new Timed(inner, inBackbone);
                // warm-up: JIT and ONNX Runtime's first runs
                im.score(new ImageSet("warm", split.test().images().subList(0, 3)), timed, ctx);
                inBackbone.set(0);
                int n = Math.min(count, split.test().size());
                long total = 0;
                for (int i = 0; i < n; i++) {
                    int idx = (int) ((long) i * split.test().size() / n);
                    ImageSet one = new ImageSet("one", List.of(split.test().get(idx)));
                    long a = System.nanoTime();
                    Scores s = im.score(one, timed, ctx);
                    total += System.nanoTime() - a;
                    if (s.size() != 1) {
                        throw new IllegalStateException("expected one score");
                    }
                }
                double per = total / 1e6 / n;
                double bb = inBackbone.get() / 1e6 / n;
                System.out.printf(Locale.ROOT, "latency over %d test images, one at a time, %d threads: %.1f ms/image; backbone %.1f ms (%.0f%%); "
                        + "scoring and map %.1f ms%n", n, threads, per, bb, 100 * bb / per, per - bb);
            }
        }
    }

    /** Delegates and adds the time spent inside the extractor. */
    private record Timed(FeatureExtractor inner, AtomicLong nanos) implements FeatureExtractor {
        @Override
        public String spec() {
            return inner.spec();
        }

        @Override
        public List<String> layers() {
            return inner.layers();
        }

        @Override
        public int inputSize() {
            return inner.inputSize();
        }

        @Override
        public List<List<FeatureMap>> extract(List<BufferedImage> images) {
            long a = System.nanoTime();
            try {
                return inner.extract(images);
            } finally {
                nanos.addAndGet(System.nanoTime() - a);
            }
        }

        @Override
        public List<List<FeatureMap>> extractFiles(List<Path> files) {
            long a = System.nanoTime();
            try {
                return inner.extractFiles(files);
            } finally {
                nanos.addAndGet(System.nanoTime() - a);
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
