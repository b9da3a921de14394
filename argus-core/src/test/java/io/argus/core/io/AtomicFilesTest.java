package io.argus.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writeStringCreatesParentsAndContent() throws IOException {
        Path target = dir.resolve("a/b/report.txt");
        AtomicFiles.writeString(target, "héllo\n");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("héllo\n");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.toList()).containsExactly(target);
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("x.txt");
        AtomicFiles.writeString(target, "old content that is longer");
        AtomicFiles.writeString(target, "new");
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void largeMultiChunkBodyArrivesIntact() throws IOException {
        byte[] data = new byte[1_000_003];
        new Random(7).nextBytes(data);
        Path target = dir.resolve("big.bin");
        // Mixed single-byte and block writes exercise the buffering paths.
        AtomicFiles.write(target, out -> {
            out.write(data[0]);
            out.write(data, 1, data.length - 1);
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            try (OutputStream o = out) {
                o.write("done".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertThat(Files.readString(target)).isEqualTo("done");
    }

    @Test
    void ioFailureInBodyLeavesTargetUnchangedAndNoTempFile() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "original");
        IOException boom = new IOException("disk on fire");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]); // past the buffer, so the temp file really has content
            throw boom;
        }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(target + ": could not write")
                .hasMessageContaining("disk on fire")
                .hasCause(boom);
        assertThat(Files.readString(target)).isEqualTo("original");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void runtimeFailureInBodyPassesThroughAndCleansUp() throws IOException {
        Path target = dir.resolve("r.txt");
        Files.writeString(target, "original");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bad state");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bad state");
        assertThat(Files.readString(target)).isEqualTo("original");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void failureWithoutPreviousTargetLeavesNothing() throws IOException {
        Path target = dir.resolve("new.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IOException("nope");
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(listing()).isEmpty();
    }

    @Test
    void failedRenameCleansUpTheTempFile() throws IOException {
        // A non-empty directory cannot be replaced by a file, so the final move fails.
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child"));
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(target + ": could not write");
        assertThat(listing()).containsExactly(target);
        assertThat(Files.isDirectory(target.resolve("child"))).isTrue();
    }

    @Test
    void resultHasOrdinaryPermissionsNotOwnerOnlyTempPermissions() throws IOException {
        assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).isNotNull();
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("atomic");
        AtomicFiles.writeString(target, "x");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
