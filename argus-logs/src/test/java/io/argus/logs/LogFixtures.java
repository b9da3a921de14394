package io.argus.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the log tests: a small CSV reader for loghub's structured files. */
public final class LogFixtures {

    private LogFixtures() {
    }

    /** Rows of a CSV file with a header (quotes as pandas writes them), header row included. */
    public static List<String[]> readCsv(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row.toArray(new String[0]));
                    row.clear();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row.toArray(new String[0]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One column of a CSV file by header name, without the header. */
    public static List<String> column(Path file, String name) {
        List<String[]> rows = readCsv(file);
        int j = List.of(rows.get(0)).indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException(file + " has no column " + name);
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            out.add(rows.get(i)[j]);
        }
        return out;
    }
}
