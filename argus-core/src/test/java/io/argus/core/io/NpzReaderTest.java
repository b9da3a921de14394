package io.argus.core.io;

import static io.argus.core.io.NpyBytes.dict;
import static io.argus.core.io.NpyBytes.npy;
import static io.argus.core.io.NpyBytes.npz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] sample(boolean deflate) throws Exception {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5;
        }
        return npz(deflate,
                "X.npy", npy("<f8", false, new int[] {100, 2}, x),
                "y.npy", npy("<i8", false, new int[] {100}, new double[100]));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void listsAndReadsMembersStoredOrDeflated(boolean deflate) throws Exception {
        Path f = write("a.npz", sample(deflate));
        try (NpzReader npz = NpzReader.open(f)) {
            assertThat(npz.names()).containsExactly("X", "y");
            assertThat(npz.contains("X")).isTrue();
            assertThat(npz.contains("X.npy")).isTrue();
            assertThat(npz.contains("Z")).isFalse();
            NpyArray x = npz.read("X");
            assertThat(x.shape()).containsExactly(100, 2);
            assertThat(x.getDouble(199)).isEqualTo(99.5);
            assertThat(npz.read("y.npy").dtype()).isEqualTo("<i8");
            assertThat(npz.readAsFloat("X").hasFloatStorage()).isTrue();
        }
        assertThat(NpzReader.read(f, "y").size()).isEqualTo(100);
    }

    @Test
    void missingMemberListsTheMembers() throws Exception {
        Path f = write("a.npz", sample(true));
        assertThatThrownBy(() -> NpzReader.read(f, "Z"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": no array 'Z' in the archive; expected one of [X, y]");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 400, 1000})
    void truncatedArchiveIsADataFormatException(int keep) throws Exception {
        byte[] full = sample(true);
        Path f = write("cut.npz", Arrays.copyOf(full, Math.min(keep, full.length - 1)));
        assertThatThrownBy(() -> {
            try (NpzReader npz = NpzReader.open(f)) {
                npz.read("X");
            }
        })
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("not a valid npz archive: expected a zip of .npy members, found a truncated or corrupt zip");
    }

    @Test
    void corruptDeflateStreamIsADataFormatException() throws Exception {
        byte[] full = sample(true);
        // Overwrite the middle of the first member's compressed data; the directory stays intact.
        byte[] bad = full.clone();
        for (int i = 60; i < 200; i++) {
            bad[i] = (byte) 0xA5;
        }
        Path f = write("bad.npz", bad);
        assertThatThrownBy(() -> NpzReader.read(f, "X"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void memberWhoseHeaderClaimsMoreThanItHoldsFailsBeforeAllocating() throws Exception {
        byte[] lying = npy(1, dict("<f8", false, 100_000_000), new byte[16]);
        Path f = write("lie.npz", npz(true, "X.npy", lying));
        assertThatThrownBy(() -> NpzReader.read(f, "X"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(f + "!/X.npy: truncated: header declares shape (100000000,) of dtype <f8 = 800000000 bytes but only 16 bytes follow");
    }

    @Test
    void notAZipAtAll() throws Exception {
        Path f = write("text.npz", "just text".getBytes());
        assertThatThrownBy(() -> NpzReader.open(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ": not a valid npz archive");
        assertThatThrownBy(() -> NpzReader.open(dir.resolve("absent.npz")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageEndingWith("absent.npz: file not found");
    }
}
