package io.argus.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogPreset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReaderTest {

    private static final String GOOD = "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating\n";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void badLinesAreSkippedCountedAndNamed(int threads, @TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(GOOD.getBytes(StandardCharsets.UTF_8));                       // 1
        b.write(new byte[] {'0', '8', ' ', (byte) 0xC3, (byte) 0x28, '\n'});  // 2: invalid UTF-8
        b.write("not a log line\n".getBytes(StandardCharsets.UTF_8));        // 3: no match
        b.write(("081109 203615 148 INFO x: " + "y".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8)); // 4: too long at 100 bytes
        b.write("081109 203615 148 INFO dfs.X: caf\u00e9 served\r\n".getBytes(StandardCharsets.UTF_8)); // 5: good, non-ASCII, CRLF
        b.write("\n".getBytes(StandardCharsets.UTF_8));                       // 6: empty, no match
        b.write(GOOD.trim().getBytes(StandardCharsets.UTF_8));                // 7: good, no final newline
        Path file = dir.resolve("x.log");
        Files.write(file, b.toByteArray());
        List<Long> seen = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        ParseReport report = new LogParser(LogPreset.HDFS.format(), threads, 100).parse(file, new Drain(LogPreset.HDFS.drain()), (line, r) -> {
            seen.add(line.lineNumber());
            contents.add(line.fields()[5]);
        });
        assertThat(seen).containsExactly(1L, 5L, 7L);
        assertThat(contents.get(1)).isEqualTo("caf\u00e9 served");
        assertThat(report.lines()).isEqualTo(7);
        assertThat(report.parsed()).isEqualTo(3);
        assertThat(report.undecodable()).isEqualTo(1);
        assertThat(report.firstUndecodable()).containsExactly(2L);
        assertThat(report.noMatch()).isEqualTo(2);
        assertThat(report.firstNoMatch()).containsExactly(3L, 6L);
        assertThat(report.tooLong()).isEqualTo(1);
        assertThat(report.firstTooLong()).containsExactly(4L);
        assertThat(report.describe("x.log")).isEqualTo("""
                x.log: skipped 1 line not valid UTF-8 (line 2)
                x.log: skipped 1 line longer than the line limit (line 4)
                x.log: skipped 2 lines not matching the log format (lines 3, 6)""");
    }

    @Test
    void aLineOfMoreThanOneMebibyteIsSkippedNotLoaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.log");
        String big = "081109 203615 148 INFO x: " + "z".repeat((1 << 20) + 10) + "\n";
        Files.writeString(file, GOOD + big + GOOD);
        List<Long> seen = new ArrayList<>();
        ParseReport report = new LogParser(LogPreset.HDFS.format(), 2, LogReader.MAX_LINE_BYTES_DEFAULT)
                .parse(file, new Drain(LogPreset.HDFS.drain()), (line, r) -> seen.add(line.lineNumber()));
        assertThat(seen).containsExactly(1L, 3L);
        assertThat(report.firstTooLong()).containsExactly(2L);
    }

    @Test
    void structuredOutputHasLoghubsColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.log");
        Files.writeString(file, GOOD + GOOD.replace("PacketResponder 1", "PacketResponder 2") + "junk\n");
        new LogParser(LogPreset.HDFS.format(), 1, LogReader.MAX_LINE_BYTES_DEFAULT).writeStructured(file, new Drain(LogPreset.HDFS.drain()), dir.resolve("out"));
        List<String> rows = Files.readAllLines(dir.resolve("out/h.log_structured.csv"));
        String id = io.argus.logs.drain.LogCluster.eventId("PacketResponder <*> for block <*> terminating");
        assertThat(rows).containsExactly("LineId,Date,Time,Pid,Level,Component,Content,EventId,EventTemplate",
                "1,081109,203615,148,INFO,dfs.DataNode$PacketResponder,PacketResponder 1 for block blk_1 terminating," + id
                        + ",PacketResponder <*> for block <*> terminating",
                "2,081109,203615,148,INFO,dfs.DataNode$PacketResponder,PacketResponder 2 for block blk_1 terminating," + id
                        + ",PacketResponder <*> for block <*> terminating");
        assertThat(Files.readAllLines(dir.resolve("out/h.log_templates.csv")))
                .containsExactly("EventId,EventTemplate,Occurrences", id + ",PacketResponder <*> for block <*> terminating,2");
    }
}
