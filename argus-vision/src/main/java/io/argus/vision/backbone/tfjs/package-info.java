/**
 * TF.js layers (Keras) models read from model.json or JavaScript bundles, with TF.js's weight
 * dequantization ({@link io.argus.vision.backbone.tfjs.TfjsModel}), and converted to ONNX
 * ({@link io.argus.vision.backbone.tfjs.TfjsConverter}).
 */
package io.argus.vision.backbone.tfjs;
