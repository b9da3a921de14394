package io.argus.logs.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loghub's grouping accuracy of a log parser: a message is parsed correctly when the set of messages
 * that share its parsed event is exactly the set that shares its ground-truth event; the accuracy is the
 * share of correctly parsed messages.
 *
 * <p>Zhu, He, Liu, He, Xie, Zheng, Lyu, "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019;
 * computed as {@code logparser/evaluator.py get_accuracy}: for each parsed event, its messages are all
 * correct when they carry a single ground-truth event and that event has no other messages. Time O(n).
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {
    }

    /**
     * The accuracy of {@code parsed} against {@code truth}, one event label per message in the same order.
     *
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public static double of(List<String> truth, List<String> parsed) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(parsed, "parsed");
        if (truth.size() != parsed.size()) {
            throw new IllegalArgumentException("shape mismatch: " + truth.size() + " ground-truth events but " + parsed.size() + " parsed events");
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("grouping accuracy needs at least one message");
        }
        Map<String, Integer> truthSize = new HashMap<>();
        for (String t : truth) {
            truthSize.merge(t, 1, Integer::sum);
        }
        Map<String, Integer> parsedSize = new HashMap<>();
        Map<String, String> parsedTruth = new HashMap<>();
        Map<String, Boolean> pure = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            String p = parsed.get(i);
            String t = truth.get(i);
            parsedSize.merge(p, 1, Integer::sum);
            String seen = parsedTruth.putIfAbsent(p, t);
            if (seen != null && !seen.equals(t)) {
                pure.put(p, false);
            } else {
                pure.putIfAbsent(p, true);
            }
        }
        long correct = 0;
        for (Map.Entry<String, Integer> e : parsedSize.entrySet()) {
            String p = e.getKey();
            if (pure.get(p) && truthSize.get(parsedTruth.get(p)).equals(e.getValue())) {
                correct += e.getValue();
            }
        }
        return (double) correct / truth.size();
    }
}
