package io.argus.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.cli.ArgusCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseLogsCommandTest {

    private static final String LOG = """
            081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating
            081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating
            garbage line
            081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to blk_7128370237687728475 size 67108864
            """;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArgusCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void parseWritesLoghubFilesAndReportsSkippedLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("HDFS.log");
        Files.writeString(log, LOG, StandardCharsets.UTF_8);
        Path state = dir.resolve("drain.json");
        Run r = run("logs", "parse", log.toString(), "--preset", "hdfs", "--out", dir.resolve("out").toString(), "--state", state.toString(),
                "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("parsed 3 of 4 lines").contains("into 2 templates");
        assertThat(r.err()).contains("skipped 1 line not matching the log format (line 3)");
        List<String> rows = Files.readAllLines(dir.resolve("out/HDFS.log_structured.csv"));
        assertThat(rows.get(0)).isEqualTo("LineId,Date,Time,Pid,Level,Component,Content,EventId,EventTemplate");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)).startsWith("4,081109,204005,35,INFO,dfs.FSNamesystem,").endsWith(
                ",BLOCK* NameSystem.addStoredBlock: blockMap updated: <*> is added to <*> size 67108864");
        assertThat(Files.readAllLines(dir.resolve("out/HDFS.log_templates.csv"))).hasSize(3);
        assertThat(state).exists();
        // resuming from the state keeps the templates and ids
        Run again = run("logs", "parse", log.toString(), "--preset", "hdfs", "--out", dir.resolve("out2").toString(), "--state", state.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("resumed Drain state");
        assertThat(Files.readAllLines(dir.resolve("out2/HDFS.log_templates.csv")).subList(1, 3))
                .isEqualTo(Files.readAllLines(dir.resolve("out/HDFS.log_templates.csv")).subList(1, 3));
    }

    @Test
    void badOptionsGiveOneClearError(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "a b c\n");
        Run r = run("logs", "parse", log.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("argus: error: give the log format with --format or a --preset");
        r = run("logs", "parse", log.toString(), "--format", "<A> <Content>", "--similarity", "2", "--out", dir.toString());
        assertThat(r.err()).startsWith("argus: error: parameter similarity = 2 is out of range; allowed: [0, 1]");
        r = run("logs", "parse", dir.resolve("missing.log").toString(), "--preset", "bgl", "--out", dir.toString());
        assertThat(r.err()).contains("missing.log: no such log file");
        r = run("logs", "parse", log.toString(), "--format", "<A> <B>", "--out", dir.toString());
        assertThat(r.err()).contains("has no <Content> field");
    }

    @Test
    void detectFlagsTheBrokenSessionAndExplainsIt(@TempDir Path dir) throws Exception {
        StringBuilder train = new StringBuilder();
        for (int b = 0; b < 30; b++) {
            train.append("081109 2036").append(String.format("%02d", b)).append(" 1 INFO dfs.X: open blk_").append(b).append('\n');
            train.append("081109 2036").append(String.format("%02d", b)).append(" 1 INFO dfs.X: read blk_").append(b).append(" bytes 5\n");
            train.append("081109 2036").append(String.format("%02d", b)).append(" 1 INFO dfs.X: close blk_").append(b).append('\n');
        }
        Path tr = dir.resolve("train.log");
        Files.writeString(tr, train.toString());
        Path te = dir.resolve("test.log");
        Files.writeString(te, """
                081110 100000 1 INFO dfs.X: open blk_100
                081110 100000 1 INFO dfs.X: read blk_100 bytes 7
                081110 100000 1 INFO dfs.X: close blk_100
                081110 100001 1 INFO dfs.X: open blk_101
                081110 100001 1 INFO dfs.X: read blk_101 bytes 9
                """);
        Path csv = dir.resolve("scores.csv");
        Run r = run("logs", "detect", "--train", tr.toString(), "--test", te.toString(), "--preset", "hdfs", "--out", csv.toString(), "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("flagged 1 of 2 units").contains("blk_101").contains("<end of session>: unexpected next event");
        assertThat(Files.readAllLines(csv)).containsExactly("id,score,flagged", "blk_100,0.0,0", "blk_101,1.0,1");
        Run bad = run("logs", "detect", "--train", tr.toString(), "--test", te.toString(), "--format", "<Date> <Time> <Pid> <Level> <Component>: <Content>");
        assertThat(bad.err()).startsWith("argus: error: choose the units: --session-id REGEX or --window SECONDS");
    }
}
