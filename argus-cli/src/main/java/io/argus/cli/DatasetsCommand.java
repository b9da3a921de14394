package io.argus.cli;

import io.argus.bench.DataRoot;
import io.argus.bench.DatasetRef;
import io.argus.bench.Suite;
import io.argus.bench.Suites;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code argus datasets}: the benchmark suites and whether their data is found. */
@Command(name = "datasets", description = "List the benchmark suites and whether their data is found.")
final class DatasetsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "data root (default: $ARGUS_DATA, else ../shared/data)")
    Path data;

    @Option(names = "--verbose", description = "list every data set found")
    boolean verbose;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Path> root = DataRoot.resolve(data);
        out.println("data root: " + root.map(Path::toString).orElse("not found (use --data DIR or set $ARGUS_DATA)"));
        int width = Math.max(10, Suites.all().stream().mapToInt(x -> x.name().length()).max().orElse(0));
        String row = "%-" + width + "s %-10s %-22s %s%n";
        out.printf(row, "SUITE", "DATA SETS", "FOLDER", "DESCRIPTION");
        for (Suite<?> s : Suites.all()) {
            List<DatasetRef> found = root.map(s::datasets).orElse(List.of());
            out.printf(row, s.name(), found.isEmpty() ? "missing" : Integer.toString(found.size()), s.folder(),
                    s.description());
            if (verbose) {
                for (DatasetRef d : found) {
                    out.println("    " + d.name() + "  " + d.file());
                }
            }
        }
    }
}
