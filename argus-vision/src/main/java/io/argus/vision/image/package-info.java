/**
 * Images in: strict decoding of PNG, JPEG, BMP and TIFF (grey and colour) and of ground-truth masks
 * ({@link io.argus.vision.image.Images}), and the preprocessing that turns an image into a backbone's
 * input tensor and travels with every model ({@link io.argus.vision.image.Preprocess}).
 */
package io.argus.vision.image;
