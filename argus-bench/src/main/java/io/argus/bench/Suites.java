package io.argus.bench;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions;
import io.argus.core.io.TableReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** The benchmark suites Argus knows, by name. */
public final class Suites {

    /**
     * ADBench's classical tables (Han et al., "ADBench: Anomaly Detection Benchmark", NeurIPS 2022):
     * every {@code *.npz} in {@code adbench_classical} with arrays X and y.
     */
    public static final TableSuite ADBENCH = new FolderSuite("adbench", "ADBench classical tables (npz X, y); fit and score on all rows",
            "adbench_classical", ".npz", TableReaders.ReadOptions.defaults());

    /**
     * ODDS tables as shipped with PyOD (Rayana, ODDS library, 2016): every {@code csv/*.csv.gz} in
     * {@code odds_pyod}, label column {@code label}.
     */
    public static final TableSuite ODDS = new FolderSuite("odds", "ODDS tables via PyOD (csv.gz, column 'label'); fit and score on all rows",
            "odds_pyod/csv", ".csv.gz", TableReaders.ReadOptions.defaults().withLabel(CsvOptions.LabelColumn.named("label")));

    private static final Map<String, Suite<?>> BY_NAME = new LinkedHashMap<>();

    static {
        List<Suite<?>> all = new ArrayList<>(List.of(ADBENCH, ODDS));
        for (Suite<?> s : ServiceLoader.load(Suite.class)) {
            all.add(s);
        }
        for (Suite<?> s : all) {
            Suite<?> before = BY_NAME.putIfAbsent(s.name(), s);
            if (before != null) {
                throw new IllegalStateException("two suites are named '" + s.name() + "': " + before.getClass().getName()
                        + " and " + s.getClass().getName());
            }
        }
    }

    private Suites() {
    }

    /** All suites. */
    public static List<Suite<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The suite of that name; an unknown name gives an error listing the known ones. */
    public static Suite<?> byName(String name) {
        Suite<?> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown suite '" + name + "'; known suites: " + String.join(", ", BY_NAME.keySet()));
        }
        return s;
    }

    /** A suite of every file with one extension in one folder, read by {@link TableReaders}. */
    private static final class FolderSuite extends TableSuite {

        private final String name;
        private final String description;
        private final String folder;
        private final String extension;
        private final TableReaders.ReadOptions options;

        FolderSuite(String name, String description, String folder, String extension, TableReaders.ReadOptions options) {
            this.name = name;
            this.description = description;
            this.folder = folder;
            this.extension = extension;
            this.options = options;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String folder() {
            return folder;
        }

        @Override
        public List<DatasetRef> datasets(Path dataRoot) {
            Path dir = dataRoot.resolve(folder);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                        .map(p -> {
                            String f = p.getFileName().toString();
                            return new DatasetRef(name, f.substring(0, f.length() - extension.length()), p);
                        })
                        .sorted((a, b) -> compareNatural(a.name(), b.name()))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }

        @Override
        public Table load(DatasetRef ref) {
            return TableReaders.read(ref.file(), options);
        }
    }

    /** ADBench names start with a number ("2_annthyroid" before "10_cover"); sort by it, then by name. */
    static int compareNatural(String a, String b) {
        long na = leadingNumber(a);
        long nb = leadingNumber(b);
        if (na != nb) {
            return Long.compare(na, nb);
        }
        return a.compareTo(b);
    }

    private static long leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && i < 18 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? Long.MAX_VALUE : Long.parseLong(s.substring(0, i));
    }
}
