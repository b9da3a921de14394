package io.argus.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives: a zip file (stored or deflated) whose members are {@code .npy}
 * arrays, as written by {@code numpy.savez} and {@code numpy.savez_compressed} (format: the
 * {@code numpy.lib.npyio} documentation; members follow NEP 1).
 *
 * <p>Sizes declared by the zip are not trusted for allocation: each member is allocated from its npy
 * header alone, after checking that header against the member's declared size and against the most
 * data its compressed bytes can expand to (deflate cannot exceed about 1032:1), and every read stops at
 * the declared payload. A truncated or corrupt archive fails with a {@link DataFormatException} naming
 * the file. Instances hold an open file and must be closed.
 */
public final class NpzReader implements AutoCloseable {

    /** The most that deflate can expand (its theoretical limit is 1032:1), plus slack for small members. */
    private static final long DEFLATE_MAX_RATIO = 1032;
    private static final long SLACK = 1 << 16;

    private final ZipFile zip;
    private final String name;
    private final long fileSize;

    private NpzReader(ZipFile zip, String name, long fileSize) {
        this.zip = zip;
        this.name = name;
        this.fileSize = fileSize;
    }

    /**
     * Opens an npz archive and reads its directory.
     *
     * @throws DataFormatException when the file is missing, truncated or not a zip archive
     * @throws UncheckedIOException on other I/O failures
     */
    public static NpzReader open(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(name, "file not found");
        }
        try {
            return new NpzReader(new ZipFile(file.toFile()), name, Files.size(file));
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(name, "not a valid npz archive: expected a zip of .npy members, found a"
                    + " truncated or corrupt zip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads one array of an archive (see {@link #read(String)}) and closes it. */
    public static NpyArray read(Path file, String array) {
        try (NpzReader npz = open(file)) {
            return npz.read(array);
        }
    }

    /** The member names in archive order, without the {@code .npy} suffix. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (!e.isDirectory()) {
                String n = e.getName();
                out.add(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the archive has an array of this name (with or without {@code .npy}). */
    public boolean contains(String array) {
        return entry(array) != null;
    }

    /**
     * Reads an array by name (with or without {@code .npy}); {@code f4} stays float32, other dtypes are
     * widened to float64.
     *
     * @throws DataFormatException when the member is missing, corrupt or not a supported npy array
     */
    public NpyArray read(String array) {
        return read(array, NpyReader.Storage.NATURAL);
    }

    /**
     * Reads an array by name straight into float32 storage, narrowing wider dtypes while decoding.
     *
     * @throws DataFormatException when the member is missing, corrupt or not a supported npy array
     */
    public NpyArray readAsFloat(String array) {
        return read(array, NpyReader.Storage.FLOAT);
    }

    NpyArray read(String array, NpyReader.Storage storage) {
        ZipEntry e = entry(array);
        if (e == null) {
            throw new DataFormatException(name, "no array '" + array + "' in the archive; expected one of " + names());
        }
        String source = name + "!/" + e.getName();
        long compressed = e.getCompressedSize();
        long limit;
        if (e.getMethod() == ZipEntry.STORED) {
            limit = compressed >= 0 ? compressed : fileSize;
        } else {
            // A central directory can lie about the compressed size too; the file size bounds it.
            long c = compressed >= 0 ? Math.min(compressed, fileSize) : fileSize;
            limit = c * DEFLATE_MAX_RATIO + SLACK;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return NpyReader.read(in, source, e.getSize(), limit, storage);
        } catch (ZipException | EOFException ex) {
            throw new DataFormatException(source, "corrupt or truncated zip member: expected " + e.getSize()
                    + " bytes of npy data, the zip stream failed (" + ex.getMessage() + ")", ex);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + source + ": " + ex.getMessage(), ex);
        }
    }

    private ZipEntry entry(String array) {
        Objects.requireNonNull(array, "array");
        ZipEntry e = zip.getEntry(array.endsWith(".npy") ? array : array + ".npy");
        return e != null ? e : zip.getEntry(array);
    }

    /** Closes the archive. */
    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }

    @Override
    public String toString() {
        return "NpzReader[" + name + "]";
    }
}
