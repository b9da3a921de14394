package io.argus.bench.vision;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.bench.DatasetRef;
import io.argus.bench.Suite;
import io.argus.core.Context;
import io.argus.vision.Synthetic;
import io.argus.vision.data.Split;
import io.argus.vision.methods.musc.Musc;
import io.argus.vision.methods.musc.MuscParams;
import io.argus.vision.methods.patchcore.PatchCore;
import io.argus.vision.methods.patchcore.PatchCoreParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSuitesTest {

    @TempDir
    Path root;

    static final PatchCoreParams PATCHCORE = new PatchCoreParams("test-conv", "conv1,conv2", 64, 3, 32, 32, 0.5, 1, 4.0, true);

    @Test
    void mvtecLayoutFindsCategoriesAndFillsPixelMetricsOnlyWithGroundTruth() throws Exception {
        Synthetic.category(root.resolve("mvtec_ad/a"), 6, 3, 3, false, 21);
        Synthetic.category(root.resolve("mvtec_ad/b"), 6, 3, 3, false, 22);
        MvtecLayoutSuite suite = new MvtecLayoutSuite();
        List<DatasetRef> refs = suite.datasets(root);
        assertThat(refs).extracting(DatasetRef::name).containsExactly("a", "b");
        try (Context ctx = Context.builder().threads(1).seed(0).build()) {
            Suite.Outcome o = suite.run(suite.load(refs.get(0)), new PatchCore(PATCHCORE), ctx);
            assertThat(o.n()).isEqualTo(6);
            assertThat(o.metrics()).containsKeys("image_auroc", "image_ap", "pixel_auroc", "aupro", "f1_max", "ms_per_image", "bank_size");
            assertThat(o.metrics().get("pixel_auroc")).isBetween(0.0, 1.0);
            try (var w = Files.walk(root.resolve("mvtec_ad/b/ground_truth"))) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Suite.Outcome noGt = suite.run(suite.load(refs.get(1)), new PatchCore(PATCHCORE), ctx);
            assertThat(noGt.metrics()).containsKey("image_auroc").doesNotContainKeys("pixel_auroc", "aupro", "f1_max");
        }
    }

    @Test
    void aFolderOfCategoriesGivenAsTheDataRootIsASuiteToo() throws Exception {
        Synthetic.category(root.resolve("bottle"), 2, 1, 1, false, 23);
        assertThat(new MvtecLayoutSuite().datasets(root)).extracting(DatasetRef::name).containsExactly("bottle");
        assertThat(new MagneticTileSuite().datasets(root)).isEmpty();
    }

    @Test
    void zeroShotMethodsAreFittedOnNoImage() throws Exception {
        Synthetic.category(root.resolve("c"), 1, 4, 3, false, 24);
        MvtecLayoutSuite suite = new MvtecLayoutSuite();
        Split split = suite.load(suite.datasets(root).get(0));
        MuscParams p = new MuscParams("test-conv", "conv1,conv2", 64, "1,3", 0.3, "1,2,3", 1);
        try (Context ctx = Context.builder().threads(1).seed(0).build()) {
            Suite.Outcome o = suite.run(split, new Musc(p), ctx);
            assertThat(o.metrics().get("image_auroc")).isGreaterThan(0.5);
            assertThat(o.metrics()).doesNotContainKey("bank_size");
        }
    }
}
