package io.argus.logs.parse;

import io.argus.logs.format.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads a log file line by line, splits each line into its header fields, and prepares it on several
 * threads while the caller consumes the lines strictly in file order on its own thread, so that
 * whatever the caller does with them (a {@link io.argus.logs.drain.Drain} tree) gives the same result on
 * any number of threads.
 *
 * <p>Bad input never stops the reading: a line that is not valid UTF-8, is longer than the byte limit,
 * or does not match the format is skipped and counted in the {@link ParseReport}, with its line number.
 * Lines end at {@code '\n'}; a trailing {@code '\r'} is removed by the format's strip.
 *
 * <p>Time O(bytes); memory O(threads × chunk) beyond what the caller keeps.
 */
public final class LogReader {

    /** Lines longer than this many bytes are skipped (1 MiB). */
    public static final int MAX_LINE_BYTES_DEFAULT = 1 << 20;

    /** Lines per chunk handed to a worker. */
    private static final int CHUNK_LINES = 4096;

    /**
     * A line that went through.
     *
     * @param lineNumber 1-based line number in the file
     * @param fields the header fields in format order (Content included)
     * @param prepared what the preparer made of it (e.g. Drain tokens), or null
     */
    public record Line(long lineNumber, String[] fields, Object prepared) {
    }

    /** Receives lines in file order. */
    @FunctionalInterface
    public interface Consumer {
        /** Takes one line. */
        void accept(Line line);
    }

    private final LogFormat format;
    private final int maxLineBytes;
    private final int threads;

    /**
     * @param format the log format
     * @param maxLineBytes longest line kept, in bytes, at least 1
     * @param threads threads preparing lines (1 = all on the caller's thread)
     */
    public LogReader(LogFormat format, int maxLineBytes, int threads) {
        this.format = Objects.requireNonNull(format, "format");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes = " + maxLineBytes + " is out of range; allowed: [1, inf]");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is out of range; allowed: [1, 1024]");
        }
        this.maxLineBytes = maxLineBytes;
        this.threads = threads;
    }

    /**
     * Reads {@code file}, prepares the Content of each good line with {@code preparer} (may be null; it
     * must be thread-safe) and hands the lines to {@code consumer} in order.
     *
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public ParseReport read(Path file, Function<String, Object> preparer, Consumer consumer) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, preparer, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** {@link #read(Path, Function, Consumer)} from a stream (not closed). */
    public ParseReport read(InputStream in, Function<String, Object> preparer, Consumer consumer) throws IOException {
        Counts counts = new Counts();
        RawLines raw = new RawLines(in, maxLineBytes);
        if (threads == 1) {
            Chunk c;
            while ((c = raw.next(CHUNK_LINES)) != null) {
                drain(prepare(c, preparer), counts, consumer);
            }
            return counts.report();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "argus-log-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Prepared>> pending = new ArrayDeque<>();
            Chunk c;
            while ((c = raw.next(CHUNK_LINES)) != null) {
                Chunk chunk = c;
                pending.add(pool.submit(() -> prepare(chunk, preparer)));
                while (pending.size() > 2 * threads) {
                    drain(take(pending.poll()), counts, consumer);
                }
            }
            while (!pending.isEmpty()) {
                drain(take(pending.poll()), counts, consumer);
            }
        } finally {
            pool.shutdownNow();
        }
        return counts.report();
    }

    private static Prepared take(Future<Prepared> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void drain(Prepared p, Counts counts, Consumer consumer) {
        for (int i = 0; i < p.status.length; i++) {
            long no = p.firstLine + i;
            counts.lines++;
            switch (p.status[i]) {
                case OK -> {
                    counts.parsed++;
                    consumer.accept(new Line(no, p.fields[i], p.prepared == null ? null : p.prepared[i]));
                }
                case TOO_LONG -> counts.tooLong(no);
                case UNDECODABLE -> counts.undecodable(no);
                case NO_MATCH -> counts.noMatch(no);
                default -> throw new IllegalStateException();
            }
        }
    }

    private Prepared prepare(Chunk c, Function<String, Object> preparer) {
        int n = c.count;
        Prepared p = new Prepared(c.firstLine, n, preparer != null);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < n; i++) {
            if (c.tooLong[i]) {
                p.status[i] = Status.TOO_LONG;
                continue;
            }
            String line = decode(c.data, c.start[i], c.end[i], decoder);
            if (line == null) {
                p.status[i] = Status.UNDECODABLE;
                continue;
            }
            String[] fields = format.parse(line);
            if (fields == null) {
                p.status[i] = Status.NO_MATCH;
                continue;
            }
            p.status[i] = Status.OK;
            p.fields[i] = fields;
            if (preparer != null) {
                p.prepared[i] = preparer.apply(fields[format.contentIndex()]);
            }
        }
        return p;
    }

    private static String decode(byte[] data, int from, int to, CharsetDecoder decoder) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(data, from, to - from));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private enum Status { OK, TOO_LONG, UNDECODABLE, NO_MATCH }

    private static final class Prepared {
        final long firstLine;
        final Status[] status;
        final String[][] fields;
        final Object[] prepared;

        Prepared(long firstLine, int n, boolean withPrepared) {
            this.firstLine = firstLine;
            this.status = new Status[n];
            this.fields = new String[n][];
            this.prepared = withPrepared ? new Object[n] : null;
        }
    }

    private static final class Chunk {
        long firstLine;
        int count;
        byte[] data;
        int[] start;
        int[] end;
        boolean[] tooLong;
    }

    /** Splits a byte stream into lines at '\n', dropping the bytes of lines over the limit. */
    private static final class RawLines {
        private final InputStream in;
        private final int limit;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private boolean eof;
        private long lineNo = 1;

        RawLines(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            int r = in.read(buf, 0, buf.length);
            if (r <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            len = r;
            return true;
        }

        Chunk next(int maxLines) throws IOException {
            Chunk c = new Chunk();
            c.firstLine = lineNo;
            c.start = new int[maxLines];
            c.end = new int[maxLines];
            c.tooLong = new boolean[maxLines];
            byte[] data = new byte[1 << 16];
            int used = 0;
            int n = 0;
            while (n < maxLines) {
                if (pos >= len && !fill()) {
                    break;
                }
                int lineStart = used;
                boolean over = false;
                boolean ended = false;
                boolean any = false;
                while (!ended) {
                    if (pos >= len && !fill()) {
                        break;
                    }
                    any = true;
                    int i = pos;
                    while (i < len && buf[i] != '\n') {
                        i++;
                    }
                    int chunkLen = i - pos;
                    if (!over) {
                        if (used - lineStart + chunkLen > limit) {
                            over = true;
                            used = lineStart;
                        } else {
                            if (used + chunkLen > data.length) {
                                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + chunkLen));
                            }
                            System.arraycopy(buf, pos, data, used, chunkLen);
                            used += chunkLen;
                        }
                    }
                    if (i < len) {
                        ended = true;
                        pos = i + 1;
                    } else {
                        pos = len;
                    }
                }
                if (!any) {
                    break;
                }
                c.start[n] = lineStart;
                c.end[n] = over ? lineStart : used;
                c.tooLong[n] = over;
                n++;
                lineNo++;
            }
            if (n == 0) {
                return null;
            }
            c.count = n;
            c.data = data;
            return c;
        }
    }

    private static final class Counts {
        long lines;
        long parsed;
        long undecodable;
        long tooLong;
        long noMatch;
        final List<Long> firstUndecodable = new ArrayList<>();
        final List<Long> firstTooLong = new ArrayList<>();
        final List<Long> firstNoMatch = new ArrayList<>();

        void undecodable(long no) {
            undecodable++;
            keep(firstUndecodable, no);
        }

        void tooLong(long no) {
            tooLong++;
            keep(firstTooLong, no);
        }

        void noMatch(long no) {
            noMatch++;
            keep(firstNoMatch, no);
        }

        private static void keep(List<Long> list, long no) {
            if (list.size() < ParseReport.EXAMPLES) {
                list.add(no);
            }
        }

        ParseReport report() {
            return new ParseReport(lines, parsed, undecodable, tooLong, noMatch, firstUndecodable, firstTooLong, firstNoMatch);
        }
    }
}
