package io.argus.vision.backbone.tfjs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TF.js layers model as read from disk: the Keras topology ({@code modelTopology}) and the weights of
 * its manifest, dequantized to float32.
 *
 * <p>Two packagings are read: the standard one ({@code model.json} plus binary shards named by the
 * manifest's paths) and the JavaScript one of bundles such as nsfwjs ({@code model.min.js}, whose module
 * exports the same object as a literal, plus {@code <path>.min.js} shards that export the shard's bytes as
 * a base64 string). Quantized weights are dequantized as TF.js does ({@code tfjs-core io_utils
 * decodeWeights}): uint8 and uint16 values become {@code q * scale + min}, computed in double and
 * stored as float32; float16 values are widened.
 *
 * @param topology the {@code modelTopology} object (keras_version, model_config, ...)
 * @param weights the weights by their manifest names
 * @param shapes the shapes by the same names
 */
public record TfjsModel(Map<String, Object> topology, Map<String, float[]> weights, Map<String, int[]> shapes) {

    /** Copies the maps. */
    public TfjsModel {
        Objects.requireNonNull(topology, "topology");
        weights = Map.copyOf(weights);
        shapes = Map.copyOf(shapes);
    }

    /**
     * Reads a model.
     *
     * @param modelFile {@code model.json} or {@code model.min.js}; the shards lie next to it
     * @throws IllegalArgumentException when a file is missing or malformed (named)
     */
    @SuppressWarnings("unchecked")
    public static TfjsModel read(Path modelFile) {
        Object root = JsLiteral.parseModule(readString(modelFile), modelFile.toString());
        if (!(root instanceof Map<?, ?> m) || !(m.get("modelTopology") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(modelFile + ": not a TF.js layers model (no modelTopology object)");
        }
        Map<String, Object> model = (Map<String, Object>) root;
        Object manifest = model.get("weightsManifest");
        if (!(manifest instanceof List<?> groups)) {
            throw new IllegalArgumentException(modelFile + ": no weightsManifest list");
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Path dir = modelFile.toAbsolutePath().getParent();
        for (Object g : groups) {
            Map<String, Object> group = (Map<String, Object>) g;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Object p : (List<Object>) group.get("paths")) {
                byte[] shard = readShard(dir, String.valueOf(p));
                all.write(shard, 0, shard.length);
            }
            ByteBuffer buf = ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (Object w : (List<Object>) group.get("weights")) {
                Map<String, Object> spec = (Map<String, Object>) w;
                String name = String.valueOf(spec.get("name"));
                int[] shape = ((List<Object>) spec.get("shape")).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
                long count = 1;
                for (int d : shape) {
                    count *= d;
                }
                float[] values = decode(modelFile, name, spec, (int) count, buf);
                weights.put(name, values);
                shapes.put(name, shape);
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException(modelFile + ": weight group " + group.get("paths") + " has " + buf.remaining()
                        + " bytes beyond its manifest");
            }
        }
        return new TfjsModel((Map<String, Object>) model.get("modelTopology"), weights, shapes);
    }

    @SuppressWarnings("unchecked")
    private static float[] decode(Path file, String name, Map<String, Object> spec, int count, ByteBuffer buf) {
        String dtype = String.valueOf(spec.get("dtype"));
        Map<String, Object> q = (Map<String, Object>) spec.get("quantization");
        String stored = q == null ? dtype : String.valueOf(q.get("dtype"));
        int bytes = switch (stored) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new IllegalArgumentException(file + ": weight " + name + " has unsupported dtype " + stored);
        };
        if (!"float32".equals(dtype) && !("int32".equals(dtype) && q == null)) {
            throw new IllegalArgumentException(file + ": weight " + name + " has unsupported dtype " + dtype);
        }
        if (buf.remaining() < (long) count * bytes) {
            throw new IllegalArgumentException(file + ": weight " + name + " needs " + (long) count * bytes + " bytes but its shards have "
                    + buf.remaining() + " left");
        }
        float[] out = new float[count];
        if (q == null) {
            for (int i = 0; i < count; i++) {
                out[i] = "int32".equals(dtype) ? buf.getInt() : buf.getFloat();
            }
        } else if ("float16".equals(stored)) {
            for (int i = 0; i < count; i++) {
                out[i] = halfToFloat(buf.getShort());
            }
        } else {
            double min = ((Number) q.get("min")).doubleValue();
            double scale = ((Number) q.get("scale")).doubleValue();
            for (int i = 0; i < count; i++) {
                int v = bytes == 1 ? buf.get() & 0xFF : buf.getShort() & 0xFFFF;
                out[i] = (float) (v * scale + min);
            }
        }
        return out;
    }

    private static byte[] readShard(Path dir, String path) {
        for (String suffix : List.of("", ".bin", ".min.js", ".js")) {
            Path f = dir.resolve(path + suffix);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            if (suffix.endsWith(".js")) {
                Object v = JsLiteral.parseModule(readString(f), f.toString());
                if (!(v instanceof String b64)) {
                    throw new IllegalArgumentException(f + ": the bundle does not export a base64 string");
                }
                try {
                    return Base64.getDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": the exported string is not base64: " + e.getMessage(), e);
                }
            }
            try {
                return Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": could not read: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(dir.resolve(path) + ": weight shard not found (tried " + path + ", .bin, .min.js, .js)");
    }

    private static String readString(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(f + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": could not read: " + e.getMessage(), e);
        }
    }

    /** The weight of a layer, e.g. ("Conv1", "kernel"), found by name "Conv1/kernel" or ".../Conv1/kernel". */
    public float[] weight(String layer, String suffix) {
        String exact = layer + "/" + suffix;
        float[] w = weights.get(exact);
        if (w != null) {
            return w;
        }
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            String n = e.getKey().replaceAll(":0$", "");
            if (n.endsWith("/" + exact)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("layer " + layer + ": weight '" + exact + "' is not in the weights manifest");
    }

    /** The shape of the weight {@link #weight} finds. */
    public int[] shape(String layer, String suffix) {
        String exact = layer + "/" + suffix;
        int[] s = shapes.get(exact);
        if (s != null) {
            return s.clone();
        }
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            if (e.getKey().replaceAll(":0$", "").endsWith("/" + exact)) {
                return e.getValue().clone();
            }
        }
        throw new IllegalArgumentException("layer " + layer + ": weight '" + exact + "' is not in the weights manifest");
    }

    @Override
    public String toString() {
        return "TfjsModel[" + weights.size() + " weights, keras " + topology.get("keras_version") + "]";
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | mant << 13);
        }
        if (exp == 0) {
            float v = mant / 1024f / 16384f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | (exp + 112) << 23 | mant << 13);
    }
}
