package io.argus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Runs the CLI in-process and writes test data files (CSV, NPY, NPZ). */
final class Cli {

    /** What one command printed and returned. */
    record Result(int code, String out, String err) {

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        /** Asserts a failed command with exactly one error line holding every fragment. */
        Result assertOneErrorLine(String... fragments) {
            assertThat(code).as("exit code; stderr: %s", err).isNotZero();
            assertThat(errLines()).as("stderr lines").hasSize(1);
            assertThat(err).startsWith("argus: error: ");
            for (String f : fragments) {
                assertThat(err).contains(f);
            }
            return this;
        }

        Result assertOk() {
            assertThat(code).as("exit code; stdout: %s%nstderr: %s", out, err).isZero();
            return this;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArgusCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A labelled table of {@code rows} rows and {@code cols} columns: normal rows uniform in [-0.5, 0.5],
     * every 20th row an outlier far away. Header a,b,c... then label when {@code withLabel}.
     */
    static String csv(int rows, int cols, long seed, boolean withLabel) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < cols; j++) {
            sb.append(j == 0 ? "" : ",").append((char) ('a' + j));
        }
        sb.append(withLabel ? ",label\n" : "\n");
        for (int i = 0; i < rows; i++) {
            boolean outlier = i % 20 == 19;
            for (int j = 0; j < cols; j++) {
                double v = rnd.nextDouble() - 0.5 + (outlier ? ((i / 20 + j) % 2 == 0 ? 5 : -5) : 0);
                sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v));
            }
            sb.append(withLabel ? (outlier ? ",1\n" : ",0\n") : "\n");
        }
        return sb.toString();
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The registered method names as error messages list them: "cblof, cof, ...". */
    static String knownMethods() {
        return String.join(", ", io.argus.core.params.MethodRegistry.load().all().stream()
                .map(io.argus.core.params.MethodRegistry.Entry::name).toList());
    }

    /** The bytes of an .npy file (format 1.0) with the given dtype, shape and raw little-endian data. */
    static byte[] npy(String descr, long[] shape, byte[] data) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        shapeText.append(shape.length == 1 ? ",)" : ")");
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length).put(h).put(data);
        return b.array();
    }

    static byte[] f8(double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] i8(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** An .npz file with float64 X (rows x cols, outliers every 20th row) and int64 labels y. */
    static Path npz(Path file, int rows, int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[rows * cols];
        long[] y = new long[rows];
        for (int i = 0; i < rows; i++) {
            boolean outlier = i % 20 == 19;
            y[i] = outlier ? 1 : 0;
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = rnd.nextDouble() - 0.5 + (outlier ? ((i / 20 + j) % 2 == 0 ? 5 : -5) : 0);
            }
        }
        return zip(file, "X.npy", npy("<f8", new long[] {rows, cols}, f8(x)), "y.npy", npy("<i8", new long[] {rows}, i8(y)));
    }

    /** A zip archive of name/bytes pairs. */
    static Path zip(Path file, Object... namesAndBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                zip.write((byte[]) namesAndBytes[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
