package io.argus.deep.logs;

import io.argus.core.data.Dataset;
import io.argus.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions of log keys (template ids): one unit per session, each a sequence of positive integer keys,
 * as DeepLog's preprocessed HDFS data (one session per line, keys separated by spaces). A stand-in until
 * the logs module's session type can be used here.
 */
public final class KeySequences implements Dataset {

    /** Largest key accepted (a sanity bound; HDFS has 28 keys). */
    public static final int MAX_KEY = 1 << 20;

    private final List<int[]> sessions;

    private KeySequences(List<int[]> sessions) {
        this.sessions = sessions;
    }

    /**
     * Sessions from arrays of keys, each key in [1, {@link #MAX_KEY}]; the arrays are copied.
     *
     * @throws IllegalArgumentException naming the session and position of a bad key, or an empty session
     */
    public static KeySequences of(List<int[]> sessions) {
        List<int[]> copy = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            int[] s = sessions.get(i);
            if (s.length == 0) {
                throw new IllegalArgumentException("session " + i + " is empty");
            }
            for (int j = 0; j < s.length; j++) {
                if (s[j] < 1 || s[j] > MAX_KEY) {
                    throw new IllegalArgumentException("session " + i + ", position " + j + ": key " + s[j] + " is out of range [1, " + MAX_KEY + "]");
                }
            }
            copy.add(s.clone());
        }
        return new KeySequences(List.copyOf(copy));
    }

    /**
     * Reads one session per line, keys separated by whitespace; blank lines are skipped.
     *
     * @throws DataFormatException naming the file and line of a key that is not an integer in range
     */
    public static KeySequences read(Path file) {
        List<int[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty()) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                int[] keys = new int[parts.length];
                for (int j = 0; j < parts.length; j++) {
                    try {
                        keys[j] = Integer.parseInt(parts[j]);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file.toString(), lineNo, "'" + parts[j] + "' is not a log key (a positive integer)");
                    }
                    if (keys[j] < 1 || keys[j] > MAX_KEY) {
                        throw new DataFormatException(file.toString(), lineNo, "key " + keys[j] + " is out of range [1, " + MAX_KEY + "]");
                    }
                }
                out.add(keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return new KeySequences(List.copyOf(out));
    }

    /** The sessions; callers must not modify the arrays. */
    public List<int[]> sessions() {
        return sessions;
    }

    /** Session i; callers must not modify it. */
    public int[] get(int i) {
        return sessions.get(i);
    }

    /** The sessions at the given indices. */
    public KeySequences select(int[] idx) {
        List<int[]> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(sessions.get(i));
        }
        return new KeySequences(List.copyOf(out));
    }

    @Override
    public int size() {
        return sessions.size();
    }
}
