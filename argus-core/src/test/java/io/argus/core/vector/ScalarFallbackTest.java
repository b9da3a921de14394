package io.argus.core.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.core.data.Table;
import io.argus.core.neighbors.ExactKnn;
import io.argus.core.neighbors.Neighbors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM started without {@code --add-modules jdk.incubator.vector} must give the same neighbours. */
class ScalarFallbackTest {

    @Test
    void jvmWithoutTheVectorModuleGivesIdenticalResults() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("vectorized=false hash=" + Probe.fingerprint());
        assertThat(VectorKernels.isVectorized()).isTrue();
    }

    /** Child-process entry point: reports which path ran and a fingerprint of its results. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println("vectorized=" + VectorKernels.isVectorized() + " hash=" + fingerprint());
        }

        static int fingerprint() {
            SplittableRandom rnd = new SplittableRandom(4);
            int h = 0;
            for (int d : new int[] {3, 30}) {
                int n = 1500;
                float[] v = new float[n * d];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rnd.nextGaussian();
                }
                Table t = Table.of(n, d, v, null, null, null);
                Neighbors kd = ExactKnn.kdTree(t).selfQuery(7, 2);
                Neighbors bf = ExactKnn.bruteForce(t).selfQuery(7, 1);
                h = 31 * h + kd.hashCode() + (kd.equals(bf) ? 0 : 1);
            }
            return h;
        }
    }
}
