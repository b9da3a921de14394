package io.argus.cli.models;

import io.argus.vision.backbone.Backbones;
import io.argus.vision.backbone.NsfwjsModels;
import io.argus.vision.backbone.onnx.OnnxModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code argus models}: pretrained backbones: pull (fetch, convert, check, cache), list, layers. */
@Command(name = "models", description = "Pretrained image backbones: pull, list, show layers.",
        subcommands = {ModelsCommand.Pull.class, ModelsCommand.ListModels.class, ModelsCommand.Layers.class, ModelsCommand.Bench.class})
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Path dir(Path option) {
        return option != null ? option : Backbones.modelsDir();
    }

    /** {@code argus models pull mobilenet_v2|inception_v3}. */
    @Command(name = "pull", description = "Fetch nsfwjs@4.4.0 with npm, convert the backbone to ONNX, check it against the TF.js "
            + "reference activations, and cache it.")
    static final class Pull implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "mobilenet_v2 or inception_v3")
        String name;

        @Option(names = "--dir", paramLabel = "DIR", description = "cache folder (default: $ARGUS_MODELS, else ~/.cache/argus/models)")
        Path dir;

        @Option(names = "--package", paramLabel = "DIR", description = "an unpacked nsfwjs@4.4.0 package folder to convert instead of fetching it")
        Path packageDir;

        @Option(names = "--reference", paramLabel = "DIR",
                description = "folder of the full reference activations (../shared/models-ref/nsfwjs-4.4.0); default: the samples bundled with Argus")
        Path reference;

        @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads for the check (default: all processors)")
        Integer threads;

        @Option(names = "--force", description = "pull again even when the model is cached")
        boolean force;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            NsfwjsModels.Model m = NsfwjsModels.Model.byName(name);
            if (m == null) {
                throw new IllegalArgumentException("unknown backbone '" + name + "'; known: mobilenet_v2, inception_v3");
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || t > 1024) {
                throw new IllegalArgumentException("--threads = " + t + " is out of range; allowed: [1, 1024]");
            }
            Path cache = dir(dir);
            Path target = cache.resolve(m.id() + ".onnx");
            if (Files.isRegularFile(target) && !force) {
                out.println(m.id() + " is already cached: " + target.toAbsolutePath() + " (use --force to pull it again)");
                return;
            }
            out.println(packageDir == null ? "fetching " + NsfwjsModels.PACKAGE + " with npm and converting " + m.id() + " ..."
                    : "converting " + m.id() + " from " + packageDir + " ...");
            out.flush();
            NsfwjsModels.Pulled p = NsfwjsModels.pull(m, cache, packageDir, reference, t);
            out.println("checked against the " + p.reference() + " (tolerance " + NsfwjsModels.TOLERANCE + "):");
            for (NsfwjsModels.LayerCheck c : p.checks()) {
                out.printf(Locale.ROOT, "  %-22s %8d values  max abs error %.2e%n", c.layer(), c.values(), c.maxAbsError());
            }
            out.printf(Locale.ROOT, "cached %s (%.1f MB); use it as --backbone %s (layers e.g. %s)%n", p.file().toAbsolutePath(),
                    size(p.file()) / 1e6, m.id(), String.join(",", m.defaultLayers()));
        }
    }

    /** {@code argus models list}. */
    @Command(name = "list", description = "List the known backbones and whether they are cached.")
    static final class ListModels implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "cache folder (default: $ARGUS_MODELS, else ~/.cache/argus/models)")
        Path dir;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path cache = dir(dir);
            out.println("cache: " + cache.toAbsolutePath());
            out.printf("%-14s %-6s %-42s %s%n", "NAME", "INPUT", "SUGGESTED LAYERS", "CACHED");
            for (NsfwjsModels.Model m : NsfwjsModels.Model.values()) {
                Path f = cache.resolve(m.id() + ".onnx");
                out.printf("%-14s %-6s %-42s %s%n", m.id(), m.size(), String.join(",", m.defaultLayers()),
                        Files.isRegularFile(f) ? f.toAbsolutePath() : "no (argus models pull " + m.id() + ")");
            }
        }
    }

    /** {@code argus models layers FILE|NAME}: the values any ONNX backbone can expose. */
    @Command(name = "layers", description = "List the layers (node outputs) of an ONNX backbone, to pick --layers.")
    static final class Layers implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BACKBONE", description = "an .onnx file, or mobilenet_v2 / inception_v3 (pulled if absent)")
        String backbone;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path f = Backbones.resolve(backbone);
            OnnxModel m;
            try {
                m = OnnxModel.parse(Files.readAllBytes(f), f.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": could not read: " + e.getMessage(), e);
            }
            out.println("input: " + m.dataInputs() + (m.metadata().containsKey("argus.native_size")
                    ? " (native size " + m.metadata().get("argus.native_size") + "; height and width are free)" : ""));
            for (String l : m.layerNames()) {
                OnnxModel.ValueInfo v = m.valueInfo(l);
                out.println(v == null || v.dims() == null ? l : l + "  " + shape(v.dims()));
            }
        }
    }

    /** {@code argus models bench BACKBONE}: backbone latency per image at chosen batch sizes. */
    @Command(name = "bench", description = "Measure a backbone's latency per image (ONNX Runtime, CPU) at batch sizes, and the "
            + "decode + preprocessing time of an image file.")
    static final class Bench implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BACKBONE", description = "an .onnx file, or mobilenet_v2 / inception_v3 (pulled if absent)")
        String backbone;

        @Option(names = "--layers", split = ",", paramLabel = "A,B", description = "layers to extract (default: the backbone's suggested layers)")
        java.util.List<String> layers = new java.util.ArrayList<>();

        @Option(names = "--batch", split = ",", paramLabel = "N", description = "batch sizes (default: 1,8)")
        java.util.List<Integer> batches = new java.util.ArrayList<>(java.util.List.of(1, 8));

        @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE})", defaultValue = "2")
        int threads;

        @Option(names = "--images", paramLabel = "N", description = "images to time per batch size after warm-up (default: ${DEFAULT-VALUE})",
                defaultValue = "64")
        int images;

        @Option(names = "--image", paramLabel = "FILE", description = "an image file whose decode + preprocessing time to measure too")
        Path image;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            if (threads < 1 || threads > 1024 || images < 1) {
                throw new IllegalArgumentException("--threads must be in [1, 1024] and --images >= 1");
            }
            try (io.argus.vision.backbone.OnnxFeatureExtractor fx = Backbones.open(backbone, layers, null, threads)) {
                int side = fx.inputSize();
                out.printf(Locale.ROOT, "%s, layers %s, input %dx%d, %d threads%n", backbone, String.join(",", fx.layers()), side, side, threads);
                // Process CPU time (all threads, ONNX Runtime's native ones included) beside wall time: on a busy
                // machine the wall time grows with the contention, the CPU time much less.
                var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                java.util.function.LongSupplier cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun::getProcessCpuTime : () -> -1;
                out.printf("%-6s %10s %14s %14s %14s%n", "BATCH", "IMAGES", "MS/IMAGE(MED)", "MS/IMAGE(MEAN)", "CPU-MS/IMAGE");
                for (int b : batches) {
                    if (b < 1) {
                        throw new IllegalArgumentException("--batch sizes must be >= 1, got " + b);
                    }
                    float[] input = NsfwjsModels.referenceInput(b * 3 * side * side);
                    for (int w = 0; w < 3; w++) {
                        fx.run(input, b, side);
                    }
                    int rounds = Math.max(1, images / b);
                    double[] perImage = new double[rounds];
                    long cpu0 = cpu.getAsLong();
                    for (int r = 0; r < rounds; r++) {
                        long t0 = System.nanoTime();
                        fx.run(input, b, side);
                        perImage[r] = (System.nanoTime() - t0) / 1e6 / b;
                    }
                    long cpu1 = cpu.getAsLong();
                    double cpuPerImage = cpu0 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e6 / (rounds * b);
                    double mean = Arrays.stream(perImage).average().orElse(Double.NaN);
                    Arrays.sort(perImage);
                    out.printf(Locale.ROOT, "%-6d %10d %14.1f %14.1f %14.1f%n", b, rounds * b, perImage[rounds / 2], mean, cpuPerImage);
                    out.flush();
                }
                if (image != null) {
                    float[] t = new float[fx.preprocess().tensorSize()];
                    // Many warm-up rounds: decoding and resampling are plain Java and need the JIT.
                    double[] ms = new double[30];
                    for (int r = -30; r < ms.length; r++) {
                        long t0 = System.nanoTime();
                        java.awt.image.BufferedImage img = io.argus.vision.image.Images.read(image);
                        fx.preprocess().toTensor(img, image, t, 0);
                        if (r >= 0) {
                            ms[r] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    Arrays.sort(ms);
                    out.printf(Locale.ROOT, "decode + preprocess %s: %.1f ms (median of %d)%n", image, ms[ms.length / 2], ms.length);
                }
            }
        }
    }

    /** A declared shape, the first (batch) dimension as N and unknown ones as ?. */
    private static String shape(long[] dims) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i > 0 ? ", " : "").append(dims[i] >= 0 ? Long.toString(dims[i]) : i == 0 ? "N" : "?");
        }
        return b.append(']').toString();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }
}
