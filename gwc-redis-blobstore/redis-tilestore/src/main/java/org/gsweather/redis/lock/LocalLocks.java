package org.gsweather.redis.lock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One re-entrant lock per name in this JVM, created on first use and dropped when no thread holds or waits for it.
 * Threads of one node queue here, so that only one of them at a time asks Redis for a name.
 */
final class LocalLocks {
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicInteger users = new AtomicInteger();
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    /** Whether the calling thread holds {@code name} already. */
    boolean heldByCurrentThread(String name) {
        Entry e = locks.get(name);
        return e != null && e.lock.isHeldByCurrentThread();
    }

    /** Takes the lock of {@code name}; {@code false} when it was not free within {@code timeoutNanos}. */
    boolean lock(String name, long timeoutNanos) throws InterruptedException {
        Entry e = locks.compute(name, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users.incrementAndGet();
            return entry;
        });
        boolean locked = false;
        try {
            locked = e.lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS);
            return locked;
        } finally {
            if (!locked) {
                leave(name, e);
            }
        }
    }

    void unlock(String name) {
        Entry e = locks.get(name);
        if (e == null || !e.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(
                    "lock " + name + " is not held by " + Thread.currentThread().getName());
        }
        e.lock.unlock();
        leave(name, e);
    }

    private void leave(String name, Entry e) {
        if (e.users.decrementAndGet() == 0) {
            locks.computeIfPresent(name, (k, v) -> v.users.get() == 0 ? null : v);
        }
    }

    /** Names with a holder or a waiter (for tests). */
    int size() {
        return locks.size();
    }
}
