package io.argus.core.neighbors;

import io.argus.core.data.Table;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Timing of the self-queries the project compares with scikit-learn. Not a test: runs only when
 * {@code ARGUS_KNN_BENCH} is set, and writes its numbers to {@code target/knn-bench.txt}. Uses a
 * private minimal .npy reader so that it does not wait for the real NPZ reader.
 */
@EnabledIfEnvironmentVariable(named = "ARGUS_KNN_BENCH", matches = ".+")
class KnnBenchmark {

    @Test
    void selfQueries() throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("ARGUS_DATA", "../../shared/data"), "adbench_classical");
        String which = System.getenv("ARGUS_KNN_BENCH");
        List<String> lines = new ArrayList<>();
        for (String name : new String[] {"32_shuttle", "10_cover", "8_celeba"}) {
            if (!which.equals("all") && !which.contains(name)) {
                continue;
            }
            Table data = readX(root.resolve(name + ".npz"));
            for (String algo : new String[] {"index", "kd", "brute"}) {
                if (System.getenv("ARGUS_KNN_ALGO") != null && !System.getenv("ARGUS_KNN_ALGO").contains(algo)) {
                    continue;
                }
                for (int threads : new int[] {2, 1}) {
                    long t0 = System.nanoTime();
                    NeighborSearch s = switch (algo) {
                        case "kd" -> ExactKnn.kdTree(data);
                        case "brute" -> ExactKnn.bruteForce(data);
                        default -> ExactKnn.index(data);
                    };
                    long t1 = System.nanoTime();
                    Neighbors nb = s.selfQuery(20, threads);
                    long t2 = System.nanoTime();
                    lines.add(String.format(Locale.ROOT, "%s %dx%d %s threads=%d build=%.3fs query=%.3fs kdist0=%.4f",
                            name, data.rows(), data.cols(), algo, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, nb.kDistance(0)));
                    Files.write(Path.of("target/knn-bench.txt"), lines);
                    if (threads == 2 && System.getenv("ARGUS_KNN_ONE") == null) {
                        break;
                    }
                }
            }
        }
    }

    static Table readX(Path npz) throws IOException {
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            ZipEntry e = zip.getEntry("X.npy");
            try (InputStream in = zip.getInputStream(e); DataInputStream din = new DataInputStream(in)) {
                byte[] magic = new byte[8];
                din.readFully(magic);
                int major = magic[6];
                int headerLen;
                if (major == 1) {
                    headerLen = Short.toUnsignedInt(Short.reverseBytes(din.readShort()));
                } else {
                    headerLen = Integer.reverseBytes(din.readInt());
                }
                byte[] header = new byte[headerLen];
                din.readFully(header);
                String h = new String(header, StandardCharsets.ISO_8859_1);
                Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(h);
                Matcher t = Pattern.compile("'descr': '<([fi])(\\d)'").matcher(h);
                if (!m.find() || !t.find()) {
                    throw new IOException(npz + ": unsupported header " + h);
                }
                boolean fortran = h.contains("'fortran_order': True");
                int n = Integer.parseInt(m.group(1));
                int d = Integer.parseInt(m.group(2));
                int size = Integer.parseInt(t.group(2));
                boolean isFloat = t.group(1).equals("f");
                byte[] raw = din.readNBytes(n * d * size);
                ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                float[] v = new float[n * d];
                for (int c = 0; c < v.length; c++) {
                    double x = switch (size) {
                        case 2 -> bb.getShort();
                        case 4 -> isFloat ? bb.getFloat() : bb.getInt();
                        default -> isFloat ? bb.getDouble() : bb.getLong();
                    };
                    int dst = fortran ? (c % n) * d + c / n : c;
                    v[dst] = (float) x;
                }
                return Table.of(n, d, v, null, null, npz.toString());
            }
        }
    }
}
