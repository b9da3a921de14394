package io.argus.timeseries.io;

import io.argus.core.data.Series;
import io.argus.timeseries.prep.CleaningPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the Skoltech Anomaly Benchmark (Katser and Kozitsin, "Skoltech Anomaly Benchmark (SKAB)",
 * Kaggle 2020; github.com/waico/SKAB): ';'-separated files with a {@code datetime} column, eight sensor
 * channels, and the per-row {@code anomaly} (outlier label, 0/1) and {@code changepoint} columns. The
 * outlier label becomes the series' labels; the change-point column is not read. Files are 1 Hz and
 * sorted; the reader still applies the strict policy so that a damaged file fails with its line.
 */
public final class SkabReader {

    /** The reader for one SKAB file. */
    public static final SeriesCsvReader CSV = new SeriesCsvReader(';', "datetime", List.of(), "anomaly", null, List.of("changepoint"),
            CleaningPolicy.STRICT);

    private SkabReader() {
    }

    /** Reads one file (labels from {@code anomaly}; {@code anomaly-free.csv} has none). */
    public static Series read(Path file) {
        return CSV.read(file).series();
    }

    /**
     * The labelled files of the benchmark under {@code root} ({@code root/data/{valve1,valve2,other}} or
     * {@code root/{valve1,...}}), in a stable order (folder, then file number); the anomaly-free file is
     * excluded, as in SKAB's leaderboard.
     */
    public static List<Path> labelledFiles(Path root) {
        Path data = Files.isDirectory(root.resolve("data")) ? root.resolve("data") : root;
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("other", "valve1", "valve2")) {
            Path d = data.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted((a, b) -> {
                    String x = a.getFileName().toString().replace(".csv", "");
                    String y = b.getFileName().toString().replace(".csv", "");
                    try {
                        return Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
                    } catch (NumberFormatException e) {
                        return x.compareTo(y);
                    }
                }).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + d, e);
            }
        }
        return out;
    }
}
