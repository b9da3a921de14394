package io.argus.cli.ts;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.cli.ArgusCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArgusCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void syntheticNoiseflipIsAllCrossChannel() {
        String[] r = run("ts", "diagnose", "--synthetic", "noiseflip", "--grid");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("segments: 4, BOTH 0, UNIVARIATE 0, CROSS_CHANNEL 4, UNDETECTED 0").contains("cross-channel only: 100.0%")
                .contains("sensitivity grid");
    }

    @Test
    void csvWithASpikeIsUnivariate() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("a,b,c,label\n");
        for (int t = 0; t < 1000; t++) {
            boolean anomalous = t >= 600 && t < 620;
            double n = rnd.nextDouble();
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%d%n", Math.sin(t * 0.1) + n + (anomalous ? 9 : 0), Math.cos(t * 0.1) + n,
                    n, anomalous ? 1 : 0));
        }
        Path f = dir.resolve("s.csv");
        Files.writeString(f, sb.toString());
        String[] r = run("ts", "diagnose", f.toString(), "--corr", "all");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("correlation pearson").contains("correlation spearman").contains("correlation distance");
        assertThat(r[1]).containsPattern("600 +620 +20 .*(UNIVARIATE|BOTH)");
    }

    @Test
    void badInput() throws IOException {
        assertThat(run("ts", "diagnose")[2]).contains("give either FILE or --synthetic KIND");
        Path f = dir.resolve("nolabel.csv");
        Files.writeString(f, "a,b\n1,2\n3,4\n");
        String[] r = run("ts", "diagnose", f.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).startsWith("argus: error: ").contains("no 'label' column");
    }
}
