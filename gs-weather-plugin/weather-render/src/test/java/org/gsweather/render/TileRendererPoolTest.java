package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TileRendererPoolTest {

    @Test
    void theLastRendererGivenBackIsTheNextHandedOut() {
        TileRendererPool pool = new TileRendererPool(2);
        TileRenderer first = pool.apply(r -> r);
        TileRenderer second = pool.apply(r -> r);
        assertThat(second).isSameAs(first);
        assertThat(pool.idle()).isEqualTo(1);
    }

    @Test
    void manyThreadsAtOnceLeaveNoMoreIdleRenderersThanTheCapacity() throws Exception {
        TileRendererPool pool = new TileRendererPool(3);
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch allIn = new CountDownLatch(threads);
            Set<TileRenderer> inUse = ConcurrentHashMap.newKeySet();
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> pool.apply(r -> {
                    boolean alone = inUse.add(r); // no other thread holds it now
                    allIn.countDown();
                    try {
                        allIn.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inUse.remove(r);
                    return alone;
                })));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(pool.idle()).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRendererWhoseWorkFailedIsDropped() {
        TileRendererPool pool = new TileRendererPool(2);
        TileRenderer kept = pool.apply(r -> r);
        assertThatThrownBy(() -> pool.apply(r -> {
                    throw new IllegalStateException("drawing failed");
                }))
                .hasMessage("drawing failed");
        assertThat(pool.idle()).isZero();
        TileRenderer next = pool.apply(r -> r);
        assertThat(next).isNotSameAs(kept);
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new TileRendererPool(0)).hasMessageContaining("at least 1");
    }
}
