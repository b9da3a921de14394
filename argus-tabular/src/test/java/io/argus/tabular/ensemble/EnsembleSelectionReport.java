package io.argus.tabular.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.Context;
import io.argus.core.Scores;
import io.argus.core.TestData;
import io.argus.core.data.Table;
import io.argus.core.io.TableReaders;
import io.argus.core.params.MethodRegistry;
import io.argus.tabular.TabularFixtures;
import io.argus.tabular.combine.Combination;
import io.argus.tabular.combine.ScoreCombiner;
import io.argus.tabular.combine.Standardization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The leave-some-out check behind {@link EnsembleParams#DEFAULTS}, run on demand (it fits every single
 * member of the candidate pools on every ADBench file with three seeds, several minutes on 2 idle cores):
 *
 * <pre>
 * nice -n 10 ./mvnw -o -q -B -pl argus-tabular -am verify -Dtest='io.argus.tabular.ensemble.EnsembleSelectionReport' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dargus.ensemble.selection=$PWD/target/ensemble-selection
 * </pre>
 *
 * <p>Protocol: each member method's in-sample scores (ADBench unsupervised protocol: fit and score on
 * all rows, seeds 0-2; labels only for AUROC) are cached under the given folder. A short list of
 * candidate pools, fixed in advance from the families of inductive bias (never a search over subsets),
 * is crossed with every rule and standardisation; the configuration with the best mean AUROC on the
 * odd-numbered files is chosen, and its mean AUROC on the even-numbered files (never looked at for the
 * choice) is compared with every single method's on the same files. The report is
 * {@code selection.md} in that folder.
 */
@EnabledIfSystemProperty(named = "argus.ensemble.selection", matches = ".+")
class EnsembleSelectionReport {

    /**
     * The candidate pools: isolation, neighbour distance and distribution tail, with a linear view of the
     * feature dependence (PCA, Ledoit–Wolf Mahalanobis, or both). Fixed from the families and the cost
     * bound (MCD's minutes per seed on InternetAds rule it out as a default member), never searched.
     */
    static final List<String> POOLS = List.of(
            "iforest,knn,ecod,pca",
            "iforest,knn,ecod,mahalanobis",
            "iforest,knn,ecod,pca,mahalanobis");

    static final int SEEDS = 3;

    @Test
    void chooseOnOddFilesConfirmOnEvenFiles() throws IOException {
        Path out = Path.of(System.getProperty("argus.ensemble.selection"));
        Path dataDir = TestData.require("adbench_classical");
        List<Path> files;
        try (Stream<Path> s = Files.list(dataDir)) {
            // odd-numbered files first: the choice needs only them
            files = s.filter(p -> p.toString().endsWith(".npz"))
                    .sorted(Comparator.comparingInt((Path p) -> number(p) % 2 == 1 ? 0 : 1).thenComparingInt(EnsembleSelectionReport::number))
                    .toList();
        }
        MethodRegistry registry = MethodRegistry.load();
        List<String> methods = new ArrayList<>();
        for (String pool : POOLS) {
            for (String m : pool.split(",")) {
                if (!methods.contains(m)) {
                    methods.add(m);
                }
            }
        }
        // auroc.get(config)[file][seed]
        Map<String, double[][]> auroc = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            String name = file.getFileName().toString().replace(".npz", "");
            names.add(name);
            Table t = TableReaders.read(file);
            int[] labels = t.labels().orElseThrow();
            Table x = t.withoutLabels();
            for (int seed = 0; seed < SEEDS; seed++) {
                Map<String, Scores> scores = new LinkedHashMap<>();
                for (String m : methods) {
                    boolean deterministic = registry.get(m).provider().deterministic();
                    Path cache = out.resolve("scores").resolve(name).resolve(m + "-" + (deterministic ? 0 : seed) + ".f64");
                    double[] s = Files.exists(cache) ? read(cache) : null;
                    if (s == null) {
                        try (Context ctx = Context.builder().seed(seed).threads(2).build()) {
                            s = Member.of(registry, m).detector().fitScore(x, ctx).trainingScores().toArray();
                        }
                        write(cache, s);
                    }
                    scores.put(m, Scores.of(s));
                    put(auroc, "single " + m, files.size(), f, seed, TabularFixtures.auroc(s, labels));
                }
                for (String pool : POOLS) {
                    List<Scores> members = new ArrayList<>();
                    for (String m : pool.split(",")) {
                        members.add(scores.get(m));
                    }
                    for (Standardization st : Standardization.values()) {
                        for (Combination rule : Combination.values()) {
                            ScoreCombiner c = ScoreCombiner.fit(members, st, rule, 2, new SplittableRandom(seed));
                            double a = TabularFixtures.auroc(c.combine(members).values(), labels);
                            put(auroc, config(pool, rule, st), files.size(), f, seed, a);
                        }
                    }
                }
            }
        }
        List<Integer> odd = new ArrayList<>();
        List<Integer> even = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            (number(files.get(f)) % 2 == 1 ? odd : even).add(f);
        }
        String best = null;
        for (String key : auroc.keySet()) {
            if (!key.startsWith("single") && (best == null || mean(auroc.get(key), odd) > mean(auroc.get(best), odd))) {
                best = key;
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Ensemble default: chosen on odd-numbered files, confirmed on even-numbered files\n\n");
        md.append("Files: ").append(names.size()).append(" (odd ").append(odd.size()).append(", even ").append(even.size())
                .append("), seeds 0-").append(SEEDS - 1).append(", mean AUROC of in-sample scores.\n\n");
        md.append("Chosen on the odd files: **").append(best).append("**\n\n");
        md.append("| configuration | odd (choice) | even (check) | all |\n|---|---|---|---|\n");
        List<String> keys = new ArrayList<>(auroc.keySet());
        keys.sort(Comparator.comparingDouble((String k) -> -mean(auroc.get(k), odd)));
        for (String k : keys) {
            md.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %.4f |%n", k, k.equals(best) ? " (chosen)" : "",
                    mean(auroc.get(k), odd), mean(auroc.get(k), even), mean(auroc.get(k), all(names.size()))));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("selection.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        assertThat(best).isNotNull();
    }

    private static String config(String pool, Combination rule, Standardization st) {
        return "ensemble members=" + pool + " rule=" + rule.name().toLowerCase(Locale.ROOT) + " standardization="
                + st.name().toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, double[][]> map, String key, int files, int f, int seed, double value) {
        map.computeIfAbsent(key, k -> new double[files][SEEDS])[f][seed] = value;
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Mean over the files of the mean over seeds. */
    private static double mean(double[][] a, List<Integer> files) {
        double sum = 0;
        for (int f : files) {
            double s = 0;
            for (double v : a[f]) {
                s += v;
            }
            sum += s / a[f].length;
        }
        return sum / files.size();
    }

    private static int number(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(0, n.indexOf('_')));
    }

    private static double[] read(Path p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    private static void write(Path p, double[] s) {
        try {
            Files.createDirectories(p.getParent());
            ByteBuffer b = ByteBuffer.allocate(s.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(s);
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.write(tmp, b.array());
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
