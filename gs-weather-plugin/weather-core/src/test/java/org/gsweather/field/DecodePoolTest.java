package org.gsweather.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class DecodePoolTest {

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 3, 8})
    void runsEveryPartExactlyOnce(int parallelism) throws Exception {
        try (DecodePool pool = DecodePool.create(parallelism)) {
            for (int parts : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, parts));
                pool.run(parts, runs::incrementAndGet);
                for (int i = 0; i < parts; i++) {
                    assertThat(runs.get(i)).as("part %d of %d", i, parts).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void neverMoreThreadsOnOneDecodeThanItsParallelism() throws Exception {
        try (DecodePool pool = DecodePool.create(3)) {
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            for (int round = 0; round < 50; round++) {
                pool.run(64, i -> {
                    threads.add(Thread.currentThread());
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    long sum = 0;
                    for (int k = 0; k < 20_000; k++) {
                        sum += k * (long) i;
                    }
                    running.decrementAndGet();
                    if (sum < 0) {
                        throw new AssertionError();
                    }
                });
            }
            assertThat(most.get()).isLessThanOrEqualTo(3);
            assertThat(threads).hasSizeLessThanOrEqualTo(3).contains(Thread.currentThread());
        }
    }

    @Test
    void helpersJoinWhenIdle() throws Exception {
        try (DecodePool pool = DecodePool.create(2)) {
            // both parts wait for each other: done only if a pool thread takes the second one
            CyclicBarrier both = new CyclicBarrier(2);
            pool.run(2, i -> await(both));
        }
    }

    @Test
    void aBusyPoolLeavesTheDecodeToItsCaller() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (DecodePool pool = DecodePool.create(2)) {
            CountDownLatch bothBusy = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            // another decode holds its caller and the pool's one thread until released
            Future<?> first = other.submit(() -> {
                pool.run(2, i -> {
                    bothBusy.countDown();
                    await(release);
                });
                return null;
            });
            assertThat(bothBusy.await(30, TimeUnit.SECONDS)).isTrue();
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            pool.run(16, i -> threads.add(Thread.currentThread()));
            assertThat(threads).containsExactly(Thread.currentThread());
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void theFirstFailureReachesTheCallerAndLaterPartsAreSkipped() throws Exception {
        try (DecodePool pool = DecodePool.create(2)) {
            AtomicInteger after = new AtomicInteger();
            CountDownLatch failing = new CountDownLatch(1);
            // a later part starts only once part 3 has, and takes some microseconds of work: the other thread, had
            // the failure not stopped it, would be milliseconds into them before part 500
            assertThatThrownBy(() -> pool.run(1000, i -> {
                        if (i == 3) {
                            failing.countDown();
                            throw new DataFormatException("part 3 is corrupt");
                        }
                        if (i > 3) {
                            await(failing);
                            if (work(i) == 0) {
                                throw new AssertionError("the work is kept");
                            }
                        }
                        if (i > 500) {
                            after.incrementAndGet();
                        }
                    }))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("part 3 is corrupt");
            assertThat(after.get()).isZero();
            assertThatThrownBy(() -> pool.run(4, i -> {
                        throw new IllegalStateException("bug in part " + i);
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("bug in part");
            // the pool thread is free again once it has ended its part
            while (pool.idleThreads() < 1) {
                Thread.onSpinWait();
            }
            CyclicBarrier both = new CyclicBarrier(2);
            pool.run(2, i -> await(both));
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForThePartsAndKeepsTheInterrupt() throws Exception {
        try (DecodePool pool = DecodePool.create(2)) {
            for (int round = 0; round < 100; round++) {
                AtomicIntegerArray ran = new AtomicIntegerArray(64);
                Thread.currentThread().interrupt();
                pool.run(64, i -> {
                    long sum = 0;
                    for (int k = 0; k < 10_000; k++) {
                        sum += k ^ i;
                    }
                    ran.set(i, sum > 0 ? 1 : 2);
                });
                assertThat(Thread.interrupted()).isTrue();
                for (int i = 0; i < 64; i++) {
                    assertThat(ran.get(i))
                            .as("part %d ended before run returned", i)
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    void sharedPoolHasOneThreadPerProcessorAndStaysOpen() throws Exception {
        DecodePool shared = DecodePool.shared();
        assertThat(DecodePool.shared()).isSameAs(shared);
        assertThat(shared.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        shared.close();
        AtomicInteger runs = new AtomicInteger();
        shared.run(10, i -> runs.incrementAndGet());
        assertThat(runs.get()).isEqualTo(10);
    }

    @Test
    void aClosedPoolDecodesOnTheCaller() throws Exception {
        DecodePool pool = DecodePool.create(4);
        pool.close();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        pool.run(20, i -> threads.add(Thread.currentThread()));
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void sequentialDecodesOnTheCallerInOrder() throws Exception {
        StringBuilder order = new StringBuilder();
        DecodePool.sequential().run(5, i -> order.append(i));
        assertThat(order).hasToString("01234");
        assertThat(DecodePool.sequential().parallelism()).isEqualTo(1);
        assertThat(DecodePool.sequential().parts(1_000_000)).isEqualTo(1);
    }

    @Test
    void partsAreBoundedByWorkAndThreads() {
        try (DecodePool pool = DecodePool.create(2, 1000)) {
            assertThat(pool.parts(100)).isEqualTo(1);
            assertThat(pool.parts(3000)).isEqualTo(3);
            assertThat(pool.parts(1_000_000)).isEqualTo(8);
        }
        try (DecodePool pool = DecodePool.create(2)) {
            assertThat(pool.parts(100_000)).isEqualTo(1);
            assertThat(pool.parts(1_038_240)).isEqualTo(8);
        }
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> DecodePool.create(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DecodePool.create(2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values per part must be at least 1");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other part did not come", e);
        }
    }

    /** About ten microseconds of arithmetic; never 0 for a part past 3. */
    private static long work(int part) {
        long sum = 0;
        for (int k = 1; k <= 20_000; k++) {
            sum += k ^ part;
        }
        return sum;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
