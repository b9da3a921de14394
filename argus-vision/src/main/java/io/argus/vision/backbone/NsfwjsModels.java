package io.argus.vision.backbone;

import io.argus.core.io.AtomicFiles;
import io.argus.vision.backbone.tfjs.TfjsConverter;
import io.argus.vision.backbone.tfjs.TfjsModel;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.image.Images;
import io.argus.vision.image.Preprocess;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ImageNet backbones of the npm package {@code nsfwjs@4.4.0} (MIT): MobileNetV2 (224×224) and
 * InceptionV3 (299×299), shipped as TF.js layers models with uint8-quantized weights and a 5-class head.
 * No ImageNet model ships as ONNX in any registry reachable here, so Argus fetches this package with the
 * npm client, converts it ({@link TfjsConverter}), checks the result against activations of the original
 * TF.js runtime, and caches the ONNX file.
 *
 * <p>The check runs the converted model on the README's LCG input ({@code s = (s·1103515245 + 12345) mod
 * 2^31}, {@code s0 = 12345}, {@code x = s / 2^31}, NCHW order, computed in double precision as JavaScript
 * does) and compares with samples of the reference activations bundled with Argus (65 values per layer
 * and the whole head), or with the full reference files when a reference folder is given; the maximum
 * absolute error must not exceed {@link #TOLERANCE}.
 */
public final class NsfwjsModels {

    private static final Logger LOG = LoggerFactory.getLogger(NsfwjsModels.class);

    /** The npm package spec. */
    public static final String PACKAGE = "nsfwjs@4.4.0";

    /** SHA-256 of the package tarball as the npm registry serves it. */
    public static final String TARBALL_SHA256 = "585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382";

    /** Largest absolute difference to the reference activations a conversion may have. */
    public static final double TOLERANCE = 1e-4;

    private static final long NPM_TIMEOUT_SECONDS = 600;

    /** A model of the package. */
    public enum Model {
        /** MobileNetV2 (Sandler et al., CVPR 2018), 224×224 input. */
        MOBILENET_V2("mobilenet_v2", 224, List.of("block_6_expand_relu", "out_relu", "dense_3"), List.of("block_6_expand_relu", "block_10_expand_relu")),
        /** InceptionV3 (Szegedy et al., CVPR 2016), 299×299 input. */
        INCEPTION_V3("inception_v3", 299, List.of("mixed2", "mixed7", "dense_3"), List.of("mixed2", "mixed7"));

        private final String id;
        private final int size;
        private final List<String> referenceLayers;
        private final List<String> defaultLayers;

        Model(String id, int size, List<String> referenceLayers, List<String> defaultLayers) {
            this.id = id;
            this.size = size;
            this.referenceLayers = referenceLayers;
            this.defaultLayers = defaultLayers;
        }

        /** The name used on the command line and in parameters ({@code mobilenet_v2}). */
        public String id() {
            return id;
        }

        /** The input side. */
        public int size() {
            return size;
        }

        /** The layers the reference activations cover. */
        public List<String> referenceLayers() {
            return referenceLayers;
        }

        /** Layers suggested for patch features: a stride-8 and a stride-16 map, like WideResNet's layer2 and layer3. */
        public List<String> defaultLayers() {
            return defaultLayers;
        }

        /** The preprocessing the package uses: resize to the input size, samples / 255, RGB. */
        public Preprocess preprocess() {
            return Preprocess.unitScale(size);
        }

        /** The model by name, or null. */
        public static Model byName(String name) {
            for (Model m : values()) {
                if (m.id.equals(name.toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * The result of one layer's check.
     *
     * @param layer the layer
     * @param values how many values were compared
     * @param maxAbsError the largest absolute difference
     */
    public record LayerCheck(String layer, int values, double maxAbsError) {
    }

    /**
     * A pulled model.
     *
     * @param file the cached ONNX file
     * @param checks the per-layer comparison with the reference
     * @param reference what the checks compared with (the bundled samples, or the reference folder)
     */
    public record Pulled(Path file, List<LayerCheck> checks, String reference) {
    }

    private NsfwjsModels() {
    }

    /**
     * Fetches the package with {@code npm pack} into {@code workDir} and unpacks its models.
     *
     * @return the unpacked {@code package} folder
     * @throws IllegalStateException when npm fails or is missing, or the tarball's SHA-256 is not the pinned one
     */
    public static Path fetch(Path workDir) {
        try {
            Files.createDirectories(workDir);
            ProcessBuilder pb = new ProcessBuilder("npm", "pack", PACKAGE, "--silent").directory(workDir.toFile()).redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("could not run npm to fetch " + PACKAGE + " (" + e.getMessage()
                        + "); install Node.js/npm, or fetch the package yourself and pass its folder with --package", e);
            }
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("npm pack " + PACKAGE + " did not finish within " + NPM_TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("npm pack " + PACKAGE + " failed (exit " + p.exitValue() + "): "
                        + text.substring(Math.max(0, text.length() - 600)) + "; is the npm registry reachable?");
            }
            Path tgz = workDir.resolve("nsfwjs-4.4.0.tgz");
            if (!Files.isRegularFile(tgz)) {
                throw new IllegalStateException("npm pack " + PACKAGE + " wrote no " + tgz.getFileName() + " in " + workDir + ": " + text);
            }
            String sha = Images.sha256(tgz);
            if (!sha.equals(TARBALL_SHA256)) {
                throw new IllegalStateException(tgz + ": SHA-256 " + sha + " is not the pinned " + TARBALL_SHA256 + " of " + PACKAGE);
            }
            untarModels(tgz, workDir);
            return workDir.resolve("package");
        } catch (IOException e) {
            throw new UncheckedIOException(workDir + ": could not fetch " + PACKAGE + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + PACKAGE, e);
        }
    }

    /** Extracts the regular files under package/dist/models/ of a .tgz (ustar) into {@code dir}. */
    static void untarModels(Path tgz, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                boolean wanted = (type == '0' || type == 0) && name.startsWith("package/dist/models/");
                Path target = root.resolve(name).normalize();
                if (wanted && target.startsWith(root)) {
                    Files.createDirectories(target.getParent());
                    byte[] data = in.readNBytes((int) size);
                    if (data.length != size) {
                        throw new IOException(tgz + ": truncated at " + name);
                    }
                    Files.write(target, data);
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** Converts one model of an unpacked package folder. */
    public static TfjsConverter.Result convert(Path packageDir, Model m) {
        Path file = packageDir.resolve("dist/models/" + m.id() + "/model.min.js");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not found; is " + packageDir + " the unpacked " + PACKAGE + " package folder?");
        }
        TfjsModel model = TfjsModel.read(file);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("argus.source", "npm " + PACKAGE + " dist/models/" + m.id() + " (TF.js layers, uint8-quantized; tarball sha256 " + TARBALL_SHA256 + ")");
        meta.put("argus.license", "MIT (nsfwjs)");
        meta.put(OnnxFeatureExtractor.METADATA_PREPROCESS, m.preprocess().toString());
        meta.put("argus.default_layers", String.join(",", m.defaultLayers()));
        meta.put("argus.native_size", Integer.toString(m.size()));
        // Free height and width, so that methods may feed larger images (PatchCore's IM320); the check runs at the native size.
        return TfjsConverter.convert(model, m.id(), meta, true);
    }

    /** The README's LCG input, n values in [0, 1), computed in double precision like JavaScript. */
    public static float[] referenceInput(int n) {
        float[] x = new float[n];
        double s = 12345;
        for (int i = 0; i < n; i++) {
            s = (s * 1103515245.0 + 12345.0) % 2147483648.0;
            x[i] = (float) (s / 2147483648.0);
        }
        return x;
    }

    /**
     * Runs a converted model on the reference input and compares each reference layer.
     *
     * @param onnx the converted model file
     * @param m which model it is
     * @param referenceDir a folder with the full reference files ({@code in224.f32.out_relu.ref}, ...), or
     *     null to compare with the bundled samples
     * @param threads ONNX Runtime threads
     * @return one check per reference layer (not yet judged against the tolerance)
     */
    public static List<LayerCheck> check(Path onnx, Model m, Path referenceDir, int threads) {
        Map<String, Map<Integer, Float>> expected = referenceDir == null ? bundled(m) : full(m, referenceDir);
        float[] input = referenceInput(3 * m.size() * m.size());
        List<LayerCheck> out = new ArrayList<>();
        try (OnnxFeatureExtractor fx = OnnxFeatureExtractor.open(onnx, m.id(), m.referenceLayers(), m.preprocess(), threads, 1)) {
            List<FeatureMap> maps = fx.run(input, 1, m.size()).get(0);
            for (FeatureMap fm : maps) {
                Map<Integer, Float> ref = expected.get(fm.layer());
                double max = 0;
                for (Map.Entry<Integer, Float> e : ref.entrySet()) {
                    if (e.getKey() >= fm.data().length) {
                        throw new IllegalStateException(m.id() + ": layer " + fm.layer() + " has " + fm.data().length + " values, the reference more");
                    }
                    max = Math.max(max, Math.abs(fm.data()[e.getKey()] - e.getValue()));
                }
                out.add(new LayerCheck(fm.layer(), ref.size(), max));
            }
        }
        return out;
    }

    private static Map<String, Map<Integer, Float>> bundled(Model m) {
        Properties p = new Properties();
        try (InputStream in = NsfwjsModels.class.getResourceAsStream("nsfwjs-4.4.0-reference.properties")) {
            if (in == null) {
                throw new IllegalStateException("the bundled nsfwjs reference samples are missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled nsfwjs reference samples", e);
        }
        Map<String, Map<Integer, Float>> out = new LinkedHashMap<>();
        for (String layer : m.referenceLayers()) {
            String v = p.getProperty(m.id() + "." + layer);
            Map<Integer, Float> values = new LinkedHashMap<>();
            for (String pair : v.substring(v.indexOf(';') + 1).split(",")) {
                int c = pair.indexOf(':');
                values.put(Integer.parseInt(pair.substring(0, c)), Float.parseFloat(pair.substring(c + 1)));
            }
            out.put(layer, values);
        }
        return out;
    }

    private static Map<String, Map<Integer, Float>> full(Model m, Path dir) {
        Map<String, Map<Integer, Float>> out = new LinkedHashMap<>();
        for (String layer : m.referenceLayers()) {
            Path f = dir.resolve("in" + m.size() + ".f32." + layer + ".ref");
            float[] a = readF32(f);
            Map<Integer, Float> values = new LinkedHashMap<>();
            for (int i = 0; i < a.length; i++) {
                values.put(i, a[i]);
            }
            out.put(layer, values);
        }
        return out;
    }

    /** Reads a raw little-endian float32 file. */
    public static float[] readF32(Path f) {
        try {
            byte[] b = Files.readAllBytes(f);
            if (b.length % 4 != 0) {
                throw new IllegalArgumentException(f + ": " + b.length + " bytes is not a whole number of float32 values");
            }
            float[] a = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
            return a;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(f + ": no such reference file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": could not read: " + e.getMessage(), e);
        }
    }

    /**
     * Fetches (unless {@code packageDir} is given), converts, checks and caches a model as
     * {@code <modelsDir>/<id>.onnx}, written atomically only after the check passed.
     *
     * @param m the model
     * @param modelsDir the cache folder
     * @param packageDir an unpacked package folder to convert, or null to fetch it with npm into a temporary folder
     * @param referenceDir the full reference folder, or null for the bundled samples
     * @param threads ONNX Runtime threads for the check
     * @throws IllegalStateException when the conversion does not reproduce the reference within {@link #TOLERANCE}
     */
    public static Pulled pull(Model m, Path modelsDir, Path packageDir, Path referenceDir, int threads) {
        Path work = null;
        try {
            Path pkg = packageDir;
            if (pkg == null) {
                work = Files.createTempDirectory("argus-nsfwjs-");
                LOG.info("fetching {} with npm into {}", PACKAGE, work);
                pkg = fetch(work);
            }
            LOG.info("converting {} from {}", m.id(), pkg);
            TfjsConverter.Result r = convert(pkg, m);
            Path target = modelsDir.resolve(m.id() + ".onnx");
            Files.createDirectories(modelsDir);
            Path candidate = Files.createTempFile(modelsDir, "." + m.id() + "-", ".onnx.check");
            try {
                Files.write(candidate, r.onnx());
                List<LayerCheck> checks = check(candidate, m, referenceDir, threads);
                for (LayerCheck c : checks) {
                    if (!(c.maxAbsError() <= TOLERANCE)) {
                        throw new IllegalStateException(m.id() + ": the converted model differs from the TF.js reference on layer " + c.layer()
                                + " by " + c.maxAbsError() + " (> " + TOLERANCE + "); not cached");
                    }
                }
                AtomicFiles.write(target, out -> out.write(r.onnx()));
                LOG.info("cached {} ({} bytes)", target, r.onnx().length);
                return new Pulled(target, checks, referenceDir == null ? "samples of the TF.js reference activations bundled with Argus" : "TF.js reference activations in " + referenceDir);
            } finally {
                Files.deleteIfExists(candidate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(modelsDir + ": could not cache " + m.id() + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("could not clean {}: {}", dir, e.toString());
        }
    }
}
