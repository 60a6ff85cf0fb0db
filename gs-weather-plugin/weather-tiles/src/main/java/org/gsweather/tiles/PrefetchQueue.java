package org.gsweather.tiles;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work done ahead of requests (tiles rendered before anyone asks), always second to the requests themselves:
 *
 * <ul>
 *   <li>bounded: when full, the oldest queued task is dropped for the new one (a viewer has moved on since);
 *   <li>shed under load: while {@code load} reports more than {@code loadLimit} requests being served, nothing is
 *       queued;
 *   <li>once: a task equal to one queued or running is not queued again;
 *   <li>between requests: a task starts once no request has come for {@code quiet} (told by {@link #activity}), or
 *       after {@link #MAX_DEFERRAL} of steady requests, so that it does not take the cores a burst of requests (an
 *       animation frame, a map opened) needs;
 *   <li>few threads, at minimum priority (which Linux' scheduler ignores, hence the wait for a quiet moment).
 * </ul>
 *
 * @param <T> a task; equal tasks are one task (a record of what to render)
 */
public final class PrefetchQueue<T> implements MeterBinder, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PrefetchQueue.class.getName());

    /** What became of an offered task. */
    public enum Outcome {
        QUEUED,
        /** queued, and the oldest queued task was dropped to make room */
        QUEUED_DROPPING_OLDEST,
        /** equal to a task queued or running */
        DUPLICATE,
        /** not queued: the server is busy with requests */
        SHED,
        /** not queued: the queue is closed */
        CLOSED
    }

    /** The longest a task waits for a quiet moment; then it runs among the requests. */
    static final Duration MAX_DEFERRAL = Duration.ofSeconds(1);

    private final String name;
    private final int capacity;
    private final long quietNanos;
    private volatile long lastActivity;
    private final IntSupplier load;
    private final int loadLimit;
    private final Consumer<T> work;
    private final LinkedHashSet<T> queued = new LinkedHashSet<>();
    private final Set<T> running = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    private final LongAdder offered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * @param name the threads' name and the metrics' prefix, e.g. {@code gsweather.prefetch}
     * @param capacity how many tasks may wait
     * @param threads how many tasks run at once
     * @param load requests being served now
     * @param loadLimit above this many requests being served, offered tasks are shed
     * @param work runs one task; an exception is logged and counted, the thread goes on
     */
    public PrefetchQueue(String name, int capacity, int threads, IntSupplier load, int loadLimit, Consumer<T> work) {
        this(name, capacity, threads, load, loadLimit, Duration.ZERO, work);
    }

    /**
     * @param quiet a task starts once no request has come for this long ({@link #activity}); zero: at once
     */
    public PrefetchQueue(
            String name, int capacity, int threads, IntSupplier load, int loadLimit, Duration quiet, Consumer<T> work) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    name + ": capacity " + capacity + " and threads " + threads + " must be at least 1");
        }
        this.name = name;
        this.capacity = capacity;
        this.load = load;
        this.loadLimit = loadLimit;
        this.quietNanos = quiet.toNanos();
        this.lastActivity = System.nanoTime() - quietNanos;
        this.work = work;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::runLoop, name + "-" + (i + 1));
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            start(t);
        }
    }

    private void start(Thread t) {
        threads.add(t);
        t.start();
    }

    /** Queues a task unless it is already queued or running, the server is busy, or the queue is closed. */
    public Outcome offer(T task) {
        offered.increment();
        if (load.getAsInt() > loadLimit) {
            shed.increment();
            return Outcome.SHED;
        }
        synchronized (queued) {
            if (closed) {
                return Outcome.CLOSED;
            }
            if (queued.contains(task) || running.contains(task)) {
                duplicates.increment();
                return Outcome.DUPLICATE;
            }
            Outcome outcome = Outcome.QUEUED;
            if (queued.size() >= capacity) {
                Iterator<T> oldest = queued.iterator();
                oldest.next();
                oldest.remove();
                dropped.increment();
                outcome = Outcome.QUEUED_DROPPING_OLDEST;
            }
            queued.add(task);
            queued.notify();
            return outcome;
        }
    }

    /** A request came: tasks wait until none has come for {@code quiet}. */
    public void activity() {
        long now = System.nanoTime();
        // to the millisecond: thousands of requests a second then read the shared field rather than write it
        if (now - lastActivity > 1_000_000L) {
            lastActivity = now;
        }
    }

    /** Tasks waiting now. */
    public int size() {
        synchronized (queued) {
            return queued.size();
        }
    }

    /** Tasks running now. */
    public int running() {
        synchronized (queued) {
            return running.size();
        }
    }

    public long done() {
        return done.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long shed() {
        return shed.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    private void runLoop() {
        while (true) {
            T task;
            synchronized (queued) {
                while (queued.isEmpty() && !closed) {
                    try {
                        queued.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
            if (!awaitQuiet()) {
                return;
            }
            synchronized (queued) {
                if (closed) {
                    return;
                }
                if (queued.isEmpty()) {
                    continue; // cleared meanwhile
                }
                Iterator<T> first = queued.iterator();
                task = first.next();
                first.remove();
                running.add(task);
            }
            try {
                work.accept(task);
                done.increment();
            } catch (RuntimeException | Error e) {
                failed.increment();
                LOG.log(Level.FINE, name + ": " + task + " failed", e);
            } finally {
                synchronized (queued) {
                    running.remove(task);
                    queued.notifyAll();
                }
            }
        }
    }

    /** Waits until no request has come for {@code quiet}, or {@link #MAX_DEFERRAL}; false when interrupted. */
    private boolean awaitQuiet() {
        long since = System.nanoTime();
        long limit = MAX_DEFERRAL.toNanos();
        while (true) {
            long now = System.nanoTime();
            long wait = Math.min(lastActivity + quietNanos - now, since + limit - now);
            if (wait <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    /** Drops the queued tasks (running ones finish). */
    public void clear() {
        synchronized (queued) {
            queued.clear();
        }
    }

    /**
     * Waits until no task is running (queued ones are not waited for); returns false when {@code timeout} passed
     * first.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (queued) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(queued, left);
            }
            return true;
        }
    }

    /** Drops the queued tasks and stops the threads once their running tasks end. */
    @Override
    public void close() {
        synchronized (queued) {
            closed = true;
            queued.clear();
            queued.notifyAll();
        }
    }

    /**
     * Exports {@code NAME.queue} (tasks waiting), {@code NAME.running} and {@code NAME.tasks{outcome=...}} counted from
     * binding: {@code done}, {@code failed}, {@code duplicate}, {@code shed} (server busy), {@code dropped} (queue
     * full, oldest dropped).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(name + ".queue", this, PrefetchQueue::size)
                .description("Tasks waiting (bounded; the oldest is dropped when full)")
                .register(registry);
        Gauge.builder(name + ".running", this, PrefetchQueue::running)
                .description("Tasks running now")
                .register(registry);
        outcome(registry, "done", done, "Tasks completed");
        outcome(registry, "failed", failed, "Tasks that failed (logged at FINE)");
        outcome(registry, "duplicate", duplicates, "Tasks not queued: the same task was queued or running");
        outcome(registry, "shed", shed, "Tasks not queued: the server was busy serving requests");
        outcome(registry, "dropped", dropped, "Queued tasks dropped for newer ones: the queue was full");
    }

    private void outcome(MeterRegistry registry, String outcome, LongAdder count, String description) {
        long base = count.sum();
        FunctionCounter.builder(name + ".tasks", count, c -> c.sum() - base)
                .tag("outcome", outcome)
                .description(description)
                .register(registry);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " queued of " + capacity + ", " + running() + " running)";
    }
}
