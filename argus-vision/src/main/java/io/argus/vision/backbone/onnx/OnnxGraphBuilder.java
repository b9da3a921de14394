package io.argus.vision.backbone.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an ONNX {@code ModelProto} (one graph, default domain) with the hand-written protobuf writer:
 * inputs, outputs, value infos, float32/int64 initializers and nodes with int, float, string and ints
 * attributes. Enough for converted CNN backbones and for test models.
 */
public final class OnnxGraphBuilder {

    /** ONNX {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = 7;

    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private final String name;
    private final ProtoWriter graph = new ProtoWriter(1 << 20);
    private final ProtoWriter inputs = new ProtoWriter();
    private final ProtoWriter outputs = new ProtoWriter();
    private final ProtoWriter infos = new ProtoWriter();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int nodes;

    /** A node attribute. */
    public static final class Attr {
        private final ProtoWriter w;

        private Attr(ProtoWriter w) {
            this.w = w;
        }

        /** An int attribute. */
        public static Attr i(String name, long v) {
            return new Attr(new ProtoWriter().string(1, name).varint(20, ATTR_INT).varint(3, v));
        }

        /** A float attribute. */
        public static Attr f(String name, float v) {
            return new Attr(new ProtoWriter().string(1, name).varint(20, ATTR_FLOAT).float32(2, v));
        }

        /** A string attribute. */
        public static Attr s(String name, String v) {
            return new Attr(new ProtoWriter().string(1, name).varint(20, ATTR_STRING).string(4, v));
        }

        /** An ints attribute. */
        public static Attr ints(String name, long... v) {
            ProtoWriter w = new ProtoWriter().string(1, name).varint(20, ATTR_INTS);
            for (long x : v) {
                w.varint(8, x);
            }
            return new Attr(w);
        }
    }

    /** A builder for a graph of the given name. */
    public OnnxGraphBuilder(String name) {
        this.name = name;
    }

    /** Declares a float input; a negative dimension is symbolic, named by {@code dimParams}. */
    public OnnxGraphBuilder input(String value, long[] dims, String[] dimParams) {
        inputs.message(OnnxModel.GRAPH_INPUT, OnnxModel.encodeValueInfo(value, OnnxModel.FLOAT, dims, dimParams));
        return this;
    }

    /** Declares a float output. */
    public OnnxGraphBuilder output(String value, long[] dims, String[] dimParams) {
        outputs.message(OnnxModel.GRAPH_OUTPUT, OnnxModel.encodeValueInfo(value, OnnxModel.FLOAT, dims, dimParams));
        return this;
    }

    /** Declares the type and shape of an intermediate float value. */
    public OnnxGraphBuilder valueInfo(String value, long[] dims, String[] dimParams) {
        infos.message(OnnxModel.GRAPH_VALUE_INFO, OnnxModel.encodeValueInfo(value, OnnxModel.FLOAT, dims, dimParams));
        return this;
    }

    /** A float32 initializer, stored as little-endian raw data. */
    public OnnxGraphBuilder initializer(String value, long[] dims, float[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        ProtoWriter t = new ProtoWriter(data.length * 4 + 64);
        if (dims.length > 0) {
            t.packedInt64(OnnxModel.TENSOR_DIMS, dims);
        }
        graph.message(OnnxModel.GRAPH_INITIALIZER, t.varint(OnnxModel.TENSOR_DATA_TYPE, OnnxModel.FLOAT).string(OnnxModel.TENSOR_NAME, value)
                .bytes(OnnxModel.TENSOR_RAW_DATA, b.array()));
        return this;
    }

    /** An int64 initializer. */
    public OnnxGraphBuilder initializerInt64(String value, long[] dims, long[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(data);
        graph.message(OnnxModel.GRAPH_INITIALIZER, new ProtoWriter().packedInt64(OnnxModel.TENSOR_DIMS, dims)
                .varint(OnnxModel.TENSOR_DATA_TYPE, INT64).string(OnnxModel.TENSOR_NAME, value).bytes(OnnxModel.TENSOR_RAW_DATA, b.array()));
        return this;
    }

    /** A node of the default domain; an empty input name is an omitted optional input. */
    public OnnxGraphBuilder node(String opType, List<String> in, List<String> out, String nodeName, Attr... attrs) {
        ProtoWriter n = new ProtoWriter();
        for (String s : in) {
            n.string(OnnxModel.NODE_INPUT, s);
        }
        for (String s : out) {
            n.string(OnnxModel.NODE_OUTPUT, s);
        }
        n.string(OnnxModel.NODE_NAME, nodeName == null ? opType + "_" + nodes : nodeName);
        n.string(OnnxModel.NODE_OP_TYPE, opType);
        for (Attr a : attrs) {
            n.message(OnnxModel.NODE_ATTRIBUTE, a.w);
        }
        graph.message(OnnxModel.GRAPH_NODE, n);
        nodes++;
        return this;
    }

    /** A metadata_props entry of the model. */
    public OnnxGraphBuilder metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /**
     * The serialised model.
     *
     * @param irVersion the IR version (7 for opset 13)
     * @param opset the default domain's opset version
     * @param producer the producer name
     */
    public byte[] build(long irVersion, long opset, String producer) {
        byte[] g = graph.toByteArray();
        byte[] in = inputs.toByteArray();
        byte[] out = outputs.toByteArray();
        byte[] vi = infos.toByteArray();
        ProtoWriter full = new ProtoWriter(g.length + in.length + out.length + vi.length + 256);
        full.raw(g, 0, g.length).string(OnnxModel.GRAPH_NAME, name).raw(in, 0, in.length).raw(out, 0, out.length).raw(vi, 0, vi.length);
        ProtoWriter model = new ProtoWriter(g.length + 1024).varint(OnnxModel.MODEL_IR_VERSION, irVersion)
                .string(OnnxModel.MODEL_PRODUCER_NAME, producer)
                .message(OnnxModel.MODEL_OPSET_IMPORT, new ProtoWriter().string(1, "").varint(2, opset))
                .message(OnnxModel.MODEL_GRAPH, full);
        metadata.forEach((k, v) -> model.message(OnnxModel.MODEL_METADATA, new ProtoWriter().string(1, k).string(2, v)));
        return model.toByteArray();
    }
}
