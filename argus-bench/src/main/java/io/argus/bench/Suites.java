package io.argus.bench;

import io.argus.core.data.Table;
import io.argus.core.io.CsvOptions;
import io.argus.core.io.TableReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The benchmark suites Argus knows, by name. */
public final class Suites {

    /**
     * ADBench's classical tables (Han et al., "ADBench: Anomaly Detection Benchmark", NeurIPS 2022):
     * every {@code *.npz} in {@code adbench_classical} with arrays X and y.
     */
    public static final Suite ADBENCH = new FolderSuite("adbench", "ADBench classical tables (npz X, y); fit and score on all rows",
            "adbench_classical", ".npz", TableReaders.ReadOptions.defaults());

    /**
     * ODDS tables as shipped with PyOD (Rayana, ODDS library, 2016): every {@code csv/*.csv.gz} in
     * {@code odds_pyod}, label column {@code label}.
     */
    public static final Suite ODDS = new FolderSuite("odds", "ODDS tables via PyOD (csv.gz, column 'label'); fit and score on all rows",
            "odds_pyod/csv", ".csv.gz", TableReaders.ReadOptions.defaults().withLabel(CsvOptions.LabelColumn.named("label")));

    private static final Map<String, Suite> BY_NAME = new LinkedHashMap<>();

    static {
        for (Suite s : List.of(ADBENCH, ODDS)) {
            BY_NAME.put(s.name(), s);
        }
    }

    private Suites() {
    }

    /** All suites. */
    public static List<Suite> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The suite of that name; an unknown name gives an error listing the known ones. */
    public static Suite byName(String name) {
        Suite s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown suite '" + name + "'; known suites: " + String.join(", ", BY_NAME.keySet()));
        }
        return s;
    }

    /** A suite of every file with one extension in one folder, read by {@link TableReaders}. */
    private record FolderSuite(String name, String description, String folder, String extension,
            TableReaders.ReadOptions options) implements Suite {

        @Override
        public List<String> metrics() {
            return List.of("auroc", "ap");
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
