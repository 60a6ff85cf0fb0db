package org.gsweather.field;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that may help decode one field, bounded for the whole process: a decode splits its work into
 * parts, the calling thread runs them one after the other, and pool threads that are idle at that moment
 * join in. At most {@link #parallelism()} threads work on one field (the caller and {@code parallelism -
 * 1} pool threads), and all decodes together never occupy more than the pool's {@code parallelism - 1}
 * threads besides their callers: on a busy server, where the pool threads are taken, a decode runs on its
 * caller alone, as fast as a single-threaded one. A caller never waits for a part that no thread has
 * started, so decodes cannot deadlock, even nested ones.
 *
 * <p>{@link #shared()} is the process-wide pool (one thread per available processor, threads ending
 * after 30 s idle); {@link #create} makes one of another size, which its owner closes; {@link
 * #sequential()} decodes on the caller alone.
 */
public final class DecodePool implements AutoCloseable {
    /** Values below which a part would cost more to hand over than to decode: about 0.1 ms of work. */
    public static final int DEFAULT_MIN_PART_VALUES = 1 << 16;

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final DecodePool SEQUENTIAL = new DecodePool(1, DEFAULT_MIN_PART_VALUES, false);
    private static volatile DecodePool shared;

    private final int parallelism;
    private final int minPartValues;
    private final boolean closable;
    private final ThreadPoolExecutor helpers;
    /** Pool threads not reserved by a decode. */
    private final AtomicInteger idle;

    /** One part of a decode, by its index. */
    @FunctionalInterface
    public interface Part {
        void run(int index) throws DataFormatException;
    }

    private DecodePool(int parallelism, int minPartValues, boolean closable) {
        this.parallelism = parallelism;
        this.minPartValues = minPartValues;
        this.closable = closable;
        this.idle = new AtomicInteger(parallelism - 1);
        if (parallelism == 1) {
            helpers = null;
            return;
        }
        String prefix = "gsweather-decode-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        helpers = new ThreadPoolExecutor(
                parallelism - 1, parallelism - 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        helpers.allowCoreThreadTimeOut(true);
    }

    /** The process-wide pool: as many threads as processors available to the JVM. Closing it does nothing. */
    public static DecodePool shared() {
        DecodePool p = shared;
        if (p == null) {
            synchronized (DecodePool.class) {
                p = shared;
                if (p == null) {
                    p = new DecodePool(
                            Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_MIN_PART_VALUES, false);
                    shared = p;
                }
            }
        }
        return p;
    }

    /**
     * A pool of its own in which at most {@code parallelism} threads decode one field; the caller closes it.
     *
     * @throws IllegalArgumentException when {@code parallelism} is not at least 1
     */
    public static DecodePool create(int parallelism) {
        return create(parallelism, DEFAULT_MIN_PART_VALUES);
    }

    /**
     * {@link #create(int)} with parts of at least {@code minPartValues} values: fields of fewer than twice
     * as many decode on their caller alone.
     *
     * @throws IllegalArgumentException when {@code parallelism} or {@code minPartValues} is not at least 1
     */
    public static DecodePool create(int parallelism, int minPartValues) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("decode parallelism must be at least 1, not " + parallelism);
        }
        if (minPartValues < 1) {
            throw new IllegalArgumentException("values per part must be at least 1, not " + minPartValues);
        }
        return new DecodePool(parallelism, minPartValues, true);
    }

    /** Decoding on the calling thread alone. */
    public static DecodePool sequential() {
        return SEQUENTIAL;
    }

    /** Most threads that work on one field: the caller and the pool's threads. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Number of parts to split the decoding of {@code values} values into: 1 when the pool decodes on the
     * caller alone or the field is small, otherwise up to four per thread, so that a thread that joins
     * late or is slowed down still finds parts to take.
     */
    public int parts(long values) {
        if (parallelism == 1) {
            return 1;
        }
        return (int) Math.max(1, Math.min(4L * parallelism, values / minPartValues));
    }

    /**
     * Runs {@code part.run(i)} for every {@code i} from 0 to {@code parts - 1}, each exactly once, on the
     * calling thread and on pool threads that are idle, and returns when all have ended. Parts are taken
     * in the order of their indices. When a part fails, the parts not started yet are skipped and, once
     * the started ones have ended, the first failure is thrown on the calling thread.
     */
    public void run(int parts, Part part) throws DataFormatException {
        if (parts <= 0) {
            return;
        }
        int wanted = Math.min(parts, parallelism) - 1;
        int helping = wanted > 0 ? reserve(wanted) : 0;
        if (helping == 0) {
            for (int i = 0; i < parts; i++) {
                part.run(i);
            }
            return;
        }
        Job job = new Job(parts, part, Thread.currentThread());
        for (int k = 0; k < helping; k++) {
            try {
                helpers.execute(() -> {
                    try {
                        job.work();
                    } finally {
                        idle.incrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) { // closed: the caller does the rest
                idle.addAndGet(helping - k);
                break;
            }
        }
        job.work();
        job.awaitParts();
        job.rethrow();
    }

    /** Reserves up to {@code wanted} idle pool threads; returns how many it got. */
    private int reserve(int wanted) {
        while (true) {
            int free = idle.get();
            int take = Math.min(free, wanted);
            if (take <= 0) {
                return 0;
            }
            if (idle.compareAndSet(free, free - take)) {
                return take;
            }
        }
    }

    /** Stops the pool's threads once they are idle ({@link #create}d pools only). */
    @Override
    public void close() {
        if (closable && helpers != null) {
            helpers.shutdown();
        }
    }

    /** Pool threads free to join a decode now. */
    int idleThreads() {
        return idle.get();
    }

    /** One {@link #run}: the parts, who takes which, and the first failure. */
    private static final class Job {
        private final int parts;
        private final Part part;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger ended = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int parts, Part part, Thread caller) {
            this.parts = parts;
            this.part = part;
            this.caller = caller;
        }

        /** Takes and runs parts until none is left. */
        void work() {
            for (int i; (i = next.getAndIncrement()) < parts; ) {
                try {
                    if (failure.get() == null) {
                        part.run(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (ended.incrementAndGet() == parts) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** Waits for the parts that other threads took; an interrupt is kept for the caller to see. */
        void awaitParts() {
            boolean interrupted = false;
            while (ended.get() < parts) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() throws DataFormatException {
            Throwable t = failure.get();
            if (t == null) {
                return;
            }
            if (t instanceof DataFormatException e) {
                throw e;
            }
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }
}
