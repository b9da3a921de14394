package io.argus.bench.vision;

import io.argus.bench.DatasetRef;
import io.argus.vision.data.MvtecLayout;
import io.argus.vision.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any folder whose subfolders are categories in the MVTec AD layout (train/good, test/TYPE,
 * ground_truth/TYPE optional): one data set per category. The folder is {@code mvtec_ad} under the data
 * root, or the data root itself when its own subfolders are categories ({@code --data DIR}). Without
 * ground_truth only the image metrics are filled.
 */
public final class MvtecLayoutSuite extends ImageSuite {

    @Override
    public String name() {
        return "mvtec-layout";
    }

    @Override
    public String description() {
        return "categories in MVTec AD layout: fit on train/good, test on test/*; pixel metrics where ground_truth exists";
    }

    @Override
    public String folder() {
        return "mvtec_ad";
    }

    @Override
    public List<DatasetRef> datasets(Path dataRoot) {
        Path dir = dataRoot.resolve(folder());
        if (!Files.isDirectory(dir)) {
            dir = dataRoot;
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<DatasetRef> out = new ArrayList<>();
        for (Path c : MvtecLayout.categories(dir)) {
            out.add(new DatasetRef(name(), c.getFileName().toString(), c));
        }
        return out;
    }

    @Override
    public Split load(DatasetRef ref) {
        return MvtecLayout.read(ref.file());
    }
}
