package org.gsweather.ingest.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a body read that received nothing for longer than the read timeout: {@link
 * java.net.http.HttpClient} bounds the wait for response headers, not the silences inside a body.
 * Measured with {@link System#nanoTime()}: a stall is real time, whatever clock the rest uses.
 */
final class StallWatchdog implements AutoCloseable {
    /** One body being read. */
    static final class Read implements AutoCloseable {
        private final Thread thread = Thread.currentThread();
        private final StallWatchdog owner;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;
        private boolean closed;

        private Read(StallWatchdog owner) {
            this.owner = owner;
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        /** Whether the watchdog interrupted this read; clears the thread's interrupt if so. */
        boolean stalled() {
            if (stalled) {
                Thread.interrupted();
                return true;
            }
            return false;
        }

        @Override
        public void close() {
            owner.reads.remove(this);
            synchronized (this) {
                closed = true;
            }
            if (stalled) {
                Thread.interrupted();
            }
        }

        /** Interrupts the reading thread if it is still reading and silent for too long. */
        synchronized void interruptIfSilent(long now, long timeoutNanos) {
            if (!closed && !stalled && now - lastProgress > timeoutNanos) {
                stalled = true;
                thread.interrupt();
            }
        }
    }

    private final long timeoutNanos;
    private final Set<Read> reads = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    StallWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wx-ingest-stall-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(timeout.toMillis() / 4, 10);
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    Read watch() {
        Read read = new Read(this);
        reads.add(read);
        return read;
    }

    private void check() {
        long now = System.nanoTime();
        for (Read read : reads) {
            read.interruptIfSilent(now, timeoutNanos);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
