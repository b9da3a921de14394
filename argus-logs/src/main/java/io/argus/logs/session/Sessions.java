package io.argus.logs.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the events of an {@link EventLog} into the units log detectors score, as loglizer's
 * {@code dataloader} does: sessions by an identifier found in the Content (HDFS block ids,
 * {@code blk_-?\d+}), or fixed and sliding time windows. A unit is labelled anomalous when any of its
 * lines is (when the log has line labels).
 *
 * <p>Time O(lines) for sessions, O(lines + windows) for windows; memory O(lines).
 */
public final class Sessions {

    /** HDFS block ids, the session key of loghub's HDFS labels ({@code re.findall(r'(blk_-?\d+)', content)}). */
    public static final String HDFS_BLOCK_ID = "blk_-?\\d+";

    private Sessions() {
    }

    /**
     * Sessions keyed by every distinct match of {@code idRegex} in a line's Content (a line that names two
     * blocks belongs to both, as in loglizer), in order of first appearance; lines without an id are left out.
     *
     * @throws IllegalArgumentException when the log kept no contents
     */
    public static EventSessions byIdentifier(EventLog log, String idRegex) {
        if (log.contents() == null) {
            throw new IllegalArgumentException("sessions by identifier need the lines' Content; parse with keepContent = true");
        }
        Pattern p = Pattern.compile(idRegex);
        Map<String, List<Integer>> sessions = new LinkedHashMap<>();
        for (int i = 0; i < log.size(); i++) {
            Matcher m = p.matcher(log.contents()[i]);
            Set<String> ids = new LinkedHashSet<>();
            while (m.find()) {
                ids.add(m.group());
            }
            for (String id : ids) {
                sessions.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
            }
        }
        List<String> ids = new ArrayList<>(sessions.keySet());
        List<int[]> members = new ArrayList<>();
        sessions.values().forEach(l -> members.add(l.stream().mapToInt(Integer::intValue).toArray()));
        return build(log, ids, members);
    }

    /** Fixed (tumbling) time windows of {@code sizeMillis}: a sliding window whose step is its size. */
    public static EventSessions fixedWindows(EventLog log, long sizeMillis) {
        return slidingWindows(log, sizeMillis, sizeMillis);
    }

    /**
     * Sliding time windows [start, start + size) with start = t0 + k·step, t0 the earliest timestamp, as
     * loglizer's BGL windows; empty windows are left out. Lines need not be sorted by time.
     *
     * @throws IllegalArgumentException when the log has no timestamps or a length is not positive
     */
    public static EventSessions slidingWindows(EventLog log, long sizeMillis, long stepMillis) {
        if (log.timestamps() == null) {
            throw new IllegalArgumentException("time windows need timestamps; parse with a timestamp field");
        }
        if (sizeMillis < 1 || stepMillis < 1) {
            throw new IllegalArgumentException("window size = " + sizeMillis + " ms and step = " + stepMillis + " ms must be >= 1");
        }
        long[] t = log.timestamps();
        int n = t.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : t[a] != t[b] ? Long.compare(t[a], t[b]) : Integer.compare(a, b));
        List<String> ids = new ArrayList<>();
        List<int[]> members = new ArrayList<>();
        if (n == 0) {
            return build(log, ids, members);
        }
        long t0 = t[order[0]];
        long tEnd = t[order[n - 1]];
        int lo = 0;
        for (long start = t0; start <= tEnd; start += stepMillis) {
            while (lo < n && t[order[lo]] < start) {
                lo++;
            }
            int hi = lo;
            long end = start + sizeMillis;
            while (hi < n && t[order[hi]] < end) {
                hi++;
            }
            if (hi > lo) {
                int[] m = new int[hi - lo];
                for (int k = lo; k < hi; k++) {
                    m[k - lo] = order[k];
                }
                ids.add(Long.toString(start));
                members.add(m);
            } else if (lo < n) {
                // skip empty stretches in whole steps
                long gap = t[order[lo]] - end;
                if (gap > stepMillis) {
                    start += (gap / stepMillis) * stepMillis;
                }
            }
        }
        return build(log, ids, members);
    }

    private static EventSessions build(EventLog log, List<String> ids, List<int[]> members) {
        Objects.requireNonNull(log, "log");
        int[][] events = new int[members.size()][];
        int[] labels = log.labels() == null ? null : new int[members.size()];
        for (int s = 0; s < members.size(); s++) {
            int[] m = members.get(s);
            events[s] = new int[m.length];
            for (int k = 0; k < m.length; k++) {
                events[s][k] = log.events()[m[k]];
                if (labels != null && log.labels()[m[k]] == 1) {
                    labels[s] = 1;
                }
            }
        }
        return EventSessions.of(ids, events, log.vocabulary(), labels);
    }
}
