package io.argus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextTest {

    @Test
    void randomStreamsDependOnSeedAndStreamOnly() {
        try (Context a = Context.builder().seed(1).threads(1).build(); Context b = Context.builder().seed(1).threads(2).build()) {
            assertThat(a.random(5).nextLong()).isEqualTo(b.random(5).nextLong());
            assertThat(a.random(5).nextLong()).isNotEqualTo(a.random(6).nextLong());
            assertThat(a.random(5).nextLong()).isNotEqualTo(a.withSeed(2).random(5).nextLong());
        }
    }

    @Test
    void parallelForCoversEveryIndexOnceWithFixedBlocks() {
        for (int threads : new int[] {1, 2, 3}) {
            try (Context ctx = Context.builder().threads(threads).build()) {
                int[] hits = new int[1003];
                ctx.parallelFor(hits.length, 100, (from, to) -> {
                    assertThat(from % 100).isZero();
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                });
                assertThat(hits).containsOnly(1);
            }
        }
    }

    @Test
    void exceptionsAndCancellationPropagate() {
        try (Context ctx = Context.builder().threads(2).build()) {
            assertThatThrownBy(() -> ctx.parallelFor(10, 1, (from, to) -> {
                if (from == 7) {
                    throw new IllegalArgumentException("block 7 failed");
                }
            })).hasMessage("block 7 failed");
            ctx.cancel();
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> ctx.parallelFor(10, 1, (from, to) -> ran.incrementAndGet())).isInstanceOf(CancelledException.class);
            assertThat(ran.get()).isZero();
        }
    }

    @Test
    void threadsAreValidated() {
        assertThatThrownBy(() -> Context.builder().threads(0)).hasMessage("threads = 0 must be in [1, 1024]");
    }
}
