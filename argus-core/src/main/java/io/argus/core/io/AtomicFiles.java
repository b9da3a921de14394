package io.argus.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic whole-file writes: the content goes to a temporary file in the target's directory, is forced
 * to disk, then renamed over the target in one step, so a reader sees either the old file or the
 * complete new one, never a partial file (the classic write-fsync-rename pattern).
 *
 * <p>If anything fails, the temporary file is deleted and a pre-existing target is left untouched; I/O
 * failures surface as {@link UncheckedIOException} whose message starts with the target path.
 * Parent directories are created as needed. Every writer of results, models and reports in Argus
 * goes through this class.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Buffer between the caller's many small writes and the file channel. */
    private static final int BUFFER_BYTES = 64 * 1024;

    /** Attempts at picking an unused temporary name before giving up. */
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /**
     * A consumer that may throw {@link IOException}, so that bodies can write to a stream directly.
     *
     * @param <T> the consumed type
     */
    @FunctionalInterface
    public interface IoConsumer<T> {
        /**
         * Consumes the value.
         *
         * @param value the value
         * @throws IOException when writing fails
         */
        void accept(T value) throws IOException;
    }

    /**
     * Writes {@code target} atomically with what {@code body} writes to the stream it is given. The
     * body must not keep the stream; closing it is allowed and does nothing.
     *
     * @param target the file to create or replace
     * @param body writes the complete content
     * @throws UncheckedIOException when the body, the disk or the rename fails; the target is then
     *     unchanged. Runtime exceptions from the body pass through as they are.
     */
    public static void write(Path target, IoConsumer<? super OutputStream> body) {
        Objects.requireNonNull(target, "target");
        try {
            writeChecked(target, body);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": could not write: " + e, e);
        }
    }

    private static void writeChecked(Path target, IoConsumer<? super OutputStream> body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path name = absolute.getFileName();
        if (dir == null || name == null) {
            throw new IOException(target + ": not a file path");
        }
        Files.createDirectories(dir);
        FileChannel channel = null;
        Path temp = null;
        try {
            // CREATE_NEW with a random name rather than Files.createTempFile: the latter makes the file
            // owner-only (0600) on POSIX, which would then become the target's permissions.
            for (int attempt = 0; channel == null; attempt++) {
                temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    temp = null;
                    if (attempt + 1 >= NAME_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
            body.accept(new UnclosableStream(buffered));
            buffered.flush();
            // Force the content before the rename; otherwise a crash could leave the new name
            // pointing at a file whose data never reached the disk.
            channel.force(true);
            channel.close();
            channel = null;
            // ATOMIC_MOVE is a rename(2) within one directory; REPLACE_EXISTING documents the intent.
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | RuntimeException | Error e) {
            cleanUp(channel, temp, e);
            throw e;
        }
        syncDirectory(dir);
        LOG.debug("wrote {}", absolute);
    }

    /**
     * Writes {@code content} as UTF-8 to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param content the complete text
     * @throws UncheckedIOException when the write or the rename fails; the target is then unchanged
     */
    public static void writeString(Path target, String content) {
        Objects.requireNonNull(content, "content");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    private static void cleanUp(FileChannel channel, Path temp, Throwable failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Makes the rename itself durable. Linux needs an fsync of the directory for that; other systems
     * (Windows) refuse to open a directory, and the rename has already happened, so this is best effort.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not fsync directory {}: {}", dir, e.toString());
        }
    }

    /** Lets a body close its stream (try-with-resources habits) without closing the channel early. */
    private static final class UnclosableStream extends FilterOutputStream {
        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // FilterOutputStream writes byte by byte by default.
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
