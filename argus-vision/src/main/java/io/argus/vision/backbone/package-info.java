/**
 * Pretrained backbones on the CPU: any ONNX image model with chosen intermediate layers
 * ({@link io.argus.vision.backbone.OnnxFeatureExtractor}), a feature cache keyed by backbone spec and
 * image hash ({@link io.argus.vision.backbone.CachingFeatureExtractor}), name resolution and the model
 * cache ({@link io.argus.vision.backbone.Backbones}), and the ImageNet MobileNetV2 and InceptionV3 of the
 * npm package nsfwjs@4.4.0, converted from TF.js and checked against the original runtime
 * ({@link io.argus.vision.backbone.NsfwjsModels}).
 */
package io.argus.vision.backbone;
