package io.argus.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.core.Model;
import io.argus.core.data.Dataset;
import io.argus.core.params.MethodProvider;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.core.threshold.Calibration;
import io.argus.core.threshold.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes Argus model files: safetensors files (readable by Python's {@code safetensors})
 * whose {@code __metadata__} records the format version, method, parameters, threshold and provenance,
 * and whose tensors are the model state ({@code model.*}) and the calibration knots.
 *
 * <p>Metadata keys, all string-valued as safetensors requires: {@code format} ("argus-model"),
 * {@code format_version}, {@code method}, {@code modality}, {@code params} (JSON object),
 * {@code threshold} (JSON object), {@code provenance} (JSON object). Writes are atomic.
 */
public final class ModelFiles {

    /** The format name in every file's metadata. */
    public static final String FORMAT = "argus-model";

    /** The version this code writes; reading accepts versions up to it. */
    public static final int FORMAT_VERSION = 1;

    /** Suggested file extension. */
    public static final String EXTENSION = ".safetensors";

    private static final String MODEL_PREFIX = "model.";
    private static final String CALIBRATION = "calibration.knots";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {
    }

    /** Writes {@code saved} to {@code file} atomically (a temp file renamed over the target). */
    public static void write(Path file, SavedModel<?> saved) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        saved.model().state().forEach((name, t) -> tensors.put(MODEL_PREFIX + name, t));
        tensors.put(CALIBRATION, Tensor.f64(saved.calibration().knots()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", Integer.toString(FORMAT_VERSION));
        meta.put("method", saved.method());
        meta.put("modality", saved.provider().modality());
        meta.put("params", json(Params.toMap(saved.params())));
        Map<String, Object> threshold = new LinkedHashMap<>();
        threshold.put("value", saved.threshold().value());
        threshold.put("rule", saved.threshold().rule());
        threshold.put("parameter", Double.isNaN(saved.threshold().parameter()) ? null : saved.threshold().parameter());
        meta.put("threshold", json(threshold));
        meta.put("provenance", json(saved.provenance()));
        SafeTensors.write(file, tensors, meta);
    }

    /** Reads only the metadata of a model file: its method, parameters and provenance, without the tensors. */
    public static Map<String, String> readMetadata(Path file) {
        requireFile(file);
        Map<String, String> meta = SafeTensors.readMetadataOnly(file).metadata();
        checkFormat(file, meta);
        return meta;
    }

    /**
     * Reads a model file and restores its model through the registry.
     *
     * @throws ModelFileException when the file is not a valid Argus model file, was written by a newer
     *         format, names an unknown method, or its state does not fit the method
     */
    public static SavedModel<?> read(Path file, MethodRegistry registry) {
        requireFile(file);
        SafeTensorsContent content = SafeTensors.read(file);
        Map<String, String> meta = content.metadata();
        checkFormat(file, meta);
        String method = require(file, meta, "method");
        MethodRegistry.Entry entry = registry.find(method).orElseThrow(() -> new ModelFileException(file
                + ": model file is for method '" + method + "', which this Argus does not have; known methods: "
                + String.join(", ", registry.all().stream().map(MethodRegistry.Entry::name).toList())));
        return restore(file, entry.provider(), content);
    }

    /**
     * Reads a model file that must hold the given method.
     *
     * @throws ModelFileException when it holds another method (naming both)
     */
    public static <D extends Dataset> SavedModel<D> read(Path file, MethodProvider<D, ?> provider) {
        requireFile(file);
        SafeTensorsContent content = SafeTensors.read(file);
        Map<String, String> meta = content.metadata();
        checkFormat(file, meta);
        String method = require(file, meta, "method");
        if (!method.equals(provider.name())) {
            throw new ModelFileException(file + ": model file holds method '" + method + "', not '" + provider.name() + "'");
        }
        return restore(file, provider, content);
    }

    private static <D extends Dataset, P extends Record> SavedModel<D> restore(Path file, MethodProvider<D, P> provider,
            SafeTensorsContent content) {
        Map<String, String> meta = content.metadata();
        try {
            JsonNode paramsNode = JSON.readTree(require(file, meta, "params"));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : paramsNode.properties()) {
                values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
            P params = Params.fromMap(provider.paramsType(), provider.defaults(), values, provider.name());
            Map<String, Tensor> state = new LinkedHashMap<>();
            content.tensors().forEach((name, t) -> {
                if (name.startsWith(MODEL_PREFIX)) {
                    state.put(name.substring(MODEL_PREFIX.length()), t);
                }
            });
            Model<D> model = provider.restore(params, state);
            Tensor knots = content.tensors().get(CALIBRATION);
            if (knots == null || knots.dtype() != Tensor.DType.F64) {
                throw new ModelFileException(file + ": missing or mistyped tensor '" + CALIBRATION + "' (expected F64)");
            }
            Calibration calibration = Calibration.ofKnots(knots.doubles());
            JsonNode t = JSON.readTree(require(file, meta, "threshold"));
            Threshold threshold = new Threshold(t.path("value").asDouble(Double.NaN), t.path("rule").asText("fixed"),
                    t.path("parameter").isNumber() ? t.path("parameter").asDouble() : Double.NaN);
            Provenance provenance = JSON.treeToValue(JSON.readTree(require(file, meta, "provenance")), Provenance.class);
            return new SavedModel<>(provider, params, model, calibration, threshold, provenance);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file + ": malformed JSON in metadata: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ModelFileException) {
                throw e;
            }
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": no such model file");
        }
    }

    private static void checkFormat(Path file, Map<String, String> meta) {
        String format = meta.get("format");
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(file + ": not an Argus model file (metadata 'format' is "
                    + (format == null ? "missing" : "'" + format + "'") + ", expected '" + FORMAT + "')");
        }
        String version = require(file, meta, "format_version");
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new ModelFileException(file + ": format_version '" + version + "' is not a number");
        }
        if (v < 1 || v > FORMAT_VERSION) {
            throw new ModelFileException(file + ": model format version " + v + " is not supported; this Argus reads versions 1.."
                    + FORMAT_VERSION + " (a newer Argus wrote it?)");
        }
    }

    private static String require(Path file, Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new ModelFileException(file + ": metadata lacks '" + key + "'");
        }
        return v;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode model metadata", e);
        }
    }
}
