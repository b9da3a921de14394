package io.argus.deep.nn;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import io.argus.core.Context;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the PyTorch engine (through DJL): it loads the engine offline, and runs every piece
 * of native work under one lock with the {@link Context}'s thread count as PyTorch's intra-op threads.
 *
 * <p>PyTorch keeps its random generator and thread count in process-wide state, so two trainings running
 * at once would interleave their random draws and stop being repeatable. Serialising native work is the
 * price of "same seed, same threads, same weights"; the networks here are small enough that one
 * training at a time uses the cores well.
 *
 * <p>The engine is loaded with {@code ai.djl.offline=true} unless the caller set that property: Argus
 * never downloads at run time; the native library comes from the {@code pytorch-native-cpu} jar on the
 * class path and is unpacked (about 432 MB, once) into {@code DJL_CACHE_DIR} (system property or
 * environment variable; DJL's default is {@code ~/.djl.ai}).
 */
public final class Torch {

    private static final Logger LOG = LoggerFactory.getLogger(Torch.class);

    /** The DJL engine name. */
    public static final String ENGINE = "PyTorch";

    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    private Torch() {
    }

    /** The PyTorch engine, loaded on first use. */
    public static Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (LOCK) {
            if (engine == null) {
                if (System.getProperty("ai.djl.offline") == null) {
                    System.setProperty("ai.djl.offline", "true");
                }
                try {
                    engine = Engine.getEngine(ENGINE);
                } catch (EngineException | IllegalArgumentException e2) {
                    throw new IllegalStateException("cannot load the PyTorch engine (DJL " + Engine.getDjlVersion()
                            + "): is ai.djl.pytorch:pytorch-native-cpu on the class path, and is DJL_CACHE_DIR writable? "
                            + e2.getMessage(), e2);
                }
                LOG.debug("loaded {} {}", ENGINE, engine.getVersion());
            }
            return engine;
        }
    }

    /**
     * Runs native work under the engine lock, with {@code ctx.threads()} intra-op threads. Nested calls
     * from the same thread are allowed.
     */
    public static <T> T call(Context ctx, Supplier<T> body) {
        return call(ctx.threads(), body);
    }

    /** Runs native work under the engine lock with {@code threads} intra-op threads. */
    public static <T> T call(int threads, Supplier<T> body) {
        engine();
        synchronized (LOCK) {
            JniUtils.setNumThreads(threads);
            return body.get();
        }
    }

    /**
     * Seeds PyTorch's generator (weight initialisation, dropout) from a 64-bit seed; call it inside
     * {@link #call} right before the work whose draws must repeat.
     */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
    }
}
