package org.gsweather.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefetchQueueTest {
    /** Work that blocks until released, recording what ran and signalling each start. */
    private static final class Gate {
        final Semaphore started = new Semaphore(0);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> ran = new CopyOnWriteArrayList<>();

        void run(String task) {
            ran.add(task);
            started.release();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (task.startsWith("fail")) {
                throw new IllegalStateException(task);
            }
        }
    }

    @Test
    void fullQueueDropsTheOldestAndEqualTasksQueueOnce() throws Exception {
        Gate gate = new Gate();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PrefetchQueue<String> q = new PrefetchQueue<>("test.prefetch", 2, 1, () -> 0, 4, gate::run)) {
            q.bindTo(registry);
            assertThat(q.offer("a")).isEqualTo(PrefetchQueue.Outcome.QUEUED);
            assertThat(gate.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue(); // a runs and blocks
            assertThat(q.offer("a")).as("running").isEqualTo(PrefetchQueue.Outcome.DUPLICATE);
            assertThat(q.offer("b")).isEqualTo(PrefetchQueue.Outcome.QUEUED);
            assertThat(q.offer("b")).as("queued").isEqualTo(PrefetchQueue.Outcome.DUPLICATE);
            assertThat(q.offer("c")).isEqualTo(PrefetchQueue.Outcome.QUEUED);
            assertThat(q.offer("d")).isEqualTo(PrefetchQueue.Outcome.QUEUED_DROPPING_OLDEST);
            assertThat(q.size()).isEqualTo(2);
            assertThat(registry.get("test.prefetch.queue").gauge().value()).isEqualTo(2);
            assertThat(registry.get("test.prefetch.running").gauge().value()).isEqualTo(1);

            gate.release.countDown();
            assertThat(gate.started.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
            awaitDone(q, 3);
            assertThat(gate.ran).containsExactly("a", "c", "d");
            assertThat(count(registry, "done")).isEqualTo(3);
            assertThat(count(registry, "dropped")).isEqualTo(1);
            assertThat(count(registry, "duplicate")).isEqualTo(2);
        }
    }

    @Test
    void tasksAreShedWhileTheServerIsBusyAndAFailureDoesNotStopTheThread() throws Exception {
        Gate gate = new Gate();
        gate.release.countDown();
        AtomicInteger load = new AtomicInteger(5);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PrefetchQueue<String> q = new PrefetchQueue<>("test.prefetch", 8, 2, load::get, 4, gate::run)) {
            q.bindTo(registry);
            assertThat(q.offer("x")).isEqualTo(PrefetchQueue.Outcome.SHED);
            assertThat(q.size()).isZero();
            load.set(4);
            assertThat(q.offer("fail-1")).isEqualTo(PrefetchQueue.Outcome.QUEUED);
            assertThat(gate.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            awaitFailed(q, 1);
            assertThat(q.offer("y")).isEqualTo(PrefetchQueue.Outcome.QUEUED);
            assertThat(gate.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            awaitDone(q, 1);
            assertThat(count(registry, "shed")).isEqualTo(1);
            assertThat(count(registry, "failed")).isEqualTo(1);
        }
    }

    @Test
    void awaitIdleReturnsOnceTheRunningTaskHasEnded() throws Exception {
        Gate gate = new Gate();
        try (PrefetchQueue<String> q = new PrefetchQueue<>("test.prefetch", 8, 1, () -> 0, 4, gate::run)) {
            assertThat(q.awaitIdle(java.time.Duration.ZERO)).as("nothing runs").isTrue();
            q.offer("a");
            assertThat(gate.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(q.awaitIdle(java.time.Duration.ofMillis(50)))
                    .as("a runs")
                    .isFalse();
            gate.release.countDown();
            assertThat(q.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
            assertThat(q.running()).isZero();
        }
    }

    @Test
    void aClosedQueueTakesNothing() {
        PrefetchQueue<String> q = new PrefetchQueue<>("test.prefetch", 8, 1, () -> 0, 4, t -> {});
        q.close();
        assertThat(q.offer("x")).isEqualTo(PrefetchQueue.Outcome.CLOSED);
    }

    private static double count(SimpleMeterRegistry r, String outcome) {
        return r.get("test.prefetch.tasks")
                .tag("outcome", outcome)
                .functionCounter()
                .count();
    }

    @Test
    void aTaskWaitsForAQuietMomentButNotLongerThanTheDeferralLimit() throws Exception {
        Gate gate = new Gate();
        gate.release.countDown();
        try (PrefetchQueue<String> q =
                new PrefetchQueue<>("test.prefetch", 8, 1, () -> 0, 4, java.time.Duration.ofMillis(400), gate::run)) {
            // requests every 10 ms: the task waits
            q.activity();
            q.offer("a");
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                q.activity();
                assertThat(gate.started.tryAcquire(10, TimeUnit.MILLISECONDS))
                        .as("started among requests")
                        .isFalse();
            }
            // quiet: it starts
            assertThat(gate.started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(gate.ran).containsExactly("a");

            // requests that never stop: it starts after the deferral limit all the same
            q.activity();
            long offered = System.nanoTime();
            q.offer("b");
            long[] startedAfter = {-1};
            while (startedAfter[0] < 0 && System.nanoTime() - offered < TimeUnit.SECONDS.toNanos(10)) {
                q.activity();
                if (gate.started.tryAcquire(5, TimeUnit.MILLISECONDS)) {
                    startedAfter[0] = System.nanoTime() - offered;
                }
            }
            assertThat(gate.ran).containsExactly("a", "b");
            assertThat(startedAfter[0]).isGreaterThanOrEqualTo(PrefetchQueue.MAX_DEFERRAL.toNanos());
        }
    }

    /** Waits (without sleeping) until the workers have finished {@code n} tasks. */
    private static void awaitDone(PrefetchQueue<String> q, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (q.done() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(q.done()).isEqualTo(n);
    }

    private static void awaitFailed(PrefetchQueue<String> q, long n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (q.failed() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(q.failed()).isEqualTo(n);
    }
}
