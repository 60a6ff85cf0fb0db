package org.gsweather.gwc.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.geowebcache.GeoWebCacheException;
import org.geowebcache.locks.LockProvider;
import org.geowebcache.locks.MemoryLockProvider;
import org.gsweather.gwc.LiveRedisBlobStores;
import org.gsweather.gwc.RedisBlobStore;
import org.gsweather.redis.lock.HeldLock;
import org.gsweather.redis.lock.LockSettings;
import org.gsweather.redis.lock.LockTimeoutException;
import org.gsweather.redis.lock.RedisLocks;

/**
 * GWC's tile lock ({@link LockProvider}) held in Redis, so that two GeoServer nodes missing the same metatile at once
 * render it once: the second waits for the first and then finds the tiles in the shared cache. Chosen in GeoServer
 * under <i>Tile Caching &gt; Caching Defaults &gt; Tile locking mechanism</i> ("redisLock"), or in {@code
 * gwc-gs.xml} as {@code <lockProviderName>redisLock</lockProviderName>}.
 *
 * <p>It uses the Redis of the primary Redis blob store (GWC's default blob store, else the first Redis one), with its
 * connection, timeouts and key prefix; see {@link RedisLocks} for the lease, renewal, fencing token and fail-open.
 * Without any Redis blob store it locks within this node, as GWC's in-memory locking does, and says so once. A wait
 * longer than {@code GWC_LOCK_TIMEOUT} (system property, seconds, default 120, as GWC 1.27 names it) fails the
 * request instead of letting requests pile up behind a stuck render.
 */
public class RedisLockProvider implements LockProvider {
    private static final Logger LOG = Logger.getLogger(RedisLockProvider.class.getName());

    private final LockProvider local = new MemoryLockProvider();
    /** The longest a request waits for a metatile another node renders: GWC's own setting, as newer GWC reads it. */
    private static final Duration WAIT = Duration.ofSeconds(
            Long.parseLong(System.getProperty("GWC_LOCK_TIMEOUT", "120").trim()));

    private final LockSettings settings = LockSettings.defaults().withWaitTimeout(WAIT);
    private final AtomicBoolean warnedLocal = new AtomicBoolean();
    private static volatile RedisLocks lastUsed;

    @Override
    public Lock getLock(String lockKey) throws GeoWebCacheException {
        Optional<RedisBlobStore> store = LiveRedisBlobStores.primary();
        if (store.isEmpty()) {
            if (warnedLocal.compareAndSet(false, true)) {
                LOG.warning("Tile locking mechanism redisLock: no Redis blob store is running, locking within this "
                        + "node only");
            }
            return local.getLock(lockKey);
        }
        RedisLocks locks = store.get().tileStore().locks(settings);
        lastUsed = locks;
        HeldLock held;
        try {
            held = locks.acquire(lockKey);
        } catch (LockTimeoutException e) {
            throw new GeoWebCacheException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeoWebCacheException("Interrupted while waiting for lock " + lockKey);
        }
        return held::release;
    }

    /** The Redis locks last handed out (empty before the first tile lock), for status pages. */
    public static Optional<RedisLocks> current() {
        return Optional.ofNullable(lastUsed);
    }
}
