package io.argus.logs.session;

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
 * Reads sessions stored as log-key sequences, one session per line, keys as space-separated integers
 * (the format of DeepLog's HDFS files, {@code hdfs_train} and {@code hdfs_test_abnormal}: keys 1..28 of
 * HDFS's templates). The vocabulary is the key names "1".."maxKey", so event id = key − 1.
 */
public final class KeySequences {

    private KeySequences() {
    }

    /**
     * Reads one file of key sequences.
     *
     * @param maxKey the largest key allowed (the vocabulary size)
     * @param label the label of every session (0 or 1), or -1 for none
     * @throws DataFormatException naming the file and line of a key that is not an integer in [1, maxKey]
     */
    public static EventSessions read(Path file, int maxKey, int label) {
        List<String> vocab = new ArrayList<>(maxKey);
        for (int k = 1; k <= maxKey; k++) {
            vocab.add(Integer.toString(k));
        }
        List<int[]> sessions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String name = file.getFileName().toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] toks = s.split("\\s+");
                int[] keys = new int[toks.length];
                for (int i = 0; i < toks.length; i++) {
                    int k;
                    try {
                        k = Integer.parseInt(toks[i]);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file.toString(), no, "key '" + toks[i] + "' is not an integer");
                    }
                    if (k < 1 || k > maxKey) {
                        throw new DataFormatException(file.toString(), no, "key " + k + " is out of range; allowed: [1, " + maxKey + "]");
                    }
                    keys[i] = k - 1;
                }
                sessions.add(keys);
                ids.add(name + ":" + no);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        int[] labels = null;
        if (label >= 0) {
            labels = new int[sessions.size()];
            java.util.Arrays.fill(labels, label);
        }
        return EventSessions.of(ids, sessions.toArray(new int[0][]), vocab, labels);
    }
}
