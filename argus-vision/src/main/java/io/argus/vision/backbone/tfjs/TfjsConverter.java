package io.argus.vision.backbone.tfjs;

import io.argus.vision.backbone.onnx.OnnxGraphBuilder;
import io.argus.vision.backbone.onnx.OnnxGraphBuilder.Attr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a TF.js layers (Keras) model to an ONNX model (opset 13) that takes NCHW float32 input and
 * computes the same function. Every Keras layer's output becomes the ONNX value of the same name, so
 * layers can be requested by their Keras names ({@code block_6_expand_relu}, {@code mixed7}); values a
 * layer needs internally get {@code <layer>/...} names.
 *
 * <p>Layer types: InputLayer, Conv2D, DepthwiseConv2D, BatchNormalization (emitted as ONNX
 * BatchNormalization; ONNX Runtime folds it into the convolution), ReLU (with max_value and
 * negative_slope), Activation and fused activations (linear, relu, relu6, sigmoid, tanh, softmax, elu,
 * selu, softplus, softsign, swish/silu, hard_sigmoid, exponential), ZeroPadding2D, Add, Concatenate,
 * MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, Flatten (in Keras's
 * channels-last order), Dense, Dropout (identity) and Rescaling. That covers MobileNet V1/V2, Inception
 * V3 and ResNets as exported by Keras 2.
 *
 * <p>{@code 'same'} padding follows TensorFlow exactly: the total padding {@code max((ceil(in/s) - 1)·s +
 * k_eff - in, 0)} is split with the smaller half before, so stride-2 layers pad asymmetrically; average
 * pooling excludes padded cells from the mean as TensorFlow does. Shapes are fixed by the input layer's
 * size; only the batch dimension is free.
 */
public final class TfjsConverter {

    private static final Logger LOG = LoggerFactory.getLogger(TfjsConverter.class);

    /** The ONNX opset the converter writes. */
    public static final int OPSET = 13;

    /**
     * A converted model.
     *
     * @param onnx the serialised ONNX model
     * @param inputName the input value's name
     * @param inputSize the input side (height = width)
     * @param layers every Keras layer's name, in graph order
     * @param shapes each layer's output shape without the batch: {C, H, W} or {C}
     */
    public record Result(byte[] onnx, String inputName, int inputSize, List<String> layers, Map<String, int[]> shapes) {
    }

    private final TfjsModel model;
    private final boolean dynamicSize;
    private final OnnxGraphBuilder g;
    /** Output shape of each value: {H, W, C} (channels last, as Keras sees it) or {C}. */
    private final Map<String, int[]> shape = new HashMap<>();
    private final Map<String, int[]> nchw = new LinkedHashMap<>();
    private final List<String> consts = new ArrayList<>();
    private String inputName;
    private int inputSize;

    private TfjsConverter(TfjsModel model, String graphName, boolean dynamicSize) {
        this.model = model;
        this.dynamicSize = dynamicSize;
        this.g = new OnnxGraphBuilder(graphName);
    }

    /**
     * Converts a model.
     *
     * @param model the TF.js model
     * @param graphName the ONNX graph's name
     * @param metadata metadata_props to record (source, preprocessing)
     * @throws IllegalArgumentException naming the layer when a layer type or option is not supported
     */
    public static Result convert(TfjsModel model, String graphName, Map<String, String> metadata) {
        return convert(model, graphName, metadata, false);
    }

    /**
     * Converts a model, optionally with free input height and width.
     *
     * <p>With {@code dynamicSize}, the input is N×C×H×W with symbolic H and W, {@code 'same'} layers use
     * ONNX's {@code auto_pad = SAME_UPPER} (TensorFlow's rule at any size: the extra cell after), declared
     * shapes keep only the channels, and Flatten always reorders to channels-last. At the native size the
     * graph computes exactly what the fixed one does; at other sizes the convolutional layers give feature
     * maps of that size (a Dense head then fails, as it would in Keras). Fixed ZeroPadding2D layers keep the
     * padding Keras chose for the native size.
     *
     * @param model the TF.js model
     * @param graphName the ONNX graph's name
     * @param metadata metadata_props to record
     * @param dynamicSize whether height and width are free
     */
    public static Result convert(TfjsModel model, String graphName, Map<String, String> metadata, boolean dynamicSize) {
        TfjsConverter c = new TfjsConverter(model, graphName, dynamicSize);
        List<String> outputs = c.layers();
        for (String o : outputs) {
            int[] s = c.nchw.get(o);
            long[] dims = new long[s.length + 1];
            dims[0] = -1;
            for (int i = 0; i < s.length; i++) {
                dims[i + 1] = s[i];
            }
            String[] params = new String[dims.length];
            params[0] = "N";
            c.g.output(o, dims, params);
        }
        metadata.forEach(c.g::metadata);
        byte[] bytes = c.g.build(7, OPSET, "argus TfjsConverter");
        LOG.debug("converted {} layers into {} bytes of ONNX", c.nchw.size(), bytes.length);
        return new Result(bytes, c.inputName, c.inputSize, List.copyOf(c.nchw.keySet()), Map.copyOf(c.nchw));
    }

    @SuppressWarnings("unchecked")
    private List<String> layers() {
        Map<String, Object> mc = (Map<String, Object>) model.topology().get("model_config");
        if (mc == null) {
            throw new IllegalArgumentException("TF.js model has no model_config");
        }
        String cls = String.valueOf(mc.get("class_name"));
        Object config = mc.get("config");
        List<Map<String, Object>> layers;
        boolean sequential = "Sequential".equals(cls);
        if (config instanceof List<?> l) {
            layers = (List<Map<String, Object>>) l;
        } else {
            layers = (List<Map<String, Object>>) ((Map<String, Object>) config).get("layers");
        }
        String previous = null;
        for (Map<String, Object> layer : layers) {
            String type = String.valueOf(layer.get("class_name"));
            Map<String, Object> cfg = (Map<String, Object>) layer.get("config");
            String name = String.valueOf(layer.containsKey("name") ? layer.get("name") : cfg.get("name"));
            List<String> in;
            if (sequential) {
                if (previous == null && !"InputLayer".equals(type)) {
                    addInput("input", (List<Object>) cfg.get("batch_input_shape"));
                    previous = "input";
                }
                in = previous == null ? List.of() : List.of(previous);
            } else {
                in = inbound(name, layer.get("inbound_nodes"));
            }
            for (String i : in) {
                if (!shape.containsKey(i)) {
                    throw new IllegalArgumentException("layer " + name + ": its input " + i + " is not defined before it");
                }
            }
            layer(type, name, cfg, in);
            previous = name;
        }
        if (sequential) {
            return List.of(previous);
        }
        List<String> outs = new ArrayList<>();
        for (Object o : (List<Object>) ((Map<String, Object>) config).get("output_layers")) {
            outs.add(String.valueOf(((List<Object>) o).get(0)));
        }
        return outs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> inbound(String name, Object nodes) {
        List<Object> list = (List<Object>) nodes;
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        if (list.size() > 1) {
            throw new IllegalArgumentException("layer " + name + " is shared (called " + list.size() + " times); not supported");
        }
        List<String> in = new ArrayList<>();
        for (Object t : (List<Object>) list.get(0)) {
            List<Object> ref = (List<Object>) t;
            if (((Number) ref.get(2)).intValue() != 0 || ((Number) ref.get(1)).intValue() != 0) {
                throw new IllegalArgumentException("layer " + name + " reads a second output of " + ref.get(0) + "; not supported");
            }
            in.add(String.valueOf(ref.get(0)));
        }
        return in;
    }

    @SuppressWarnings("unchecked")
    private void layer(String type, String name, Map<String, Object> cfg, List<String> in) {
        switch (type) {
            case "InputLayer" -> addInput(name, (List<Object>) cfg.get("batch_input_shape"));
            case "Conv2D" -> conv(name, cfg, one(name, in), false);
            case "DepthwiseConv2D" -> conv(name, cfg, one(name, in), true);
            case "BatchNormalization" -> batchNorm(name, cfg, one(name, in));
            case "ReLU" -> relu(name, cfg, one(name, in));
            case "Activation" -> {
                String x = one(name, in);
                activation(String.valueOf(cfg.get("activation")), x, name, shape.get(x).length);
                define(name, shape.get(x));
            }
            case "ZeroPadding2D" -> zeroPad(name, cfg, one(name, in));
            case "Add" -> {
                if (in.size() < 2) {
                    throw new IllegalArgumentException("layer " + name + ": Add needs at least 2 inputs");
                }
                for (String i : in) {
                    same(name, shape.get(in.get(0)), shape.get(i));
                }
                g.node(in.size() == 2 ? "Add" : "Sum", in, List.of(name), name);
                define(name, shape.get(in.get(0)));
            }
            case "Concatenate" -> concat(name, cfg, in);
            case "MaxPooling2D", "AveragePooling2D" -> pool(name, cfg, one(name, in), type.startsWith("Max"));
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> {
                String x = one(name, in);
                int[] s = rank3(name, x);
                boolean keep = Boolean.TRUE.equals(cfg.get("keepdims"));
                String pooled = keep ? name : name + "/pool";
                g.node(type.startsWith("GlobalAverage") ? "GlobalAveragePool" : "GlobalMaxPool", List.of(x), List.of(pooled), pooled);
                if (keep) {
                    define(name, new int[] {1, 1, s[2]});
                } else {
                    g.node("Flatten", List.of(pooled), List.of(name), name, Attr.i("axis", 1));
                    define(name, new int[] {s[2]});
                }
            }
            case "Flatten" -> flatten(name, one(name, in));
            case "Dense" -> dense(name, cfg, one(name, in));
            case "Dropout", "SpatialDropout2D", "GaussianNoise", "GaussianDropout", "ActivityRegularization" -> {
                String x = one(name, in);
                g.node("Identity", List.of(x), List.of(name), name);
                define(name, shape.get(x));
            }
            case "Rescaling" -> {
                String x = one(name, in);
                float scale = num(cfg, "scale", 1.0).floatValue();
                float offset = num(cfg, "offset", 0.0).floatValue();
                g.node("Mul", List.of(x, scalar(scale)), List.of(name + "/scaled"), name + "/scaled");
                g.node("Add", List.of(name + "/scaled", scalar(offset)), List.of(name), name);
                define(name, shape.get(x));
            }
            default -> throw new IllegalArgumentException("layer " + name + ": Keras layer type " + type + " is not supported; supported: "
                    + "InputLayer, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU, Activation, ZeroPadding2D, Add, Concatenate, "
                    + "MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, Flatten, Dense, Dropout, Rescaling");
        }
    }

    private void addInput(String name, List<Object> batchShape) {
        if (inputName != null) {
            throw new IllegalArgumentException("layer " + name + ": a second input layer; only single-input models are supported");
        }
        if (batchShape == null || batchShape.size() != 4 || batchShape.get(1) == null || batchShape.get(2) == null || batchShape.get(3) == null) {
            throw new IllegalArgumentException("input layer " + name + ": batch_input_shape " + batchShape
                    + " is not [batch, height, width, channels] with fixed sizes");
        }
        int h = ((Number) batchShape.get(1)).intValue();
        int w = ((Number) batchShape.get(2)).intValue();
        int c = ((Number) batchShape.get(3)).intValue();
        inputName = name;
        inputSize = h;
        if (h != w) {
            throw new IllegalArgumentException("input layer " + name + ": the input is " + h + "x" + w + "; only square inputs are supported");
        }
        if (dynamicSize) {
            g.input(name, new long[] {-1, c, -1, -1}, new String[] {"N", null, "H", "W"});
        } else {
            g.input(name, new long[] {-1, c, h, w}, new String[] {"N", null, null, null});
        }
        shape.put(name, new int[] {h, w, c});
        nchw.put(name, new int[] {c, h, w});
    }

    private void define(String name, int[] s) {
        shape.put(name, s);
        int[] n = s.length == 3 ? new int[] {s[2], s[0], s[1]} : s.clone();
        nchw.put(name, n);
        long[] dims = new long[n.length + 1];
        dims[0] = -1;
        for (int i = 0; i < n.length; i++) {
            dims[i + 1] = n[i];
        }
        String[] params = new String[dims.length];
        params[0] = "N";
        if (dynamicSize && n.length == 3) {
            dims[2] = -1;
            dims[3] = -1;
        }
        g.valueInfo(name, dims, params);
    }

    private static String one(String name, List<String> in) {
        if (in.size() != 1) {
            throw new IllegalArgumentException("layer " + name + ": expected one input, got " + in);
        }
        return in.get(0);
    }

    private int[] rank3(String name, String x) {
        int[] s = shape.get(x);
        if (s.length != 3) {
            throw new IllegalArgumentException("layer " + name + ": expected an image-shaped (H, W, C) input, got " + Arrays.toString(s));
        }
        return s;
    }

    private static void same(String name, int[] a, int[] b) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException("layer " + name + ": input shapes differ: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
        }
    }

    private String scalar(float v) {
        String n = "const/" + Float.toString(v);
        if (!consts.contains(n)) {
            g.initializer(n, new long[0], new float[] {v});
            consts.add(n);
        }
        return n;
    }

    private static Number num(Map<String, Object> cfg, String key, Number dflt) {
        Object v = cfg.get(key);
        return v instanceof Number n ? n : dflt;
    }

    @SuppressWarnings("unchecked")
    private static int[] pair(Map<String, Object> cfg, String key, int[] dflt) {
        Object v = cfg.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return new int[] {n.intValue(), n.intValue()};
        }
        List<Object> l = (List<Object>) v;
        return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }

    /** {pad before, pad after, output size} of one spatial axis, TensorFlow's rule. */
    static int[] spatial(String name, String padding, int in, int k, int s, int d) {
        int eff = (k - 1) * d + 1;
        if ("same".equals(padding)) {
            int out = (in + s - 1) / s;
            int total = Math.max((out - 1) * s + eff - in, 0);
            return new int[] {total / 2, total - total / 2, out};
        }
        if (!"valid".equals(padding)) {
            throw new IllegalArgumentException("layer " + name + ": padding '" + padding + "' is not supported (same, valid)");
        }
        if (in < eff) {
            throw new IllegalArgumentException("layer " + name + ": input size " + in + " is smaller than the window " + eff);
        }
        return new int[] {0, 0, (in - eff) / s + 1};
    }

    private void conv(String name, Map<String, Object> cfg, String x, boolean depthwise) {
        int[] s = rank3(name, x);
        checkChannelsLast(name, cfg);
        int[] k = pair(cfg, "kernel_size", null);
        int[] st = pair(cfg, "strides", new int[] {1, 1});
        int[] dil = pair(cfg, "dilation_rate", new int[] {1, 1});
        String padding = String.valueOf(cfg.get("padding"));
        int[] py = spatial(name, padding, s[0], k[0], st[0], dil[0]);
        int[] px = spatial(name, padding, s[1], k[1], st[1], dil[1]);
        int cin = s[2];
        float[] kernel;
        long[] wdims;
        int cout;
        int group;
        if (depthwise) {
            int m = num(cfg, "depth_multiplier", 1).intValue();
            float[] kw = model.weight(name, "depthwise_kernel");
            expectShape(name, "depthwise_kernel", model.shape(name, "depthwise_kernel"), new int[] {k[0], k[1], cin, m});
            cout = cin * m;
            kernel = new float[cout * k[0] * k[1]];
            for (int ky = 0; ky < k[0]; ky++) {
                for (int kx = 0; kx < k[1]; kx++) {
                    for (int c = 0; c < cin; c++) {
                        for (int j = 0; j < m; j++) {
                            kernel[((c * m + j) * k[0] + ky) * k[1] + kx] = kw[((ky * k[1] + kx) * cin + c) * m + j];
                        }
                    }
                }
            }
            wdims = new long[] {cout, 1, k[0], k[1]};
            group = cin;
        } else {
            cout = num(cfg, "filters", 0).intValue();
            float[] kw = model.weight(name, "kernel");
            expectShape(name, "kernel", model.shape(name, "kernel"), new int[] {k[0], k[1], cin, cout});
            kernel = new float[cout * cin * k[0] * k[1]];
            for (int ky = 0; ky < k[0]; ky++) {
                for (int kx = 0; kx < k[1]; kx++) {
                    for (int c = 0; c < cin; c++) {
                        for (int o = 0; o < cout; o++) {
                            kernel[((o * cin + c) * k[0] + ky) * k[1] + kx] = kw[((ky * k[1] + kx) * cin + c) * cout + o];
                        }
                    }
                }
            }
            wdims = new long[] {cout, cin, k[0], k[1]};
            group = 1;
        }
        g.initializer(name + "/W", wdims, kernel);
        List<String> inputs = new ArrayList<>(List.of(x, name + "/W"));
        if (!Boolean.FALSE.equals(cfg.get("use_bias"))) {
            float[] b = model.weight(name, "bias");
            expectShape(name, "bias", model.shape(name, "bias"), new int[] {cout});
            g.initializer(name + "/B", new long[] {cout}, b);
            inputs.add(name + "/B");
        }
        String act = String.valueOf(cfg.getOrDefault("activation", "linear"));
        String out = "linear".equals(act) ? name : name + "/linear";
        g.node("Conv", inputs, List.of(out), out, Attr.ints("kernel_shape", k[0], k[1]), Attr.ints("strides", st[0], st[1]),
                Attr.ints("dilations", dil[0], dil[1]), padding(padding, py, px), Attr.i("group", group));
        if (!"linear".equals(act)) {
            activation(act, out, name, 3);
        }
        define(name, new int[] {py[2], px[2], cout});
    }

    /** Explicit pads at the native size, or TensorFlow's 'same' rule at any size. */
    private Attr padding(String padding, int[] py, int[] px) {
        if (dynamicSize) {
            return Attr.s("auto_pad", "same".equals(padding) ? "SAME_UPPER" : "VALID");
        }
        return Attr.ints("pads", py[0], px[0], py[1], px[1]);
    }

    private static void checkChannelsLast(String name, Map<String, Object> cfg) {
        Object f = cfg.get("data_format");
        if (f != null && !"channels_last".equals(f)) {
            throw new IllegalArgumentException("layer " + name + ": data_format " + f + " is not supported (channels_last)");
        }
    }

    private static void expectShape(String name, String weight, int[] actual, int[] expected) {
        if (!Arrays.equals(actual, expected)) {
            throw new IllegalArgumentException("layer " + name + ": weight " + weight + " has shape " + Arrays.toString(actual) + ", expected "
                    + Arrays.toString(expected));
        }
    }

    private void batchNorm(String name, Map<String, Object> cfg, String x) {
        int[] s = shape.get(x);
        int c = s[s.length - 1];
        Object axisObj = cfg.get("axis");
        int axis = axisObj instanceof List<?> l ? ((Number) l.get(0)).intValue() : num(cfg, "axis", -1).intValue();
        if (axis != -1 && axis != s.length) {
            throw new IllegalArgumentException("layer " + name + ": batch normalization over axis " + axis + " is not supported (channels, -1)");
        }
        float[] gamma = Boolean.FALSE.equals(cfg.get("scale")) ? filled(c, 1f) : model.weight(name, "gamma");
        float[] beta = Boolean.FALSE.equals(cfg.get("center")) ? filled(c, 0f) : model.weight(name, "beta");
        float[] mean = model.weight(name, "moving_mean");
        float[] var = model.weight(name, "moving_variance");
        for (float[] a : List.of(gamma, beta, mean, var)) {
            if (a.length != c) {
                throw new IllegalArgumentException("layer " + name + ": batch-norm parameters have " + a.length + " values for " + c + " channels");
            }
        }
        long[] d = {c};
        g.initializer(name + "/gamma", d, gamma).initializer(name + "/beta", d, beta).initializer(name + "/mean", d, mean)
                .initializer(name + "/var", d, var);
        float eps = num(cfg, "epsilon", 1e-3).floatValue();
        g.node("BatchNormalization", List.of(x, name + "/gamma", name + "/beta", name + "/mean", name + "/var"), List.of(name), name,
                Attr.f("epsilon", eps));
        define(name, s);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private void relu(String name, Map<String, Object> cfg, String x) {
        Object max = cfg.get("max_value");
        double slope = num(cfg, "negative_slope", 0.0).doubleValue();
        double threshold = num(cfg, "threshold", 0.0).doubleValue();
        if (threshold != 0) {
            throw new IllegalArgumentException("layer " + name + ": ReLU with threshold " + threshold + " is not supported");
        }
        if (slope == 0) {
            if (max == null) {
                g.node("Relu", List.of(x), List.of(name), name);
            } else {
                g.node("Clip", List.of(x, scalar(0f), scalar(((Number) max).floatValue())), List.of(name), name);
            }
        } else if (max == null) {
            g.node("LeakyRelu", List.of(x), List.of(name), name, Attr.f("alpha", (float) slope));
        } else {
            g.node("LeakyRelu", List.of(x), List.of(name + "/leaky"), name + "/leaky", Attr.f("alpha", (float) slope));
            g.node("Min", List.of(name + "/leaky", scalar(((Number) max).floatValue())), List.of(name), name);
        }
        define(name, shape.get(x));
    }

    private void activation(String act, String x, String out, int rank) {
        String a = act.toLowerCase(Locale.ROOT);
        switch (a) {
            case "linear" -> g.node("Identity", List.of(x), List.of(out), out);
            case "relu" -> g.node("Relu", List.of(x), List.of(out), out);
            case "relu6" -> g.node("Clip", List.of(x, scalar(0f), scalar(6f)), List.of(out), out);
            case "sigmoid" -> g.node("Sigmoid", List.of(x), List.of(out), out);
            case "tanh" -> g.node("Tanh", List.of(x), List.of(out), out);
            case "softmax" -> g.node("Softmax", List.of(x), List.of(out), out, Attr.i("axis", rank == 3 ? 1 : -1));
            case "elu" -> g.node("Elu", List.of(x), List.of(out), out, Attr.f("alpha", 1f));
            case "selu" -> g.node("Selu", List.of(x), List.of(out), out);
            case "softplus" -> g.node("Softplus", List.of(x), List.of(out), out);
            case "softsign" -> g.node("Softsign", List.of(x), List.of(out), out);
            case "exponential" -> g.node("Exp", List.of(x), List.of(out), out);
            case "hard_sigmoid" -> g.node("HardSigmoid", List.of(x), List.of(out), out, Attr.f("alpha", 0.2f), Attr.f("beta", 0.5f));
            case "swish", "silu" -> {
                g.node("Sigmoid", List.of(x), List.of(out + "/sigmoid"), out + "/sigmoid");
                g.node("Mul", List.of(x, out + "/sigmoid"), List.of(out), out);
            }
            default -> throw new IllegalArgumentException("layer " + out + ": activation '" + act + "' is not supported");
        }
    }

    @SuppressWarnings("unchecked")
    private void zeroPad(String name, Map<String, Object> cfg, String x) {
        int[] s = rank3(name, x);
        checkChannelsLast(name, cfg);
        Object p = cfg.get("padding");
        int top;
        int bottom;
        int left;
        int right;
        if (p instanceof Number n) {
            top = bottom = left = right = n.intValue();
        } else {
            List<Object> l = (List<Object>) p;
            if (l.get(0) instanceof Number) {
                top = bottom = ((Number) l.get(0)).intValue();
                left = right = ((Number) l.get(1)).intValue();
            } else {
                List<Object> hp = (List<Object>) l.get(0);
                List<Object> wp = (List<Object>) l.get(1);
                top = ((Number) hp.get(0)).intValue();
                bottom = ((Number) hp.get(1)).intValue();
                left = ((Number) wp.get(0)).intValue();
                right = ((Number) wp.get(1)).intValue();
            }
        }
        g.initializerInt64(name + "/pads", new long[] {8}, new long[] {0, 0, top, left, 0, 0, bottom, right});
        g.node("Pad", List.of(x, name + "/pads"), List.of(name), name, Attr.s("mode", "constant"));
        define(name, new int[] {s[0] + top + bottom, s[1] + left + right, s[2]});
    }

    private void concat(String name, Map<String, Object> cfg, List<String> in) {
        int[] first = shape.get(in.get(0));
        int rank = first.length + 1;
        int axis = num(cfg, "axis", -1).intValue();
        if (axis < 0) {
            axis += rank;
        }
        int onnxAxis;
        int keep;
        if (rank == 4) {
            onnxAxis = switch (axis) {
                case 1 -> 2;
                case 2 -> 3;
                case 3 -> 1;
                default -> throw new IllegalArgumentException("layer " + name + ": cannot concatenate along the batch axis");
            };
            keep = axis - 1;
        } else if (rank == 2 && axis == 1) {
            onnxAxis = 1;
            keep = 0;
        } else {
            throw new IllegalArgumentException("layer " + name + ": concatenation of rank-" + rank + " tensors along axis " + axis + " is not supported");
        }
        int[] out = first.clone();
        out[keep] = 0;
        for (String i : in) {
            int[] s = shape.get(i);
            for (int d = 0; d < s.length; d++) {
                if (d != keep && s[d] != first[d]) {
                    throw new IllegalArgumentException("layer " + name + ": input shapes " + Arrays.toString(first) + " and " + Arrays.toString(s)
                            + " do not fit along axis " + axis);
                }
            }
            out[keep] += s[keep];
        }
        g.node("Concat", in, List.of(name), name, Attr.i("axis", onnxAxis));
        define(name, out);
    }

    private void pool(String name, Map<String, Object> cfg, String x, boolean max) {
        int[] s = rank3(name, x);
        checkChannelsLast(name, cfg);
        int[] k = pair(cfg, "pool_size", new int[] {2, 2});
        int[] st = pair(cfg, "strides", k);
        String padding = String.valueOf(cfg.get("padding"));
        int[] py = spatial(name, padding, s[0], k[0], st[0], 1);
        int[] px = spatial(name, padding, s[1], k[1], st[1], 1);
        List<Attr> attrs = new ArrayList<>(List.of(Attr.ints("kernel_shape", k[0], k[1]), Attr.ints("strides", st[0], st[1]),
                padding(padding, py, px)));
        if (!max) {
            // TensorFlow averages over the cells inside the image only.
            attrs.add(Attr.i("count_include_pad", 0));
        }
        g.node(max ? "MaxPool" : "AveragePool", List.of(x), List.of(name), name, attrs.toArray(new Attr[0]));
        define(name, new int[] {py[2], px[2], s[2]});
    }

    private void flatten(String name, String x) {
        int[] s = shape.get(x);
        if (s.length == 1) {
            g.node("Identity", List.of(x), List.of(name), name);
            define(name, s);
            return;
        }
        String src = x;
        if (dynamicSize || s[0] != 1 || s[1] != 1) {
            // Keras flattens channels-last: transpose NCHW back to NHWC first so the order matches.
            src = name + "/nhwc";
            g.node("Transpose", List.of(x), List.of(src), src, Attr.ints("perm", 0, 2, 3, 1));
        }
        g.node("Flatten", List.of(src), List.of(name), name, Attr.i("axis", 1));
        define(name, new int[] {s[0] * s[1] * s[2]});
    }

    private void dense(String name, Map<String, Object> cfg, String x) {
        int[] s = shape.get(x);
        if (s.length != 1) {
            throw new IllegalArgumentException("layer " + name + ": Dense on a rank-" + (s.length + 1) + " input is not supported; flatten first");
        }
        int units = num(cfg, "units", 0).intValue();
        float[] kernel = model.weight(name, "kernel");
        expectShape(name, "kernel", model.shape(name, "kernel"), new int[] {s[0], units});
        g.initializer(name + "/W", new long[] {s[0], units}, kernel);
        List<String> inputs = new ArrayList<>(List.of(x, name + "/W"));
        if (!Boolean.FALSE.equals(cfg.get("use_bias"))) {
            g.initializer(name + "/B", new long[] {units}, model.weight(name, "bias"));
            inputs.add(name + "/B");
        }
        String act = String.valueOf(cfg.getOrDefault("activation", "linear"));
        String out = "linear".equals(act) ? name : name + "/linear";
        g.node("Gemm", inputs, List.of(out), out);
        if (!"linear".equals(act)) {
            activation(act, out, name, 1);
        }
        define(name, new int[] {units});
    }
}
