package io.argus.vision.image;

import io.argus.core.model.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How an image becomes a backbone's input tensor: resize (bilinear, antialiased when shrinking) to
 * {@code resize × resize}, centre crop to {@code crop × crop}, scale samples to [0, 1], subtract
 * {@code mean} and divide by {@code std} per channel, in {@code order}. Stored with every model (as text
 * in its parameters, or as tensors in its state) so that scoring reproduces training exactly.
 *
 * <p>The resize ignores the aspect ratio, so the network input covers the whole image (or, with a crop,
 * a centred part given by {@link #cropBox}) and anomaly maps map back to the original pixels by a plain
 * rescale. The filter is the triangle (bilinear) filter with half-pixel centres whose support widens with
 * the shrink factor, as PIL's and torchvision's antialiased bilinear resize.
 *
 * <p>Grey images are replicated into three channels when {@code colour} allows them: {@link Colour#RGB}
 * rejects grey images and {@link Colour#GRAY} rejects colour ones, which is how a model fitted on one kind
 * refuses the other with a clear error; {@link Colour#ANY} takes both.
 *
 * @param resize side in pixels the image is resized to
 * @param crop side of the centred square crop, at most {@code resize}
 * @param mean per-channel mean subtracted after scaling to [0, 1], in {@code order}
 * @param std per-channel standard deviation divided by, in {@code order}
 * @param order the order of the channels in the tensor
 * @param colour which images are accepted
 */
public record Preprocess(int resize, int crop, float[] mean, float[] std, ChannelOrder order, Colour colour) {

    /** ImageNet mean in RGB order (torchvision). */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

    /** ImageNet standard deviation in RGB order (torchvision). */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /** Channel order of the input tensor. */
    public enum ChannelOrder { RGB, BGR }

    /** Which decoded images a preprocessing accepts. */
    public enum Colour {
        /** Colour images only; a grey image is an error. */
        RGB,
        /** Grey images only (replicated into the channels); a colour image is an error. */
        GRAY,
        /** Both; grey images are replicated into the channels. */
        ANY
    }

    /** Validates and copies the arrays. */
    public Preprocess {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(colour, "colour");
        if (resize < 1 || resize > 8192) {
            throw new IllegalArgumentException("preprocess resize must be in [1, 8192], got " + resize);
        }
        if (crop < 1 || crop > resize) {
            throw new IllegalArgumentException("preprocess crop must be in [1, resize=" + resize + "], got " + crop);
        }
        mean = check("mean", mean, false);
        std = check("std", std, true);
    }

    private static float[] check(String what, float[] v, boolean positive) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException("preprocess " + what + " must have 3 values, got " + (v == null ? "none" : v.length));
        }
        for (float f : v) {
            if (!Float.isFinite(f) || positive && f <= 0) {
                throw new IllegalArgumentException("preprocess " + what + " values must be finite" + (positive ? " and > 0" : "") + ", got "
                        + Arrays.toString(v));
            }
        }
        return v.clone();
    }

    /** ImageNet normalisation (torchvision), resize then centre crop, RGB, any colour. */
    public static Preprocess imagenet(int resize, int crop) {
        return new Preprocess(resize, crop, IMAGENET_MEAN, IMAGENET_STD, ChannelOrder.RGB, Colour.ANY);
    }

    /** Samples scaled to [0, 1] and nothing else (the nsfwjs models' input), resized to {@code size}, no crop. */
    public static Preprocess unitScale(int size) {
        return new Preprocess(size, size, new float[] {0, 0, 0}, new float[] {1, 1, 1}, ChannelOrder.RGB, Colour.ANY);
    }

    /** The same with another accepted colour. */
    public Preprocess withColour(Colour c) {
        return new Preprocess(resize, crop, mean, std, order, c);
    }

    /** The same with another resize and crop. */
    public Preprocess withSize(int newResize, int newCrop) {
        return new Preprocess(newResize, newCrop, mean, std, order, colour);
    }

    /** The mean (a copy). */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** The standard deviation (a copy). */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** The colour an image should be fitted with: {@link Colour#GRAY} for a grey image, else {@link Colour#RGB}. */
    public static Colour colourOf(BufferedImage image) {
        return Images.isGray(image) ? Colour.GRAY : Colour.RGB;
    }

    /**
     * The region of an image of the given size that the network input covers, in the image's pixel
     * coordinates: {x0, y0, x1, y1} (the whole image when there is no crop).
     */
    public double[] cropBox(int width, int height) {
        double off = Math.round((resize - crop) / 2.0);
        double sx = (double) width / resize;
        double sy = (double) height / resize;
        return new double[] {off * sx, off * sy, (off + crop) * sx, (off + crop) * sy};
    }

    /** Values per image in the tensor: 3 × crop × crop. */
    public int tensorSize() {
        return 3 * crop * crop;
    }

    /**
     * Writes the preprocessed image, 3 × crop × crop float32 channel-major (NCHW without N), at
     * {@code out[offset..]}.
     *
     * @param image a decoded image ({@link Images#read})
     * @param name the image's file or id, for messages
     * @throws IllegalArgumentException when the image's colour is not accepted
     */
    public void toTensor(BufferedImage image, Object name, float[] out, int offset) {
        boolean gray = Images.isGray(image);
        if (gray && colour == Colour.RGB) {
            throw new IllegalArgumentException(name + ": grayscale image, but the model expects RGB images (it was fitted on colour images)");
        }
        if (!gray && colour == Colour.GRAY) {
            throw new IllegalArgumentException(name + ": colour image, but the model expects grayscale images (it was fitted on grey images)");
        }
        if (gray && image.getType() != BufferedImage.TYPE_BYTE_GRAY || !gray && image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException(name + ": image type " + image.getType() + " is not decoded; read it with Images.read");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = gray ? 1 : 3;
        int off = (int) Math.round((resize - crop) / 2.0);
        Filter fx = Filter.of(w, resize, off, crop);
        Filter fy = Filter.of(h, resize, off, crop);
        // Horizontal pass over every source row, then vertical, per channel, in float.
        float[][] rows = new float[channels][h * crop];
        if (gray) {
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < crop; x++) {
                    double s = 0;
                    int start = fx.start[x];
                    for (int k = 0; k < fx.count[x]; k++) {
                        s += fx.weights[x][k] * (px[y * w + start + k] & 0xFF);
                    }
                    rows[0][y * crop + x] = (float) s;
                }
            }
        } else {
            int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < crop; x++) {
                    double r = 0;
                    double g = 0;
                    double b = 0;
                    int start = fx.start[x];
                    for (int k = 0; k < fx.count[x]; k++) {
                        int p = px[y * w + start + k];
                        double wk = fx.weights[x][k];
                        r += wk * ((p >> 16) & 0xFF);
                        g += wk * ((p >> 8) & 0xFF);
                        b += wk * (p & 0xFF);
                    }
                    rows[0][y * crop + x] = (float) r;
                    rows[1][y * crop + x] = (float) g;
                    rows[2][y * crop + x] = (float) b;
                }
            }
        }
        int plane = crop * crop;
        // Vertical pass once per source channel (one for grey), then normalise into the tensor's channels.
        float[][] resampled = new float[channels][plane];
        for (int sc = 0; sc < channels; sc++) {
            float[] src = rows[sc];
            float[] dst = resampled[sc];
            for (int y = 0; y < crop; y++) {
                int start = fy.start[y];
                double[] wy = fy.weights[y];
                for (int x = 0; x < crop; x++) {
                    double v = 0;
                    for (int k = 0; k < wy.length; k++) {
                        v += wy[k] * src[(start + k) * crop + x];
                    }
                    dst[y * crop + x] = (float) (Math.min(255.0, Math.max(0.0, v)) / 255.0);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            // Tensor channel c takes source channel rgbIndex; a grey image feeds all three.
            int rgbIndex = order == ChannelOrder.RGB ? c : 2 - c;
            float[] src = resampled[gray ? 0 : rgbIndex];
            double m = mean[c];
            double sd = std[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                out[base + i] = (float) ((src[i] - m) / sd);
            }
        }
    }

    /** Reads and preprocesses one file into a new array of {@link #tensorSize()} values. */
    public float[] toTensor(Path file) {
        float[] out = new float[tensorSize()];
        toTensor(Images.read(file), file, out, 0);
        return out;
    }

    /**
     * The text form, e.g. {@code resize=256,crop=224,mean=0.485:0.456:0.406,std=0.229:0.224:0.225,order=rgb,colour=any},
     * which {@link #parse} reads back to an equal record.
     */
    @Override
    public String toString() {
        return "resize=" + resize + ",crop=" + crop + ",mean=" + join(mean) + ",std=" + join(std) + ",order="
                + order.name().toLowerCase(Locale.ROOT) + ",colour=" + colour.name().toLowerCase(Locale.ROOT);
    }

    private static String join(float[] v) {
        return Float.toString(v[0]) + ":" + v[1] + ":" + v[2];
    }

    /**
     * Reads the text form of {@link #toString()}; keys left out keep the values of {@code defaults}.
     *
     * @throws IllegalArgumentException naming the key and the allowed values when the text is malformed
     */
    public static Preprocess parse(String text, Preprocess defaults) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("preprocess: expected key=value, got '" + p + "' in '" + text + "'");
            }
            kv.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim());
        }
        int resize = defaults.resize;
        int crop = defaults.crop;
        float[] mean = defaults.mean;
        float[] std = defaults.std;
        ChannelOrder order = defaults.order;
        Colour colour = defaults.colour;
        boolean cropGiven = false;
        for (Map.Entry<String, String> e : kv.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "resize" -> resize = Integer.parseInt(v);
                    case "crop" -> {
                        crop = Integer.parseInt(v);
                        cropGiven = true;
                    }
                    case "mean" -> mean = floats(v);
                    case "std" -> std = floats(v);
                    case "order" -> order = ChannelOrder.valueOf(v.toUpperCase(Locale.ROOT));
                    case "colour", "color" -> colour = Colour.valueOf(v.toUpperCase(Locale.ROOT).replace("GREY", "GRAY"));
                    default -> throw new IllegalArgumentException("preprocess: unknown key '" + e.getKey()
                            + "'; known keys: resize, crop, mean, std, order (rgb|bgr), colour (rgb|gray|any)");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("preprocess: " + e.getKey() + "=" + v + " is not a number", ex);
            } catch (IllegalArgumentException ex) {
                if (ex.getMessage() != null && ex.getMessage().startsWith("preprocess")) {
                    throw ex;
                }
                throw new IllegalArgumentException("preprocess: " + e.getKey() + "=" + v + " is not allowed; "
                        + ("order".equals(e.getKey()) ? "use rgb or bgr" : "use rgb, gray or any"), ex);
            }
        }
        if (!cropGiven && crop > resize) {
            crop = resize;
        }
        return new Preprocess(resize, crop, mean, std, order, colour);
    }

    private static float[] floats(String v) {
        String[] parts = v.split(":");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }

    /** Stores this record in a model's state tensors as {@code <prefix>preprocess} (its text form, UTF-8). */
    public void writeTo(Map<String, Tensor> state, String prefix) {
        state.put(prefix + "preprocess", Tensor.u8(toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a record stored by {@link #writeTo}.
     *
     * @throws IllegalArgumentException when the tensor is missing or malformed
     */
    public static Preprocess readFrom(Map<String, Tensor> state, String prefix) {
        Tensor t = state.get(prefix + "preprocess");
        if (t == null || t.dtype() != Tensor.DType.U8) {
            throw new IllegalArgumentException("model state lacks the uint8 tensor '" + prefix + "preprocess'; found: " + state.keySet());
        }
        String text = new String((byte[]) t.array(), StandardCharsets.UTF_8);
        String[] keys = {"resize", "crop", "mean", "std", "order", "colour"};
        for (String k : keys) {
            if (!text.contains(k + "=")) {
                throw new IllegalArgumentException("model state tensor '" + prefix + "preprocess' lacks " + k + ": '" + text + "'");
            }
        }
        return parse(text, unitScale(1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocess p && resize == p.resize && crop == p.crop && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std)
                && order == p.order && colour == p.colour;
    }

    @Override
    public int hashCode() {
        return Objects.hash(resize, crop, Arrays.hashCode(mean), Arrays.hashCode(std), order, colour);
    }

    /** The weights of a 1-D antialiased bilinear resample from n source pixels to the kept outputs. */
    private static final class Filter {
        final int[] start;
        final int[] count;
        final double[][] weights;

        private Filter(int outputs) {
            start = new int[outputs];
            count = new int[outputs];
            weights = new double[outputs][];
        }

        /** Output pixels [off, off + kept) of a resize from {@code in} to {@code out} pixels. */
        static Filter of(int in, int out, int off, int kept) {
            Filter f = new Filter(kept);
            double scale = (double) in / out;
            double support = Math.max(scale, 1.0);
            for (int i = 0; i < kept; i++) {
                double centre = (i + off + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support + 0.5));
                int hi = Math.min(in, (int) Math.floor(centre + support + 0.5));
                double[] w = new double[Math.max(1, hi - lo)];
                double sum = 0;
                for (int k = 0; k < hi - lo; k++) {
                    double t = (lo + k + 0.5 - centre) / support;
                    w[k] = Math.max(0.0, 1.0 - Math.abs(t));
                    sum += w[k];
                }
                if (sum <= 0) {
                    lo = Math.min(in - 1, Math.max(0, (int) centre));
                    w = new double[] {1.0};
                    sum = 1.0;
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= sum;
                }
                f.start[i] = lo;
                f.count[i] = w.length;
                f.weights[i] = w;
            }
            return f;
        }
    }
}
