package org.gsweather.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Optional L1 cache of tiles in the JVM, bounded by bytes, kept coherent across nodes by pub/sub: every write or
 * delete publishes the tile key, every bulk delete publishes {@code *}. It is only used while the subscription is
 * up: on any disconnection it empties itself and serves nothing until it is subscribed again. A tile changed on
 * another node can still be served from here for the pub/sub delivery time (typically well under a millisecond);
 * that is the price of the near cache, and why it is off by default.
 */
final class NearCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NearCache.class);
    private static final String ALL = "*";

    private final Cache<String, StoredTile> cache;
    private final RedisConnection connection;
    private final String channel;
    private final AtomicLong epoch = new AtomicLong();
    private final Thread subscriber;
    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile JedisPubSub pubSub;

    NearCache(long maxBytes, RedisConnection connection, TileKeyBuilder keys) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String k, StoredTile v) -> v.buffer().length + 2 * k.length() + 64)
                .build();
        this.connection = connection;
        this.channel = keys.invalidationChannel();
        this.subscriber = new Thread(this::subscribeLoop, "gsweather-redis-near-cache");
        this.subscriber.setDaemon(true);
    }

    void start() {
        subscriber.start();
    }

    StoredTile get(String key) {
        return subscribed ? cache.getIfPresent(key) : null;
    }

    /** The invalidation epoch; a value read from Redis is cached only if no invalidation happened meanwhile. */
    long epoch() {
        return epoch.get();
    }

    void put(String key, StoredTile tile, long epochAtRead) {
        if (subscribed && epoch.get() == epochAtRead) {
            cache.put(key, tile);
        }
    }

    void invalidateLocally(String key) {
        epoch.incrementAndGet();
        cache.invalidate(key);
    }

    void invalidateAllLocally() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    void publishInvalidation(String key) {
        connection.client().publish(channel, key);
    }

    void publishInvalidateAll() {
        connection.client().publish(channel, ALL);
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = connection.open(connection.primaries().get(0))) {
                JedisPubSub listener = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String ch, int count) {
                        invalidateAllLocally();
                        subscribed = true;
                    }

                    @Override
                    public void onMessage(String ch, String message) {
                        if (ALL.equals(message)) {
                            invalidateAllLocally();
                        } else {
                            invalidateLocally(message);
                        }
                    }
                };
                pubSub = listener;
                jedis.subscribe(listener, channel);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.debug("Near cache subscription lost: {}", e.toString());
                }
            } finally {
                subscribed = false;
                invalidateAllLocally();
            }
            if (!closed) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        subscribed = false;
        JedisPubSub p = pubSub;
        if (p != null && p.isSubscribed()) {
            try {
                p.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("Near cache unsubscribe failed: {}", e.toString());
            }
        }
        subscriber.interrupt();
    }
}
