package io.argus.vision.backbone.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only view of an ONNX {@code ModelProto}, parsed with a hand-written protobuf reader: the
 * graph's inputs, outputs, nodes (name, operator, inputs, outputs), value infos, initializer names and
 * metadata. Tensor payloads are not decoded. {@link #withOutputs} rewrites the graph's outputs, which is
 * how intermediate layers of any backbone are exposed to ONNX Runtime.
 *
 * <p>Field numbers follow {@code onnx/onnx.proto} (IR version 3 and later).
 */
public final class OnnxModel {

    /** ONNX {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;

    static final int MODEL_IR_VERSION = 1;
    static final int MODEL_OPSET_IMPORT = 8;
    static final int MODEL_PRODUCER_NAME = 2;
    static final int MODEL_PRODUCER_VERSION = 3;
    static final int MODEL_GRAPH = 7;
    static final int MODEL_METADATA = 14;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_NAME = 2;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int GRAPH_VALUE_INFO = 13;
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int NODE_ATTRIBUTE = 5;
    static final int TENSOR_DIMS = 1;
    static final int TENSOR_DATA_TYPE = 2;
    static final int TENSOR_NAME = 8;
    static final int TENSOR_RAW_DATA = 9;
    static final int TENSOR_DATA_LOCATION = 14;

    /**
     * The declared type of a graph value: its element type and shape.
     *
     * @param name the value's name
     * @param elemType ONNX element type (1 = float), 0 when not declared
     * @param dims the dimensions, -1 for a symbolic or unknown one; null when the shape is not declared
     */
    public record ValueInfo(String name, int elemType, long[] dims) {
        /** The rank, or -1 when the shape is not declared. */
        public int rank() {
            return dims == null ? -1 : dims.length;
        }

        @Override
        public String toString() {
            return name + (dims == null ? "" : Arrays.toString(dims).replace("-1", "?"));
        }
    }

    /**
     * One node of the graph.
     *
     * @param name the node's name (may be empty)
     * @param opType the operator
     * @param inputs its input value names
     * @param outputs its output value names
     */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {
    }

    private final byte[] bytes;
    private final String source;
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private final Map<String, ValueInfo> valueInfos = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> initializers = new HashSet<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean externalData;
    private int graphEnd = -1;
    private int graphFieldStart = -1;

    private OnnxModel(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /**
     * Parses a model.
     *
     * @param bytes the serialised ModelProto
     * @param source the file or name, for messages
     * @throws IllegalArgumentException when the bytes are not a valid ONNX model (names the source)
     */
    public static OnnxModel parse(byte[] bytes, String source) {
        OnnxModel m = new OnnxModel(Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(source, "source"));
        m.parseModel();
        return m;
    }

    private void parseModel() {
        ProtoReader r = new ProtoReader(bytes, source);
        boolean sawIr = false;
        while (r.hasNext()) {
            int tag = r.tag();
            int field = tag >>> 3;
            int wire = tag & 7;
            if (field == MODEL_GRAPH && wire == ProtoReader.LEN) {
                graphFieldStart = r.fieldStart();
                ProtoReader g = r.message();
                graphEnd = r.position();
                parseGraph(g);
            } else if (field == MODEL_IR_VERSION && wire == ProtoReader.VARINT) {
                r.varint();
                sawIr = true;
            } else if (field == MODEL_METADATA && wire == ProtoReader.LEN) {
                ProtoReader e = r.message();
                String k = "";
                String v = "";
                while (e.hasNext()) {
                    int t = e.tag();
                    if ((t >>> 3) == 1 && (t & 7) == ProtoReader.LEN) {
                        k = e.string();
                    } else if ((t >>> 3) == 2 && (t & 7) == ProtoReader.LEN) {
                        v = e.string();
                    } else {
                        e.skip(t & 7);
                    }
                }
                metadata.put(k, v);
            } else {
                r.skip(wire);
            }
        }
        if (graphFieldStart < 0 || !sawIr) {
            throw new IllegalArgumentException(source + ": not an ONNX model (no " + (sawIr ? "graph" : "ir_version") + " field)");
        }
    }

    private void parseGraph(ProtoReader g) {
        while (g.hasNext()) {
            int tag = g.tag();
            int field = tag >>> 3;
            int wire = tag & 7;
            if (wire != ProtoReader.LEN) {
                g.skip(wire);
                continue;
            }
            switch (field) {
                case GRAPH_NODE -> nodes.add(parseNode(g.message()));
                case GRAPH_INPUT -> inputs.add(parseValueInfo(g.message()));
                case GRAPH_OUTPUT -> outputs.add(parseValueInfo(g.message()));
                case GRAPH_VALUE_INFO -> {
                    ValueInfo v = parseValueInfo(g.message());
                    valueInfos.put(v.name(), v);
                }
                case GRAPH_INITIALIZER -> parseInitializer(g.message());
                default -> g.skip(wire);
            }
        }
    }

    private void parseInitializer(ProtoReader t) {
        while (t.hasNext()) {
            int tag = t.tag();
            if ((tag >>> 3) == TENSOR_NAME && (tag & 7) == ProtoReader.LEN) {
                initializers.add(t.string());
            } else if ((tag >>> 3) == TENSOR_DATA_LOCATION && (tag & 7) == ProtoReader.VARINT) {
                externalData |= t.varint() == 1;
            } else {
                t.skip(tag & 7);
            }
        }
    }

    private static Node parseNode(ProtoReader n) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        while (n.hasNext()) {
            int tag = n.tag();
            int field = tag >>> 3;
            if ((tag & 7) != ProtoReader.LEN) {
                n.skip(tag & 7);
                continue;
            }
            switch (field) {
                case NODE_INPUT -> in.add(n.string());
                case NODE_OUTPUT -> out.add(n.string());
                case NODE_NAME -> name = n.string();
                case NODE_OP_TYPE -> op = n.string();
                default -> n.skip(ProtoReader.LEN);
            }
        }
        return new Node(name, op, List.copyOf(in), List.copyOf(out));
    }

    private static ValueInfo parseValueInfo(ProtoReader v) {
        String name = "";
        int elem = 0;
        long[] dims = null;
        while (v.hasNext()) {
            int tag = v.tag();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == ProtoReader.LEN) {
                name = v.string();
            } else if (field == 2 && (tag & 7) == ProtoReader.LEN) {
                ProtoReader type = v.message();
                while (type.hasNext()) {
                    int tt = type.tag();
                    if ((tt >>> 3) == 1 && (tt & 7) == ProtoReader.LEN) {
                        ProtoReader tensor = type.message();
                        while (tensor.hasNext()) {
                            int t2 = tensor.tag();
                            if ((t2 >>> 3) == 1 && (t2 & 7) == ProtoReader.VARINT) {
                                elem = (int) tensor.varint();
                            } else if ((t2 >>> 3) == 2 && (t2 & 7) == ProtoReader.LEN) {
                                dims = parseShape(tensor.message());
                            } else {
                                tensor.skip(t2 & 7);
                            }
                        }
                    } else {
                        type.skip(tt & 7);
                    }
                }
            } else {
                v.skip(tag & 7);
            }
        }
        return new ValueInfo(name, elem, dims);
    }

    private static long[] parseShape(ProtoReader s) {
        List<Long> dims = new ArrayList<>();
        while (s.hasNext()) {
            int tag = s.tag();
            if ((tag >>> 3) == 1 && (tag & 7) == ProtoReader.LEN) {
                ProtoReader d = s.message();
                long value = -1;
                while (d.hasNext()) {
                    int t = d.tag();
                    if ((t >>> 3) == 1 && (t & 7) == ProtoReader.VARINT) {
                        value = d.varint();
                    } else {
                        d.skip(t & 7);
                    }
                }
                dims.add(value);
            } else {
                s.skip(tag & 7);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** The file or name given when parsing. */
    public String source() {
        return source;
    }

    /** The graph inputs that are not initializers (the data the model is fed). */
    public List<ValueInfo> dataInputs() {
        return inputs.stream().filter(v -> !initializers.contains(v.name())).toList();
    }

    /** The graph's declared outputs. */
    public List<ValueInfo> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /** The nodes in graph order. */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The declared type of a value (an output, an input or a value_info entry), or null. */
    public ValueInfo valueInfo(String name) {
        ValueInfo v = valueInfos.get(name);
        if (v != null) {
            return v;
        }
        for (ValueInfo o : outputs) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        for (ValueInfo i : inputs) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** The model's metadata_props. */
    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** Whether some initializer keeps its data in an external file. */
    public boolean usesExternalData() {
        return externalData;
    }

    /**
     * Every value a node produces, in graph order: the names that can be requested as layers.
     */
    public List<String> layerNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Node n : nodes) {
            for (String o : n.outputs()) {
                if (!o.isEmpty()) {
                    names.add(o);
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * The same model with the graph's outputs replaced by {@code names}, each typed float32 (or as its
     * value_info declares), and without the nodes and initializers those outputs do not need: ONNX Runtime
     * runs every node of a graph, not only those the requested outputs depend on, so a classifier head
     * behind the chosen layers would otherwise still be computed. Graphs with control-flow nodes (If, Loop,
     * Scan), whose subgraphs may read outer values, are not pruned. Every kept field is copied byte for byte.
     *
     * @throws IllegalArgumentException when a name is not produced by any node or fed as an input,
     *     listing the available names
     */
    public byte[] withOutputs(List<String> names) {
        Set<String> produced = new HashSet<>(layerNames());
        inputs.forEach(i -> produced.add(i.name()));
        for (String n : names) {
            if (!produced.contains(n)) {
                throw new IllegalArgumentException(source + ": no layer '" + n + "'; available layers: " + String.join(", ", layerNames()));
            }
        }
        boolean prune = nodes.stream().noneMatch(n -> Set.of("If", "Loop", "Scan").contains(n.opType()));
        // Graph order is topological (ONNX requires it), so one backward pass finds every needed node.
        Set<String> needed = new HashSet<>(names);
        boolean[] keep = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (!prune || n.outputs().stream().anyMatch(needed::contains)) {
                keep[i] = true;
                needed.addAll(n.inputs());
            }
        }
        ProtoWriter graph = new ProtoWriter(graphEnd - graphFieldStart);
        ProtoReader g = graphReader();
        int nodeIndex = 0;
        while (g.hasNext()) {
            int tag = g.tag();
            int field = tag >>> 3;
            int start = g.fieldStart();
            boolean copy = field != GRAPH_OUTPUT;
            if (field == GRAPH_NODE && (tag & 7) == ProtoReader.LEN) {
                copy = keep[nodeIndex++];
                g.skip(tag & 7);
            } else if (prune && (field == GRAPH_INITIALIZER || field == GRAPH_INPUT) && (tag & 7) == ProtoReader.LEN) {
                // Drop unused initializers, and the graph inputs that old IR versions list for them.
                String name = field == GRAPH_INITIALIZER ? initializerName(g.message()) : parseValueInfo(g.message()).name();
                copy = needed.contains(name) || field == GRAPH_INPUT && !initializers.contains(name);
            } else {
                g.skip(tag & 7);
            }
            if (copy) {
                graph.raw(bytes, start, g.position());
            }
        }
        for (String n : names) {
            ValueInfo declared = valueInfo(n);
            int elem = declared != null && declared.elemType() != 0 ? declared.elemType() : FLOAT;
            graph.message(GRAPH_OUTPUT, encodeValueInfo(n, elem, declared == null ? null : declared.dims(), null));
        }
        ProtoWriter model = new ProtoWriter(bytes.length + 1024);
        model.raw(bytes, 0, graphFieldStart);
        model.message(MODEL_GRAPH, graph);
        model.raw(bytes, graphEnd, bytes.length);
        return model.toByteArray();
    }

    private static String initializerName(ProtoReader t) {
        while (t.hasNext()) {
            int tag = t.tag();
            if ((tag >>> 3) == TENSOR_NAME && (tag & 7) == ProtoReader.LEN) {
                return t.string();
            }
            t.skip(tag & 7);
        }
        return "";
    }

    private ProtoReader graphReader() {
        ProtoReader r = new ProtoReader(bytes, graphFieldStart, graphEnd, source);
        r.tag();
        return r.message();
    }

    /**
     * Encodes a ValueInfoProto of a tensor.
     *
     * @param name the value's name
     * @param elemType the ONNX element type
     * @param dims the shape, -1 for a symbolic dimension (named from {@code dimParams}); null for none
     * @param dimParams names of the symbolic dimensions by position, or null
     */
    public static ProtoWriter encodeValueInfo(String name, int elemType, long[] dims, String[] dimParams) {
        ProtoWriter tensor = new ProtoWriter().varint(1, elemType);
        if (dims != null) {
            ProtoWriter shape = new ProtoWriter();
            for (int i = 0; i < dims.length; i++) {
                ProtoWriter d = new ProtoWriter();
                if (dims[i] >= 0) {
                    d.varint(1, dims[i]);
                } else if (dimParams != null && dimParams[i] != null) {
                    d.string(2, dimParams[i]);
                }
                shape.message(1, d);
            }
            tensor.message(2, shape);
        }
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
