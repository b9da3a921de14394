package io.argus.vision.methods.musc;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.vision.methods.BackboneConfig;
import io.argus.vision.methods.ImageBackbones;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of {@link Musc}. Defaults from xrli-U/MuSc {@code configs/musc.yaml}: LNAMD aggregation
 * degrees r ∈ {1, 3, 5}, mutual scoring over the lowest 30% of the other images' distances
 * ({@code topmin_min = 0}, {@code topmin_max = 0.3}), RsCIN with {@code k_list = [1, 2, 3]} (MVTec AD),
 * the whole set in one subset ({@code divide_num = 1}); MobileNetV2 stands in for CLIP ViT-L/14-336.
 *
 * @param backbone backbone name or ONNX file
 * @param layers comma-separated layers
 * @param imageSize square network input in pixels
 * @param rList comma-separated LNAMD aggregation degrees (odd)
 * @param topminMax share of the other images whose distances are averaged (the lowest ones)
 * @param kList comma-separated RsCIN neighbourhood sizes (1 alone = no re-scoring)
 * @param subsets number of random subsets the scored set is split into ({@code divide_num})
 */
public record MuscParams(
        @Param(doc = "backbone: a pulled model name (mobilenet_v2) or an ONNX file") String backbone,
        @Param(doc = "comma-separated backbone layers") String layers,
        @Param(doc = "side of the square network input in pixels", min = 32, max = 1024) int imageSize,
        @Param(doc = "comma-separated LNAMD aggregation degrees r (odd)") String rList,
        @Param(doc = "share of the other images whose (lowest) distances are averaged", min = 1e-6, max = 1) double topminMax,
        @Param(doc = "comma-separated RsCIN neighbourhood sizes; 1 alone disables re-scoring") String kList,
        @Param(doc = "random subsets the scored set is split into (divide_num); cost grows with the square of a subset's size", min = 1,
                max = 100000) int subsets) {

    /** The reference's defaults with the MobileNetV2 backbone. */
    public static final MuscParams DEFAULTS = new MuscParams(ImageBackbones.DEFAULT, ImageBackbones.DEFAULT_LAYERS, ImageBackbones.DEFAULT_INPUT,
            "1,3,5", 0.3, "1,2,3", 1);

    /** Validates every field. */
    public MuscParams {
        new BackboneConfig(backbone, layers, imageSize);
        for (int r : ints("r_list", rList)) {
            if (r < 1 || r % 2 == 0 || r > 15) {
                throw new IllegalArgumentException("parameter r_list: degree " + r + " must be odd and in [1, 15]");
            }
        }
        for (int k : ints("k_list", kList)) {
            Params.checkRange("k_list", k, 1, 1000);
        }
        if (!(topminMax > 0)) {
            throw new IllegalArgumentException("parameter topmin_max = " + topminMax + " is out of range; allowed: (0, 1]");
        }
        Params.checkRange("topmin_max", topminMax, 0, 1);
        Params.checkRange("subsets", subsets, 1, 100000);
    }

    /** The aggregation degrees. */
    public int[] rs() {
        return ints("r_list", rList).stream().mapToInt(Integer::intValue).toArray();
    }

    /** The RsCIN neighbourhood sizes. */
    public int[] ks() {
        return ints("k_list", kList).stream().mapToInt(Integer::intValue).toArray();
    }

    /** The backbone settings. */
    public BackboneConfig backboneConfig() {
        return new BackboneConfig(backbone, layers, imageSize);
    }

    private static List<Integer> ints(String name, String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + name + " = '" + csv + "': '" + s.trim() + "' is not an integer", e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " = '" + csv + "' is empty");
        }
        return out;
    }
}
