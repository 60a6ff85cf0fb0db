package org.gsweather.redis.lock;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.gsweather.redis.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Exclusive locks shared by every JVM on one Redis, for work that one node should do once for all (rendering a
 * metatile).
 *
 * <ul>
 *   <li><b>Acquire</b>: threads of one JVM queue on a local lock per name, so that one thread per node asks Redis;
 *       it runs {@code SET key value NX PX lease} where value is a <b>fencing token</b> (an {@code INCR}ed counter,
 *       growing across all names and nodes) and this JVM's id. While another node holds the name, it tries again
 *       after pauses of 1 ms doubling up to {@code pollMax}, until {@code waitTimeout}.
 *   <li><b>Renew</b>: a daemon thread extends every held lease every {@code renewEvery} ({@code PEXPIRE}, only if the
 *       key still holds this lock's value). A lease that ran out is marked lost and logged: another node may hold
 *       the name by then.
 *   <li><b>Release</b>: {@code DEL} only if the key still holds this lock's value (a holder whose lease ran out
 *       never deletes its successor's lock), then the local lock. A crashed node's locks expire after the lease.
 *   <li><b>Fail-open</b>: when Redis fails or is unreachable, the lock is held in this JVM only (other nodes may do
 *       the same work at the same time, which for tiles costs a duplicate render, never a wrong tile). After {@code
 *       failOpenAfter} consecutive failures Redis is not asked for {@code failOpenFor}, so that no request waits on
 *       a dead Redis.
 * </ul>
 *
 * Keys: {@code <prefix>:{locks}:m:<name>} and the counter {@code <prefix>:{locks}:fence}; the hash tag keeps them
 * in one Redis Cluster slot, as the acquire script touches both.
 */
public final class RedisLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLocks.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Returns the new fencing token, or 0 when the name is held. */
    private static final String ACQUIRE = "local t = redis.call('INCR', KEYS[2]) "
            + "if redis.call('SET', KEYS[1], t .. ' ' .. ARGV[2], 'NX', 'PX', ARGV[1]) then return t end "
            + "return 0";

    private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    private static final String RELEASE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private final Supplier<UnifiedJedis> redis;
    private final String keyPrefix;
    private final LockSettings settings;
    private final String nodeId = UUID.randomUUID().toString();
    private final LocalLocks local = new LocalLocks();
    private final Set<HeldLock> held = ConcurrentHashMap.newKeySet();
    private final CircuitBreaker breaker;
    private final LockMetrics metrics = new LockMetrics();
    private final ScheduledExecutorService renewal;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param redis the client to use (the tile store's, with its pool and timeouts)
     * @param keyPrefix prefix of the lock keys (the tile store's key prefix)
     */
    public RedisLocks(Supplier<UnifiedJedis> redis, String keyPrefix, LockSettings settings) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.settings = settings;
        this.breaker = new CircuitBreaker(settings.failOpenAfter(), settings.failOpenFor());
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gsweather-redis-lock-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = settings.renewEvery().toMillis();
        renewal.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    public LockSettings settings() {
        return settings;
    }

    public LockMetrics metrics() {
        return metrics;
    }

    /** This JVM's id, written into the locks it holds (with the fencing token). */
    public String nodeId() {
        return nodeId;
    }

    /** The Redis key of a lock name. */
    public String key(String name) {
        return keyPrefix + ":{locks}:m:" + name;
    }

    private String fenceKey() {
        return keyPrefix + ":{locks}:fence";
    }

    /**
     * Obtains the lock of {@code name}, waiting at most {@code waitTimeout} for its holder; in Redis when it answers,
     * else in this JVM only. The calling thread must release it.
     *
     * @throws LockTimeoutException when the name stayed held for the whole wait
     */
    public HeldLock acquire(String name) throws LockTimeoutException, InterruptedException {
        if (local.heldByCurrentThread(name)) {
            local.lock(name, 0);
            return new HeldLock(this, name, HeldLock.Kind.NESTED, 0, null);
        }
        long start = System.nanoTime();
        long deadline = start + settings.waitTimeout().toNanos();
        if (!local.lock(name, settings.waitTimeout().toNanos())) {
            metrics.timeouts.increment();
            throw new LockTimeoutException("lock " + name + " was held by another thread of this node for "
                    + settings.waitTimeout().toSeconds() + " s");
        }
        try {
            return acquireInRedis(name, deadline);
        } catch (LockTimeoutException | InterruptedException | RuntimeException | Error e) {
            local.unlock(name);
            throw e;
        }
    }

    private HeldLock acquireInRedis(String name, long deadline) throws LockTimeoutException, InterruptedException {
        String key = key(name);
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
        long maxPauseNanos = settings.pollMax().toNanos();
        boolean waited = false;
        while (true) {
            if (!breaker.allowRequest()) {
                return failOpen(name, null);
            }
            long token;
            try {
                Object r = redis.get()
                        .eval(
                                ACQUIRE,
                                List.of(key, fenceKey()),
                                List.of(String.valueOf(settings.lease().toMillis()), nodeId));
                token = (Long) r;
                breaker.onSuccess();
            } catch (RuntimeException e) {
                breaker.onFailure();
                return failOpen(name, e);
            }
            if (token > 0) {
                HeldLock lock = new HeldLock(this, name, HeldLock.Kind.DISTRIBUTED, token, token + " " + nodeId);
                held.add(lock);
                metrics.acquired.increment();
                if (waited) {
                    metrics.acquiredAfterWaiting.increment();
                }
                return lock;
            }
            waited = true;
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                metrics.timeouts.increment();
                throw new LockTimeoutException("lock " + name + " was held in Redis for "
                        + settings.waitTimeout().toSeconds() + " s (holder: " + holder(key) + ")");
            }
            long jittered = pauseNanos / 2 + ThreadLocalRandom.current().nextLong(pauseNanos / 2 + 1);
            LockSupport.parkNanos(Math.min(jittered, deadline - now));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for lock " + name);
            }
            pauseNanos = Math.min(pauseNanos * 2, maxPauseNanos);
        }
    }

    /** The token and node id in a lock key, for messages. */
    private String holder(String key) {
        try {
            String v = redis.get().get(key);
            return v == null ? "none any more" : "token and node " + v;
        } catch (RuntimeException e) {
            return "unknown, " + e.getMessage();
        }
    }

    private HeldLock failOpen(String name, RuntimeException cause) {
        metrics.failedOpen.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn(
                    "Redis locks unavailable ({}): locking within this node only, so other nodes may render the "
                            + "same metatiles meanwhile",
                    cause == null ? "Redis failed " + settings.failOpenAfter() + " times in a row" : cause.toString());
        }
        return new HeldLock(this, name, HeldLock.Kind.LOCAL, 0, null);
    }

    void release(HeldLock lock) {
        try {
            if (lock.kind() == HeldLock.Kind.DISTRIBUTED) {
                held.remove(lock);
                try {
                    redis.get().eval(RELEASE, List.of(key(lock.name())), List.of(lock.value()));
                } catch (RuntimeException e) {
                    LOG.debug("Could not release lock {} in Redis; it expires after its lease: {}", lock, e.toString());
                }
            }
        } finally {
            local.unlock(lock.name());
        }
    }

    /** Extends every held lease; marks those whose lease already ran out as lost. */
    void renewAll() {
        String lease = String.valueOf(settings.lease().toMillis());
        for (HeldLock lock : held) {
            try {
                Object r = redis.get().eval(RENEW, List.of(key(lock.name())), List.of(lock.value(), lease));
                if (Long.valueOf(0).equals(r) && held.remove(lock)) {
                    lock.markLost();
                    metrics.leasesLost.increment();
                    LOG.warn(
                            "Lock {} lost: its lease of {} ran out before it could be renewed; another node may hold "
                                    + "it now",
                            lock,
                            settings.lease());
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not renew lock {}: {}", lock, e.toString());
            }
        }
    }

    /** Locks held in Redis by this JVM now. */
    public int heldInRedis() {
        return held.size();
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
