package io.argus.logs.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrainTest {

    private static final DrainConfig ST_05 = DrainConfig.DEFAULTS.withSimilarity(0.5);

    @Test
    void mergesDifferingPositionsIntoWildcards() {
        Drain d = new Drain(ST_05);
        Drain.Result a = d.add("Receive block from node alpha");
        Drain.Result b = d.add("Receive block from node beta");
        assertThat(a.change()).isEqualTo(Drain.Change.CREATED);
        assertThat(b.clusterId()).isEqualTo(a.clusterId());
        assertThat(b.change()).isEqualTo(Drain.Change.UPDATED);
        assertThat(b.template()).isEqualTo("Receive block from node <*>");
        Drain.Result c = d.add("Receive block from node gamma");
        assertThat(c.change()).isEqualTo(Drain.Change.NONE);
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.clusters().get(0).size()).isEqualTo(3);
    }

    @Test
    void similarityBelowTheThresholdCreatesANewTemplate() {
        Drain d = new Drain(ST_05);
        int a = d.add("Receive block from node alpha").clusterId();
        // same first token and length, 2 of 5 positions equal: 0.4 < 0.5
        Drain.Result b = d.add("Receive x y node z");
        assertThat(b.change()).isEqualTo(Drain.Change.CREATED);
        assertThat(b.clusterId()).isNotEqualTo(a);
        // with st = 0.4 it joins (Drain.py's default threshold)
        Drain d4 = new Drain(DrainConfig.DEFAULTS);
        int a4 = d4.add("Receive block from node alpha").clusterId();
        assertThat(d4.add("Receive x y node z").clusterId()).isEqualTo(a4);
    }

    @Test
    void tokenCountAndLeadingTokenKeyTheTree() {
        Drain d = new Drain(ST_05);
        int a = d.add("open file a").clusterId();
        assertThat(d.add("open file a b").change()).as("another length").isEqualTo(Drain.Change.CREATED);
        assertThat(d.add("close file a").change()).as("another first token").isEqualTo(Drain.Change.CREATED);
        // a leading token with a digit goes to the wildcard branch, so numbers up front still group
        int n1 = d.add("42 bytes sent").clusterId();
        assertThat(d.add("97 bytes sent").clusterId()).isEqualTo(n1);
        assertThat(d.cluster(n1).orElseThrow().template()).isEqualTo("<*> bytes sent");
        assertThat(d.add("open file a").clusterId()).isEqualTo(a);
    }

    @Test
    void masksApplyBeforeTokenising() {
        Drain d = new Drain(ST_05.withMasks(List.of("blk_-?\\d+", "(\\d+\\.){3}\\d+(:\\d+)?")));
        Drain.Result r = d.add("Served block blk_-123 to /10.0.0.1:50010");
        assertThat(r.template()).isEqualTo("Served block <*> to /<*>");
        assertThat(Drain.parameters("Served block blk_-123 to /10.0.0.1:50010", r.template())).containsExactly("blk_-123", "10.0.0.1:50010");
    }

    @Test
    void tiesGoToTheTemplateWithMoreWildcards() {
        Drain d = new Drain(ST_05);
        int first = d.add("a b c d").clusterId();
        d.add("a b x d"); // -> a b <*> d
        // force a second template in the same leaf: 'a y z w' shares only 'a' (0.25) -> new
        int second = d.add("a y z w").clusterId();
        assertThat(second).isNotEqualTo(first);
        // 'a b q d' : vs 'a b <*> d' 3/4, vs 'a y z w' 1/4
        assertThat(d.add("a b q d").clusterId()).isEqualTo(first);
    }

    @Test
    void shortMessagesGroupOnlyWhenEqual() {
        // depth 4 files messages of >= 2 tokens; single tokens group only with equal ones, as Drain.py's event ids do
        Drain d = new Drain(ST_05);
        int a = d.add("shutdown").clusterId();
        assertThat(d.add("shutdown").clusterId()).isEqualTo(a);
        assertThat(d.add("restart").clusterId()).isNotEqualTo(a);
        assertThat(d.add("   ").template()).isEmpty();
        assertThat(d.add("").clusterId()).isEqualTo(d.match("").orElseThrow().clusterId());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchReturnsWhatAddWouldDoAndChangesNothing(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Drain d = new Drain(new DrainConfig(4, 0.5, 3, 0, List.of("\\d+")));
        for (int i = 0; i < 3000; i++) {
            String line = randomLine(r);
            String before = DrainState.toJson(d);
            var m = d.match(line);
            assertThat(DrainState.toJson(d)).as("match must not change the state").isEqualTo(before);
            Drain.Result a = d.add(line);
            if (m.isPresent()) {
                assertThat(a.clusterId()).isEqualTo(m.get().clusterId());
                assertThat(a.change()).isNotEqualTo(Drain.Change.CREATED);
            } else {
                assertThat(a.change()).isEqualTo(Drain.Change.CREATED);
            }
        }
    }

    @Test
    void addedMessagesStayAboveTheThresholdOfTheirTemplate() {
        SplittableRandom r = new SplittableRandom(9);
        Drain d = new Drain(ST_05);
        List<String> lines = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String line = randomLine(r);
            lines.add(line);
            ids.add(d.add(line).clusterId());
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] toks = d.tokenize(lines.get(i));
            List<String> t = d.cluster(ids.get(i)).orElseThrow().tokens();
            int same = 0;
            for (int k = 0; k < toks.length; k++) {
                if (t.get(k).equals(toks[k])) {
                    same++;
                }
            }
            if (toks.length >= 2) {
                assertThat((double) same / toks.length).isGreaterThanOrEqualTo(0.5);
            }
        }
    }

    @Test
    void lruBoundDropsTheLeastRecentlyUsedTemplate() {
        Drain d = new Drain(ST_05.withMaxClusters(2));
        List<LogCluster> dropped = new ArrayList<>();
        d.onEviction(dropped::add);
        int a = d.add("alpha one two").clusterId();
        int b = d.add("beta one two").clusterId();
        d.add("alpha one two"); // a is now the most recent
        int c = d.add("gamma one two").clusterId();
        assertThat(d.size()).isEqualTo(2);
        assertThat(dropped).extracting(LogCluster::id).containsExactly(b);
        assertThat(d.cluster(b)).isEmpty();
        assertThat(d.cluster(a)).isPresent();
        assertThat(d.cluster(c)).isPresent();
        // the dropped template is gone from the tree too: its message makes a new one
        assertThat(d.match("beta one two")).isEmpty();
    }

    @Test
    void stateRoundTripContinuesExactlyAsAnUninterruptedParser(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            lines.add(randomLine(r));
        }
        DrainConfig cfg = new DrainConfig(5, 0.5, 4, 40, List.of("\\d+"));
        Drain whole = new Drain(cfg);
        List<Integer> expected = new ArrayList<>();
        lines.forEach(l -> expected.add(whole.add(l).clusterId()));
        Drain first = new Drain(cfg);
        List<Integer> got = new ArrayList<>();
        lines.subList(0, 2000).forEach(l -> got.add(first.add(l).clusterId()));
        Path file = dir.resolve("drain.json");
        DrainState.write(file, first);
        Drain resumed = DrainState.read(file);
        assertThat(DrainState.toJson(resumed)).isEqualTo(DrainState.toJson(first));
        lines.subList(2000, 4000).forEach(l -> got.add(resumed.add(l).clusterId()));
        assertThat(got).isEqualTo(expected);
        assertThat(DrainState.toJson(resumed)).isEqualTo(DrainState.toJson(whole));
    }

    @Test
    void malformedStateIsRejectedWithTheReason() {
        assertThatThrownBy(() -> DrainState.fromJson("{\"format\":\"other\"}")).hasMessageContaining("not a Drain state file");
        assertThatThrownBy(() -> DrainState.fromJson("[1,2")).hasMessageContaining("malformed Drain state JSON");
        Drain d = new Drain(ST_05);
        d.add("a b c");
        String ok = DrainState.toJson(d);
        assertThatThrownBy(() -> DrainState.fromJson(ok.replace("\"clusters\":[1]", "\"clusters\":[7]"))).hasMessageContaining("unknown cluster 7");
        assertThatThrownBy(() -> DrainState.fromJson(ok.replace("\"similarity\":0.5", "\"similarity\":1.5")))
                .hasMessageContaining("parameter similarity = 1.5 is out of range; allowed: [0, 1]");
        assertThatThrownBy(() -> DrainState.fromJson(ok.replace("\"version\":1", "\"version\":9"))).hasMessageContaining("version 9 is not supported");
    }

    @Test
    void badConfigurationNamesTheParameter() {
        assertThatThrownBy(() -> new DrainConfig(2, 0.5, 100, 0, List.of())).hasMessageContaining("parameter depth = 2 is out of range; allowed: [3, 64]");
        assertThatThrownBy(() -> new DrainConfig(4, 0.5, 100, 0, List.of("(unclosed"))).hasMessageContaining("mask regex '(unclosed' does not compile");
    }

    @Test
    void eventIdIsLoghubsMd5Prefix() {
        // hashlib.md5(b'PacketResponder <*> for block <*> terminating').hexdigest()[0:8]
        assertThat(LogCluster.eventId("")).isEqualTo("d41d8cd9");
        assertThat(LogCluster.eventId("abc")).isEqualTo("90015098");
    }

    private static String randomLine(SplittableRandom r) {
        String[] heads = {"open", "close", "read", "write", "42", "blk"};
        String[] words = {"file", "node", "x", "y", "z", "ok", "failed", "7", "13", "a1"};
        int len = 1 + r.nextInt(6);
        StringBuilder sb = new StringBuilder(heads[r.nextInt(heads.length)]);
        for (int i = 1; i < len; i++) {
            sb.append(' ').append(words[r.nextInt(words.length)]);
        }
        return sb.toString();
    }
}
