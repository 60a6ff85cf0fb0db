package org.gsweather.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * A Redis pub/sub channel subscribed on a daemon thread of its own, with a dedicated connection to the first primary
 * (as Redis requires), subscribed again 500 ms after each loss, until closed.
 */
final class ChannelSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSubscription.class);

    /** What the subscription thread tells its owner; return quickly. */
    interface Handler {
        /** Subscribed (again), before {@link #subscribed()} says so. */
        void subscribed();

        void message(String text);

        /** The subscription was lost or closed, after {@link #subscribed()} stopped saying so. */
        default void lost() {}
    }

    private final RedisConnection connection;
    private final String channel;
    private final String what;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile JedisPubSub pubSub;

    /**
     * @param what what the subscription is for, in the thread's name ({@code gsweather-redis-WHAT}) and log lines
     */
    ChannelSubscription(RedisConnection connection, String channel, String what, Handler handler) {
        this.connection = connection;
        this.channel = channel;
        this.what = what;
        this.handler = handler;
        this.thread = new Thread(this::loop, "gsweather-redis-" + what);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether messages are being received now. */
    boolean subscribed() {
        return subscribed;
    }

    String channel() {
        return channel;
    }

    private void loop() {
        while (!closed) {
            try (Jedis jedis = connection.open(connection.primaries().get(0))) {
                JedisPubSub listener = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String ch, int count) {
                        handler.subscribed();
                        subscribed = true;
                    }

                    @Override
                    public void onMessage(String ch, String text) {
                        handler.message(text);
                    }
                };
                pubSub = listener;
                jedis.subscribe(listener, channel);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.debug("Redis subscription of the {} lost: {}", what, e.toString());
                }
            } finally {
                subscribed = false;
                handler.lost();
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
                LOG.debug("Redis unsubscribe of the {} failed: {}", what, e.toString());
            }
        }
        thread.interrupt();
    }
}
