package org.gsweather.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Optional L1 cache of tiles in the JVM, bounded by bytes, kept coherent across nodes by pub/sub: every write or
 * delete publishes the tile key, every bulk delete publishes {@code *}. It is only used while the subscription is
 * up: on any disconnection it empties itself and serves nothing until it is subscribed again. A tile changed on
 * another node can still be served from here for the pub/sub delivery time (typically well under a millisecond);
 * that is the price of the near cache, and why it is off by default.
 */
final class NearCache implements AutoCloseable {
    private static final String ALL = "*";

    private final Cache<String, StoredTile> cache;
    private final RedisConnection connection;
    private final AtomicLong epoch = new AtomicLong();
    private final ChannelSubscription subscription;

    NearCache(long maxBytes, RedisConnection connection, TileKeyBuilder keys) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String k, StoredTile v) -> v.buffer().length + 2 * k.length() + 64)
                .build();
        this.connection = connection;
        this.subscription = new ChannelSubscription(
                connection, keys.invalidationChannel(), "near-cache", new ChannelSubscription.Handler() {
                    @Override
                    public void subscribed() {
                        invalidateAllLocally();
                    }

                    @Override
                    public void message(String text) {
                        if (ALL.equals(text)) {
                            invalidateAllLocally();
                        } else {
                            invalidateLocally(text);
                        }
                    }

                    @Override
                    public void lost() {
                        invalidateAllLocally();
                    }
                });
    }

    void start() {
        subscription.start();
    }

    StoredTile get(String key) {
        return subscription.subscribed() ? cache.getIfPresent(key) : null;
    }

    /** The invalidation epoch; a value read from Redis is cached only if no invalidation happened meanwhile. */
    long epoch() {
        return epoch.get();
    }

    void put(String key, StoredTile tile, long epochAtRead) {
        if (subscription.subscribed() && epoch.get() == epochAtRead) {
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
        connection.client().publish(subscription.channel(), key);
    }

    void publishInvalidateAll() {
        connection.client().publish(subscription.channel(), ALL);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
