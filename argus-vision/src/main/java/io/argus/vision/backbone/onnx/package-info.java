/**
 * ONNX models read and written with a hand-written protocol-buffers codec (no protobuf-java): a parsed
 * view that rewrites a graph's outputs ({@link io.argus.vision.backbone.onnx.OnnxModel}) and a graph
 * builder ({@link io.argus.vision.backbone.onnx.OnnxGraphBuilder}).
 */
package io.argus.vision.backbone.onnx;
