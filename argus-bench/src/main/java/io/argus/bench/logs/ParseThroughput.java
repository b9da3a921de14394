package io.argus.bench.logs;

import io.argus.core.io.AtomicFiles;
import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogPreset;
import io.argus.logs.parse.LogParser;
import io.argus.logs.parse.LogReader;
import io.argus.logs.parse.ParseReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.argus.logs.drain.LogCluster;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures Drain's parsing throughput (lines per second) on a large file made from loghub's BGL_2k: its
 * lines drawn in a seeded random order with their parameters shuffled within each template (see
 * {@link #generate}), then parsed with the {@code bgl} preset on 1 thread and on
 * all threads; the template ids of the two runs must be identical.
 *
 * <p>Usage: {@code ParseThroughput BGL_2k.log OUT.log [LINES=1000000] [SEED=42]}. The file is written
 * once and reused when it exists with the right line count. Prints one line per run; this is the
 * command behind the throughput figures, run nice'd on a shared machine.
 */
public final class ParseThroughput {

    private ParseThroughput() {
    }

    /**
     * Writes the synthetic file: {@code lines} lines, each a random line of {@code source} whose Content is
     * its Drain template (bgl preset) with every {@code <*>} filled by the value that position took in a
     * random line of the same template: the parameters of BGL_2k shuffled within each template.
     */
    public static void generate(Path source, Path out, int lines, long seed) throws IOException {
        LogPreset bgl = LogPreset.BGL;
        LogParser.Parsed parsed = new LogParser(bgl.format(), 1, LogReader.MAX_LINE_BYTES_DEFAULT).parseFile(source, new Drain(bgl.drain()));
        List<String> src = Files.readAllLines(source, StandardCharsets.UTF_8);
        int contentField = bgl.format().contentIndex();
        int m = parsed.clusterIds().length;
        String[][] fields = new String[m][];
        List<List<String>> params = new ArrayList<>(m);
        Map<Integer, List<Integer>> byTemplate = new HashMap<>();
        for (int i = 0; i < m; i++) {
            fields[i] = bgl.format().parse(src.get((int) parsed.lineNumbers()[i] - 1));
            params.add(Drain.parameters(fields[i][contentField], parsed.template(i)));
            byTemplate.computeIfAbsent(parsed.clusterIds()[i], k -> new ArrayList<>()).add(i);
        }
        SplittableRandom r = new SplittableRandom(seed);
        AtomicFiles.write(out, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            for (int k = 0; k < lines; k++) {
                int i = r.nextInt(m);
                String template = parsed.template(i);
                List<Integer> peers = byTemplate.get(parsed.clusterIds()[i]);
                String[] parts = template.split(Pattern.quote(LogCluster.WILDCARD), -1);
                StringBuilder content = new StringBuilder(parts[0]);
                for (int j = 1; j < parts.length; j++) {
                    List<String> donor = params.get(peers.get(r.nextInt(peers.size())));
                    content.append(j - 1 < donor.size() ? donor.get(j - 1) : LogCluster.WILDCARD).append(parts[j]);
                }
                StringBuilder sb = new StringBuilder(160);
                for (int f = 0; f < fields[i].length; f++) {
                    if (f > 0) {
                        sb.append(' ');
                    }
                    sb.append(f == contentField ? content : fields[i][f]);
                }
                w.write(sb.toString());
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Parses {@code file} and returns the template id of every line; prints the throughput. */
    static int[] run(Path file, int threads, PrintStream out) {
        int[] ids = new int[1 << 20];
        int[] n = {0};
        Drain drain = new Drain(LogPreset.BGL.drain());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ParseReport report = new LogParser(LogPreset.BGL.format(), threads, LogReader.MAX_LINE_BYTES_DEFAULT).parse(file, drain, (line, res) -> {
            if (n[0] == ids.length) {
                throw new IllegalStateException("more lines than expected");
            }
            ids[n[0]++] = res.clusterId();
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        out.printf(Locale.ROOT, "threads=%d lines=%d parsed=%d templates=%d seconds=%.3f lines_per_second=%.0f process_cpu_seconds=%.3f%n",
                threads, report.lines(), report.parsed(), drain.size(), secs, report.parsed() / secs, cpu);
        return Arrays.copyOf(ids, n[0]);
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ParseThroughput BGL_2k.log OUT.log [LINES=1000000] [SEED=42]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        boolean reuse = false;
        if (Files.exists(out)) {
            try (var s = Files.lines(out, StandardCharsets.UTF_8)) {
                reuse = s.count() == lines;
            } catch (UncheckedIOException e) {
                reuse = false;
            }
        }
        if (!reuse) {
            generate(source, out, lines, seed);
        }
        int all = Runtime.getRuntime().availableProcessors();
        // warm-up on the small source file so both timed runs see compiled code
        run(source, 1, new PrintStream(PrintStream.nullOutputStream()));
        run(source, all, new PrintStream(PrintStream.nullOutputStream()));
        int[] single = run(out, 1, System.out);
        int[] multi = run(out, all, System.out);
        System.out.println("identical template ids on 1 and " + all + " threads: " + Arrays.equals(single, multi));
    }
}
