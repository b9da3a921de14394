package io.argus.logs.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/** Helpers that turn per-column weights into the top {@link EventReason}s. */
public final class Explanations {

    private Explanations() {
    }

    /** The columns with the largest positive weights, at most {@code limit}, ties by column order. */
    public static List<EventReason> top(double[] weights, int limit, IntFunction<String> name, IntFunction<String> reason) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                idx.add(j);
            }
        }
        idx.sort(Comparator.comparingDouble((Integer j) -> -weights[j]).thenComparingInt(j -> j));
        List<EventReason> out = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, idx.size()); k++) {
            int j = idx.get(k);
            out.add(new EventReason(name.apply(j), weights[j], reason.apply(j)));
        }
        return out;
    }

    /** Checks a session index and a limit. */
    public static void check(int i, int size, int limit) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("session " + i + " is out of range; allowed: [0, " + (size - 1) + "]");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit = " + limit + " must be >= 1");
        }
    }
}
