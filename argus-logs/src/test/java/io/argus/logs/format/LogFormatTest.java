package io.argus.logs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void hdfsHeaderFields() {
        String[] f = LogPreset.HDFS.format().parse("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865 terminating");
        assertThat(f).containsExactly("081109", "203615", "148", "INFO", "dfs.DataNode$PacketResponder", "PacketResponder 1 for block blk_38865 terminating");
        assertThat(LogPreset.HDFS.format().fields()).containsExactly("Date", "Time", "Pid", "Level", "Component", "Content");
    }

    @Test
    void optionalGroupsAndRegexBetweenFields() {
        LogFormat f = LogFormat.of("<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>");
        assertThat(f.parse("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure"))
                .containsExactly("Jun", "14", "15:16:01", "combo", "sshd(pam_unix)", "19939", "authentication failure");
        assertThat(f.parse("Jun 14 15:16:01 combo kernel: usb 1-1")).containsExactly("Jun", "14", "15:16:01", "combo", "kernel", null, "usb 1-1");
    }

    @Test
    void nonMatchingLineGivesNull() {
        assertThat(LogPreset.HDFS.format().parse("garbage")).isNull();
        assertThat(LogPreset.BGL.format().parse("- 1117838570 2005.06.03")).isNull();
    }

    @Test
    void theFastSplitAgreesWithTheRegexOnRandomLines() {
        LogFormat f = LogPreset.BGL.format();
        SplittableRandom r = new SplittableRandom(3);
        String alphabet = "ab1 \t-.:";
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            String[] fast = f.parse(line);
            Matcher m = f.regex().matcher(io.argus.logs.drain.Tokens.strip(line));
            if (m.matches()) {
                String[] slow = new String[f.fields().size()];
                for (int g = 0; g < slow.length; g++) {
                    slow[g] = m.group("argusField" + g);
                }
                assertThat(fast).as("line '%s'", line).containsExactly(slow);
            } else {
                assertThat(fast).as("line '%s'", line).isNull();
            }
        }
    }

    @Test
    void badSpecsAreRejected() {
        assertThatThrownBy(() -> LogFormat.of("<Date> <Time>")).hasMessageContaining("has no <Content> field");
        assertThatThrownBy(() -> LogFormat.of("<A> <A> <Content>")).hasMessageContaining("field <A> appears twice");
        assertThatThrownBy(() -> LogFormat.of("<A> ( <Content>")).hasMessageContaining("is not valid regex syntax");
        assertThatThrownBy(() -> LogPreset.of("nope")).hasMessageContaining("unknown log preset 'nope'; known presets: bgl, hdfs");
    }
}
