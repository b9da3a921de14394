package io.argus.vision.backbone;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.argus.vision.backbone.onnx.OnnxModel;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.image.Images;
import io.argus.vision.image.Preprocess;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeatureExtractor} over any ONNX image backbone run by ONNX Runtime on the CPU. The requested
 * layers (names of values the graph's nodes produce) become the graph's outputs: the model's protobuf is
 * rewritten in memory before the session is created, so ONNX Runtime computes exactly the part of the
 * network the layers need.
 *
 * <p>The backbone must have one float input N×3×H×W (NCHW); the batch dimension may be symbolic. Layer
 * outputs of rank 4 (N×C×H×W) are returned as they are; rank 2 (N×C) as C×1×1; rank 3 (N×T×C, the
 * tokens of a vision transformer) as C×g×g, where g×g are the last tokens and the few leading ones (class
 * and register tokens) are dropped.
 *
 * <p>Cost: one forward pass per batch of {@code batchSize} images; memory: the model's weights plus the
 * activations of one batch.
 */
public final class OnnxFeatureExtractor implements FeatureExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxFeatureExtractor.class);

    /** Images per forward pass when none is given. */
    public static final int BATCH_SIZE_DEFAULT = 8;

    /** Leading tokens a transformer's output may carry beyond its square patch grid (class + up to 4 registers + slack). */
    private static final int MAX_EXTRA_TOKENS = 8;

    private final String name;
    private final String sha256;
    private final List<String> layers;
    private final Preprocess preprocess;
    private final int batchSize;
    /** The batch size the model's input fixes, or 0 when its batch dimension is free. */
    private final int fixedBatch;
    private final String inputName;
    private final OrtEnvironment env;
    private final OrtSession session;

    private OnnxFeatureExtractor(String name, String sha256, List<String> layers, Preprocess preprocess, int batchSize, int fixedBatch,
            String inputName, OrtEnvironment env, OrtSession session) {
        this.fixedBatch = fixedBatch;
        this.name = name;
        this.sha256 = sha256;
        this.layers = layers;
        this.preprocess = preprocess;
        this.batchSize = batchSize;
        this.inputName = inputName;
        this.env = env;
        this.session = session;
    }

    /**
     * Opens a backbone.
     *
     * @param file the .onnx file
     * @param name how the spec names it (a known backbone's name, or the file)
     * @param layers the layers to return, in order
     * @param preprocess the preprocessing, or null for the one the file's metadata declares
     *     ({@code argus.preprocess}), else ImageNet normalisation at the model's input size
     * @param threads intra-op threads of ONNX Runtime, at least 1
     * @param batchSize images per forward pass, at least 1
     * @throws IllegalArgumentException when the file is not an ONNX model, not an image backbone, or lacks
     *     a layer (the message lists the available layers)
     */
    public static OnnxFeatureExtractor open(Path file, String name, List<String> layers, Preprocess preprocess, int threads, int batchSize) {
        Objects.requireNonNull(file, "file");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such ONNX file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not read: " + e.getMessage(), e);
        }
        OnnxModel model = OnnxModel.parse(bytes, file.toString());
        List<OnnxModel.ValueInfo> inputs = model.dataInputs();
        if (inputs.size() != 1 || inputs.get(0).rank() != 4 || inputs.get(0).elemType() != OnnxModel.FLOAT
                || inputs.get(0).dims()[1] >= 0 && inputs.get(0).dims()[1] != 3) {
            throw new IllegalArgumentException(file + ": not an image backbone: its inputs are " + describe(inputs)
                    + "; expected one float32 input N×3×H×W (NCHW); its layers: " + String.join(", ", model.layerNames()));
        }
        OnnxModel.ValueInfo input = inputs.get(0);
        long h = input.dims()[2];
        long w = input.dims()[3];
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException(file + ": no layers requested; available layers: " + String.join(", ", model.layerNames()));
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(layers));
        if (unique.size() != layers.size()) {
            throw new IllegalArgumentException(file + ": a layer is requested twice in " + layers);
        }
        Preprocess p = preprocess;
        if (p == null) {
            String declared = model.metadata().get(METADATA_PREPROCESS);
            int side = h > 0 ? (int) h : 224;
            p = declared != null ? Preprocess.parse(declared, Preprocess.unitScale(side)) : Preprocess.imagenet(side, side);
        }
        if (h > 0 && w > 0 && (h != p.crop() || w != p.crop())) {
            throw new IllegalArgumentException(file + ": the model's input is " + h + "x" + w + " but the preprocessing makes " + p.crop() + "x"
                    + p.crop() + " images (crop); use crop=" + h);
        }
        byte[] rewritten = model.withOutputs(unique);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (model.usesExternalData()) {
                Path dir = file.toAbsolutePath().getParent();
                opts.addConfigEntry("session.model_external_initializers_file_folder_path", dir.toString());
            }
            OrtSession session = env.createSession(rewritten, opts);
            String sha = sha256(bytes);
            LOG.debug("opened backbone {} ({}), layers {}, preprocess {}, {} threads", name, file, unique, p, threads);
            // A model exported with a fixed batch size gets batches of exactly that size (padded at the end).
            long fixed = input.dims()[0];
            return new OnnxFeatureExtractor(name == null ? file.toString() : name, sha, unique, p, fixed > 0 ? (int) fixed : batchSize,
                    fixed > 0 ? (int) fixed : 0, input.name(), env, session);
        } catch (OrtException e) {
            throw new IllegalArgumentException(file + ": ONNX Runtime cannot load the model with outputs " + unique + ": " + e.getMessage(), e);
        }
    }

    /** Metadata key under which a converted model declares its preprocessing. */
    public static final String METADATA_PREPROCESS = "argus.preprocess";

    private static String describe(List<OnnxModel.ValueInfo> inputs) {
        if (inputs.isEmpty()) {
            return "(none)";
        }
        List<String> out = new ArrayList<>();
        for (OnnxModel.ValueInfo v : inputs) {
            out.add(v + " of element type " + v.elemType());
        }
        return String.join(", ", out);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The preprocessing applied to every image. */
    public Preprocess preprocess() {
        return preprocess;
    }

    /** The SHA-256 of the ONNX file as loaded. */
    public String modelSha256() {
        return sha256;
    }

    @Override
    public String spec() {
        return BackboneSpec.format(name, sha256, layers, preprocess);
    }

    @Override
    public List<String> layers() {
        return layers;
    }

    @Override
    public int inputSize() {
        return preprocess.crop();
    }

    @Override
    public List<List<FeatureMap>> extract(List<BufferedImage> images) {
        List<Object> names = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            names.add("image " + i + " of the batch");
        }
        return extractNamed(images, names);
    }

    @Override
    public List<List<FeatureMap>> extractFiles(List<Path> files) {
        List<List<FeatureMap>> out = new ArrayList<>(files.size());
        for (int from = 0; from < files.size(); from += batchSize) {
            List<Path> chunk = files.subList(from, Math.min(files.size(), from + batchSize));
            List<BufferedImage> images = new ArrayList<>(chunk.size());
            for (Path f : chunk) {
                images.add(Images.read(f));
            }
            out.addAll(extractNamed(images, new ArrayList<>(chunk)));
        }
        return out;
    }

    private List<List<FeatureMap>> extractNamed(List<BufferedImage> images, List<Object> names) {
        List<List<FeatureMap>> out = new ArrayList<>(images.size());
        int side = preprocess.crop();
        int per = preprocess.tensorSize();
        for (int from = 0; from < images.size(); from += batchSize) {
            int n = Math.min(batchSize, images.size() - from);
            float[] batch = new float[n * per];
            for (int i = 0; i < n; i++) {
                preprocess.toTensor(images.get(from + i), names.get(from + i), batch, i * per);
            }
            out.addAll(run(batch, n, side));
        }
        return out;
    }

    /**
     * Runs the backbone on already preprocessed input, n × 3 × side × side float32 NCHW.
     *
     * @return per image, the maps of every layer
     */
    public List<List<FeatureMap>> run(float[] batch, int n, int side) {
        if (batch.length != (long) n * 3 * side * side) {
            throw new IllegalArgumentException("input holds " + batch.length + " values, expected " + n + "x3x" + side + "x" + side);
        }
        if (fixedBatch > 0 && n != fixedBatch) {
            int per = 3 * side * side;
            List<List<FeatureMap>> out = new ArrayList<>(n);
            for (int from = 0; from < n; from += fixedBatch) {
                int m = Math.min(fixedBatch, n - from);
                float[] chunk = new float[fixedBatch * per];
                System.arraycopy(batch, from * per, chunk, 0, m * per);
                out.addAll(runOnce(chunk, fixedBatch, side).subList(0, m));
            }
            return out;
        }
        return runOnce(batch, n, side);
    }

    private List<List<FeatureMap>> runOnce(float[] batch, int n, int side) {
        List<List<FeatureMap>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(layers.size()));
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), new long[] {n, 3, side, side});
                OrtSession.Result result = session.run(java.util.Map.of(inputName, input))) {
            for (String layer : layers) {
                OnnxValue v = result.get(layer).orElseThrow(() -> new IllegalStateException(name + ": ONNX Runtime returned no '" + layer + "'"));
                if (!(v instanceof OnnxTensor t)) {
                    throw new IllegalArgumentException(name + ": layer '" + layer + "' is not a tensor");
                }
                long[] shape = t.getInfo().getShape();
                FloatBuffer fb;
                try {
                    fb = t.getFloatBuffer();
                } catch (RuntimeException e) {
                    fb = null;
                }
                if (fb == null) {
                    throw new IllegalArgumentException(name + ": layer '" + layer + "' is " + t.getInfo().type + ", expected float32");
                }
                float[] all = new float[fb.remaining()];
                fb.get(all);
                for (int i = 0; i < n; i++) {
                    out.get(i).add(toMap(layer, shape, all, i));
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException(name + ": ONNX Runtime failed: " + e.getMessage(), e);
        }
        return out;
    }

    private FeatureMap toMap(String layer, long[] shape, float[] all, int image) {
        if (shape.length == 4) {
            int c = (int) shape[1];
            int h = (int) shape[2];
            int w = (int) shape[3];
            int size = c * h * w;
            return new FeatureMap(layer, c, h, w, Arrays.copyOfRange(all, image * size, (image + 1) * size));
        }
        if (shape.length == 2) {
            int c = (int) shape[1];
            return new FeatureMap(layer, c, 1, 1, Arrays.copyOfRange(all, image * c, (image + 1) * c));
        }
        if (shape.length == 3) {
            int t = (int) shape[1];
            int c = (int) shape[2];
            int g = (int) Math.floor(Math.sqrt(t));
            int extra = t - g * g;
            if (extra > MAX_EXTRA_TOKENS) {
                throw new IllegalArgumentException(name + ": layer '" + layer + "' has shape " + Arrays.toString(shape)
                        + ", which is neither N×C×H×W nor transformer tokens N×T×C with a square patch grid");
            }
            float[] data = new float[c * g * g];
            int base = image * t * c;
            for (int p = 0; p < g * g; p++) {
                int src = base + (extra + p) * c;
                for (int ch = 0; ch < c; ch++) {
                    data[ch * g * g + p] = all[src + ch];
                }
            }
            return new FeatureMap(layer, c, g, g, data);
        }
        throw new IllegalArgumentException(name + ": layer '" + layer + "' has shape " + Arrays.toString(shape)
                + "; expected N×C×H×W, N×C or N×T×C");
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.debug("closing the session of {} failed: {}", name, e.toString());
        }
    }
}
