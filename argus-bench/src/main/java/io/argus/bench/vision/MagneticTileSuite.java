package io.argus.bench.vision;

import io.argus.bench.DatasetRef;
import io.argus.vision.data.MagneticTile;
import io.argus.vision.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The magnetic tile defects (Huang et al., The Visual Computer 2020) under the protocol of BENCHMARKS.md
 * (AnomalyNCD's): normal = MT_Free, a seeded 80% of it trains, the other 20% and every defect image test.
 * One data set, {@code magnetic_tile}. Published pixel AUPRO with WideResNet-50 backbones: PatchCore 0.729,
 * MuSc (zero-shot) 0.769.
 */
public final class MagneticTileSuite extends ImageSuite {

    @Override
    public String name() {
        return "magnetic-tile";
    }

    @Override
    public String description() {
        return "magnetic tile defects: fit on 80% of MT_Free (seeded split), test on the rest plus all 392 defects; image and pixel metrics";
    }

    @Override
    public String folder() {
        return "magnetic_tile";
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder());
        if (!Files.isDirectory(dir.resolve(MagneticTile.NORMAL))) {
            return List.of();
        }
        return List.of(new DatasetRef(name(), "magnetic_tile", dir));
    }

    @Override
    public Split load(DatasetRef ref) {
        return MagneticTile.read(ref.file(), MagneticTile.SEED_DEFAULT);
    }
}
