package io.argus.vision.backbone;

import io.argus.core.io.AtomicFiles;
import io.argus.vision.features.FeatureExtractor;
import io.argus.vision.features.FeatureMap;
import io.argus.vision.image.Images;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeatureExtractor} that remembers the features of image files, so that a benchmark running
 * several methods over the same images runs the backbone once per image. Entries are keyed by the
 * wrapped extractor's {@link FeatureExtractor#spec()} (backbone file hash, layers, preprocessing) and the
 * SHA-256 of the image file's bytes, so a changed image or a changed backbone never hits a stale entry.
 *
 * <p>Two levels: memory (least recently used entries leave first once the byte budget is exceeded) and,
 * optionally, a folder on disk ({@code <dir>/<spec hash>/<image hash>.feat}, written atomically), which
 * survives between runs. Only {@link #extractFiles} is cached; {@link #extract} on decoded images passes
 * through. Thread-safe.
 */
public final class CachingFeatureExtractor implements FeatureExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(CachingFeatureExtractor.class);

    /** Memory budget when none is given: 512 MiB of float32 features. */
    public static final long MEMORY_BYTES_DEFAULT = 512L << 20;

    private static final int MAGIC = 0x41524746; // "ARGF"

    private final FeatureExtractor inner;
    private final Path dir;
    private final long budget;
    private final String specHash;
    private final LinkedHashMap<String, List<FeatureMap>> memory = new LinkedHashMap<>(64, 0.75f, true);
    private long memoryBytes;
    private long hits;
    private long misses;

    /**
     * Wraps an extractor.
     *
     * @param inner the extractor; closing this one closes it
     * @param dir the disk cache folder, or null for memory only
     * @param memoryBytes the memory budget in bytes (0 keeps nothing in memory)
     */
    public CachingFeatureExtractor(FeatureExtractor inner, Path dir, long memoryBytes) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0, got " + memoryBytes);
        }
        this.dir = dir;
        this.budget = memoryBytes;
        this.specHash = OnnxFeatureExtractor.sha256(inner.spec().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    @Override
    public String spec() {
        return inner.spec();
    }

    @Override
    public List<String> layers() {
        return inner.layers();
    }

    @Override
    public int inputSize() {
        return inner.inputSize();
    }

    @Override
    public List<List<FeatureMap>> extract(List<BufferedImage> images) {
        return inner.extract(images);
    }

    /** Cache hits and misses so far, for reports: {hits, misses}. */
    public synchronized long[] stats() {
        return new long[] {hits, misses};
    }

    @Override
    public List<List<FeatureMap>> extractFiles(List<Path> files) {
        List<List<FeatureMap>> out = new ArrayList<>(files.size());
        List<String> keys = new ArrayList<>(files.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String key = Images.sha256(files.get(i));
            keys.add(key);
            List<FeatureMap> cached = lookup(key);
            out.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        synchronized (this) {
            hits += files.size() - missing.size();
            misses += missing.size();
        }
        if (!missing.isEmpty()) {
            List<Path> todo = missing.stream().map(files::get).toList();
            List<List<FeatureMap>> fresh = inner.extractFiles(todo);
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                out.set(i, fresh.get(j));
                store(keys.get(i), fresh.get(j));
            }
        }
        return out;
    }

    private List<FeatureMap> lookup(String key) {
        synchronized (this) {
            List<FeatureMap> m = memory.get(key);
            if (m != null) {
                return m;
            }
        }
        if (dir == null) {
            return null;
        }
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            List<FeatureMap> maps = read(f);
            if (!maps.stream().map(FeatureMap::layer).toList().equals(inner.layers())) {
                LOG.debug("cache entry {} holds other layers; ignored", f);
                return null;
            }
            remember(key, maps);
            return maps;
        } catch (IOException | RuntimeException e) {
            LOG.debug("unreadable cache entry {} ignored: {}", f, e.toString());
            return null;
        }
    }

    private void store(String key, List<FeatureMap> maps) {
        remember(key, maps);
        if (dir != null) {
            AtomicFiles.write(file(key), out -> write(new DataOutputStream(out), maps));
        }
    }

    private synchronized void remember(String key, List<FeatureMap> maps) {
        if (budget == 0) {
            return;
        }
        long size = bytes(maps);
        List<FeatureMap> old = memory.put(key, maps);
        if (old != null) {
            memoryBytes -= bytes(old);
        }
        memoryBytes += size;
        var it = memory.entrySet().iterator();
        while (memoryBytes > budget && it.hasNext()) {
            Map.Entry<String, List<FeatureMap>> e = it.next();
            memoryBytes -= bytes(e.getValue());
            it.remove();
        }
    }

    private static long bytes(List<FeatureMap> maps) {
        long b = 0;
        for (FeatureMap m : maps) {
            b += 4L * m.data().length + 64;
        }
        return b;
    }

    private Path file(String key) {
        return dir.resolve(specHash).resolve(key + ".feat");
    }

    private static void write(DataOutputStream out, List<FeatureMap> maps) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(maps.size());
        for (FeatureMap m : maps) {
            out.writeUTF(m.layer());
            out.writeInt(m.channels());
            out.writeInt(m.height());
            out.writeInt(m.width());
            ByteBuffer bb = ByteBuffer.allocate(m.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bb.asFloatBuffer().put(m.data());
            out.write(bb.array());
        }
        out.flush();
    }

    private static List<FeatureMap> read(Path f) throws IOException {
        try (InputStream raw = Files.newInputStream(f); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a feature cache entry");
            }
            int n = in.readInt();
            if (n < 1 || n > 1024) {
                throw new IOException("bad layer count " + n);
            }
            List<FeatureMap> maps = new ArrayList<>(n);
            long left = Files.size(f);
            for (int i = 0; i < n; i++) {
                String layer = in.readUTF();
                int c = in.readInt();
                int h = in.readInt();
                int w = in.readInt();
                long count = (long) c * h * w;
                if (c < 1 || h < 1 || w < 1 || count * 4 > left) {
                    throw new IOException("bad shape " + c + "x" + h + "x" + w);
                }
                byte[] b = in.readNBytes((int) (count * 4));
                if (b.length != count * 4) {
                    throw new IOException("truncated");
                }
                float[] data = new float[(int) count];
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
                maps.add(new FeatureMap(layer, c, h, w, data));
            }
            return List.copyOf(maps);
        }
    }

    @Override
    public void close() {
        LOG.debug("feature cache {}: {} hits, {} misses", specHash, hits, misses);
        inner.close();
    }
}
