package io.argus.timeseries.stream;

import java.util.Arrays;

/**
 * A map from non-negative ints to ints that iterates in the order CPython 2.7's {@code dict} iterates
 * the same keys inserted in the same order, so that code ported from Python 2 which depends on
 * dictionary iteration order (CAD OSE's context operator) behaves the same.
 *
 * <p>It reproduces {@code Objects/dictobject.c} of CPython 2.7 for int keys (whose hash is the int
 * itself) with insertions only: an open-addressing table of 8 slots to start with; a key probes slot
 * {@code hash & mask}, then {@code i = 5i + perturb + 1} with {@code perturb} starting at the hash and
 * shifted right by 5 after each probe; after an insertion that fills two thirds of the table it is
 * rebuilt with the smallest power of two above 4·used (2·used above 50,000 entries), the entries
 * re-inserted in the old table's slot order. Iteration is in slot order.
 *
 * <p>Time O(1) expected per operation; memory O(entries). Not thread-safe.
 */
final class Py2IntDict {

    private static final int MIN_SIZE = 8;
    private static final int PERTURB_SHIFT = 5;
    private static final int EMPTY = -1;

    /** What {@link #forEach} calls for each entry. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(int key, int value);
    }

    private int[] keys;
    private int[] values;
    private int used;

    Py2IntDict() {
        keys = new int[MIN_SIZE];
        values = new int[MIN_SIZE];
        Arrays.fill(keys, EMPTY);
    }

    /** Number of entries. */
    int size() {
        return used;
    }

    /**
     * Python's {@code d.setdefault(key, value)}: the value held for {@code key}, or {@code value} after
     * inserting it when the key is absent.
     */
    int setDefault(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("Py2IntDict keys are non-negative, got " + key);
        }
        int slot = lookup(keys, key);
        if (keys[slot] == key) {
            return values[slot];
        }
        keys[slot] = key;
        values[slot] = value;
        used++;
        // No deletions here, so CPython's fill (active + dummy slots) equals used.
        if (used * 3 >= keys.length * 2) {
            resize((used > 50_000 ? 2 : 4) * used);
        }
        return value;
    }

    /** The value held for {@code key}, or {@code missing}. */
    int get(int key, int missing) {
        int slot = lookup(keys, key);
        return keys[slot] == key ? values[slot] : missing;
    }

    /** Visits the entries in CPython 2.7's iteration order. */
    void forEach(EntryVisitor visitor) {
        int[] k = keys;
        int[] v = values;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) {
                visitor.visit(k[i], v[i]);
            }
        }
    }

    /** The slot holding {@code key}, or the empty slot where it would go (CPython's lookdict probe sequence). */
    private static int lookup(int[] table, int key) {
        long mask = table.length - 1;
        long i = key & mask;
        int slot = (int) i;
        if (table[slot] == EMPTY || table[slot] == key) {
            return slot;
        }
        // perturb is a size_t in C: shift it as unsigned; i wraps modulo 2^64 as size_t does.
        for (long perturb = key;; perturb >>>= PERTURB_SHIFT) {
            i = (i << 2) + i + perturb + 1;
            slot = (int) (i & mask);
            if (table[slot] == EMPTY || table[slot] == key) {
                return slot;
            }
        }
    }

    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[size];
        values = new int[size];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = lookup(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
