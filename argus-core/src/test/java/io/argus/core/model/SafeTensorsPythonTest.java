package io.argus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that Python reads our files: with numpy, by parsing the format independently; with the
 * {@code safetensors} package as well when it is installed. Skipped when python3 or numpy is missing.
 */
class SafeTensorsPythonTest {

    @TempDir
    Path dir;

    private static final String SCRIPT = """
            import json, struct, sys
            import numpy as np
            path = sys.argv[1]
            raw = open(path, 'rb').read()
            (n,) = struct.unpack('<Q', raw[:8])
            assert (8 + n) % 8 == 0, 'data start not aligned'
            header = json.loads(raw[8:8 + n].decode('utf-8'))
            meta = header.pop('__metadata__', {})
            data = raw[8 + n:]
            kinds = {'F32': '<f4', 'F64': '<f8', 'I32': '<i4', 'I64': '<i8', 'U8': 'u1'}
            ranges = sorted(tuple(e['data_offsets']) for e in header.values())
            end = 0
            for b, e in ranges:
                assert b == end, 'hole or overlap at %d' % b
                end = e
            assert end == len(data), 'data length'
            arrays = {k: np.frombuffer(data[e['data_offsets'][0]:e['data_offsets'][1]],
                                       dtype=kinds[e['dtype']]).reshape(e['shape'])
                      for k, e in header.items()}
            try:
                from safetensors.numpy import load_file
            except ImportError:
                load_file = None
            if load_file is not None:
                reference = load_file(path)
                assert sorted(reference) == sorted(arrays)
                for k, a in arrays.items():
                    assert reference[k].dtype == a.dtype and np.array_equal(reference[k], a), k
            for k in sorted(arrays):
                a = arrays[k]
                print(k, a.dtype.str, list(a.shape), a.ravel().tolist())
            print('meta', json.dumps(meta, sort_keys=True, ensure_ascii=False))
            """;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python timed out: " + String.join(" ", command));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : "EXIT " + p.exitValue() + "\n" + out;
    }

    private static boolean pythonWithNumpy() {
        try {
            return run("python3", "-c", "import numpy").isEmpty();
        } catch (IOException | InterruptedException | AssertionError e) {
            return false;
        }
    }

    @Test
    void pythonReadsOurFile() throws IOException, InterruptedException {
        assumeTrue(pythonWithNumpy(), "python3 with numpy is not available; skipping the cross-language check");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.f32(new float[] {1.5f, -2.25f, 0f, 4f, 8f, -0.5f}, 2, 3));
        tensors.put("d", Tensor.f64(new double[] {0.1, -1e300}));
        tensors.put("i", Tensor.i32(new int[] {Integer.MIN_VALUE, 7}, 1, 1, 2));
        tensors.put("l", Tensor.i64(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
        tensors.put("u", Tensor.u8(new byte[] {0, (byte) 200}));
        tensors.put("e", Tensor.f32(new float[0], 0, 4));
        tensors.put("s", Tensor.scalar(2.5));
        Path file = dir.resolve("py.safetensors");
        SafeTensors.write(file, tensors, Map.of("format", "argus", "note", "ünï"));
        Path script = Files.writeString(dir.resolve("check.py"), SCRIPT);

        String out = run("python3", script.toString(), file.toString());

        assertThat(out.lines().toList()).containsExactly(
                "d <f8 [2] [0.1, -1e+300]",
                "e <f4 [0, 4] []",
                "i <i4 [1, 1, 2] [-2147483648, 7]",
                "l <i8 [2] [-9223372036854775808, 9223372036854775807]",
                "s <f8 [] [2.5]",
                "u |u1 [2] [0, 200]",
                "w <f4 [2, 3] [1.5, -2.25, 0.0, 4.0, 8.0, -0.5]",
                "meta {\"format\": \"argus\", \"note\": \"ünï\"}");
    }
}
