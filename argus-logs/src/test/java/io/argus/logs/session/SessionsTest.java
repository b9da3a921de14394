package io.argus.logs.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.core.TestData;
import io.argus.core.io.DataFormatException;
import io.argus.logs.drain.Drain;
import io.argus.logs.format.LogPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    private static final String HDFS = """
            081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating
            081109 203616 149 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_-2 terminating
            081109 203617 150 INFO dfs.FSNamesystem: BLOCK* ask 10.0.0.1:50010 to replicate blk_1 to datanode(s) 10.0.0.2:50010 blk_-2
            081109 213618 151 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_1 terminating
            not a line
            081109 223619 152 INFO dfs.DataNode: no block here
            """;

    private static EventLog hdfs(Path dir) throws Exception {
        Path f = dir.resolve("h.log");
        Files.writeString(f, HDFS);
        LogPreset p = LogPreset.HDFS;
        return EventLog.parse(f, p.format(), new Drain(p.drain()), 2, EventLog.dateTime(p.format(), "yyMMdd HHmmss", "Date", "Time"), null, true);
    }

    @Test
    void sessionsByBlockIdKeepEveryLineOfEveryBlockItNames(@TempDir Path dir) throws Exception {
        EventLog log = hdfs(dir);
        assertThat(log.report().firstNoMatch()).containsExactly(5L);
        EventSessions s = Sessions.byIdentifier(log, Sessions.HDFS_BLOCK_ID);
        assertThat(s.ids()).containsExactly("blk_1", "blk_-2");
        int responder = log.events()[0];
        int replicate = log.events()[2];
        assertThat(s.events(0)).containsExactly(responder, replicate, responder);
        assertThat(s.events(1)).containsExactly(responder, replicate);
        assertThat(s.vocabulary().get(responder)).isEqualTo("PacketResponder <*> for block <*> terminating");
    }

    @Test
    void fixedAndSlidingWindowsOverTime(@TempDir Path dir) throws Exception {
        EventLog log = hdfs(dir);
        // times: 20:36:15, :16, :17, 21:36:18, 22:36:19
        EventSessions hourly = Sessions.fixedWindows(log, 3_600_000L);
        assertThat(hourly.size()).isEqualTo(3);
        assertThat(hourly.events(0)).hasSize(3);
        assertThat(hourly.events(1)).hasSize(1);
        EventSessions sliding = Sessions.slidingWindows(log, 2 * 3_600_000L, 3_600_000L);
        assertThat(sliding.size()).isEqualTo(3);
        assertThat(sliding.events(0)).hasSize(4);
        assertThat(sliding.events(1)).hasSize(2);
        assertThat(sliding.events(2)).hasSize(1);
        assertThatThrownBy(() -> Sessions.fixedWindows(log, 0)).hasMessageContaining("must be >= 1");
    }

    @Test
    void bglWindowsAreLabelledByTheirAlertLines() {
        Path log = TestData.require("loghub_2k/BGL/BGL_2k.log");
        LogPreset p = LogPreset.BGL;
        EventLog events = EventLog.parse(log, p.format(), new Drain(p.drain()), 2, EventLog.epochSeconds(p.format(), "Timestamp"),
                EventLog.labelUnless(p.format(), "Label", "-"), false);
        assertThat(events.size()).isEqualTo(2000);
        assertThat(java.util.Arrays.stream(events.labels()).sum()).isEqualTo(143);
        EventSessions w = Sessions.fixedWindows(events, 3_600_000L);
        int lines = 0;
        for (int i = 0; i < w.size(); i++) {
            lines += w.events(i).length;
        }
        assertThat(lines).isEqualTo(2000);
    }

    @Test
    void matchOnlyReadingUsesTheTrainedTemplatesAndChangesNothing(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.log");
        Path test = dir.resolve("test.log");
        String[] lines = HDFS.split("\n");
        Files.writeString(train, lines[0] + "\n" + lines[1] + "\n");
        Files.writeString(test, lines[3] + "\n" + lines[2] + "\n");
        LogPreset p = LogPreset.HDFS;
        Drain drain = new Drain(p.drain());
        EventLog fitted = EventLog.parse(train, p.format(), drain, 1, null, null, true);
        String before = io.argus.logs.drain.DrainState.toJson(drain);
        EventLog matched = EventLog.match(test, p.format(), drain, 2, null, null, true);
        assertThat(io.argus.logs.drain.DrainState.toJson(drain)).isEqualTo(before);
        assertThat(fitted.vocabulary()).containsExactly("PacketResponder <*> for block <*> terminating");
        assertThat(matched.vocabulary()).containsExactly("PacketResponder <*> for block <*> terminating",
                "BLOCK* ask <*> to replicate <*> to datanode(s) <*> <*>");
    }

    @Test
    void keySequencesReportTheFileAndLineOfABadKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("keys");
        Files.writeString(f, "5 5 22\n\n3 x 1\n");
        assertThatThrownBy(() -> KeySequences.read(f, 28, 0)).isInstanceOf(DataFormatException.class).hasMessageContaining(":3: key 'x' is not an integer");
        Files.writeString(f, "5 29\n");
        assertThatThrownBy(() -> KeySequences.read(f, 28, 0)).hasMessageContaining("key 29 is out of range; allowed: [1, 28]");
        Files.writeString(f, "5 5 22\n1 2\n");
        EventSessions s = KeySequences.read(f, 28, 1);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.events(0)).containsExactly(4, 4, 21);
        assertThat(s.labels().orElseThrow()).containsExactly(1, 1);
        assertThat(s.vocabulary()).hasSize(28).startsWith("1", "2");
    }

    @Test
    void hdfsSplitIsSeededAndDisjoint() {
        Path dir = TestData.require("hdfs_deeplog");
        var a = io.argus.logs.eval.LogProtocols.hdfsSplit(dir, 42);
        var b = io.argus.logs.eval.LogProtocols.hdfsSplit(dir, 42);
        assertThat(a.train().ids()).isEqualTo(b.train().ids());
        assertThat(a.train().size()).isEqualTo(3884);
        assertThat(a.test().size()).isEqualTo(971 + 16838);
        assertThat(a.train().labels()).isEmpty();
        List<String> held = a.test().ids().subList(0, 971);
        assertThat(held).doesNotContainAnyElementsOf(a.train().ids());
    }
}
