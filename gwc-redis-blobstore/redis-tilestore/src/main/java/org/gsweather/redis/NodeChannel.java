package org.gsweather.redis;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A Redis pub/sub channel shared by the nodes that use one tile store, for what one node must tell the others: tiles
 * it deleted (so they drop in-memory copies), configuration it changed (so they reload it). Messages are best
 * effort: one sent while a node is not subscribed never reaches it, so every (re)subscription after the first is
 * reported to listeners as a gap, after which they should assume they missed anything.
 *
 * <p>A node does not hear its own messages. The subscription runs on a daemon thread of its own, with a dedicated
 * connection (as Redis requires), reconnecting every 500 ms while Redis is down.
 */
public final class NodeChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeChannel.class);

    /** What a node said: who (its id), what kind of news, and the details. */
    public record Message(String sender, String kind, String payload) {
        String encode() {
            return sender + '\t' + kind + '\t' + payload;
        }

        static Message decode(String text) {
            int a = text.indexOf('\t');
            int b = a < 0 ? -1 : text.indexOf('\t', a + 1);
            if (b < 0) {
                return null;
            }
            return new Message(text.substring(0, a), text.substring(a + 1, b), text.substring(b + 1));
        }
    }

    /** Receives other nodes' messages, on the subscription thread: return quickly. */
    public interface Listener {
        void onMessage(Message message);

        /** The subscription was lost and is back: messages of the meantime were not received. */
        default void onGap() {}
    }

    private final RedisConnection connection;
    private final String channel;
    private final String nodeId = UUID.randomUUID().toString();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread subscriber;
    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile JedisPubSub pubSub;
    private boolean everSubscribed;

    NodeChannel(RedisConnection connection, String channel) {
        this.connection = connection;
        this.channel = channel;
        this.subscriber = new Thread(this::subscribeLoop, "gsweather-redis-node-channel");
        this.subscriber.setDaemon(true);
    }

    void start() {
        subscriber.start();
    }

    public String nodeId() {
        return nodeId;
    }

    public String channel() {
        return channel;
    }

    /** Whether this node hears the others now. */
    public boolean subscribed() {
        return subscribed;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Tells the other nodes; {@code false} when Redis could not be reached (the message is lost: they will see a gap
     * when they reconnect, or, if only this node lost Redis, never hear of it).
     */
    public boolean publish(String kind, String payload) {
        if (kind.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("message kind with a tab: " + kind);
        }
        String text = new Message(nodeId, kind, payload).encode();
        for (int attempt = 1; ; attempt++) {
            try {
                connection.client().publish(channel, text);
                return true;
            } catch (JedisConnectionException e) {
                // a pooled connection that a Redis restart broke fails once; the pool then opens a new one
                if (attempt == 2) {
                    LOG.warn("Could not tell the other nodes '{} {}' over Redis: {}", kind, payload, e.toString());
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not tell the other nodes '{} {}' over Redis: {}", kind, payload, e.toString());
                return false;
            }
        }
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = connection.open(connection.primaries().get(0))) {
                JedisPubSub listener = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String ch, int count) {
                        subscribed = true;
                        if (everSubscribed) {
                            listeners.forEach(NodeChannel::gap);
                        }
                        everSubscribed = true;
                    }

                    @Override
                    public void onMessage(String ch, String text) {
                        Message m = Message.decode(text);
                        if (m == null || m.sender().equals(nodeId)) {
                            return;
                        }
                        for (Listener l : listeners) {
                            try {
                                l.onMessage(m);
                            } catch (RuntimeException e) {
                                LOG.warn("Listener failed on message {}: {}", m, e.toString(), e);
                            }
                        }
                    }
                };
                pubSub = listener;
                jedis.subscribe(listener, channel);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.debug("Node channel subscription lost: {}", e.toString());
                }
            } finally {
                subscribed = false;
            }
            if (!closed) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }
    }

    private static void gap(Listener l) {
        try {
            l.onGap();
        } catch (RuntimeException e) {
            LOG.warn("Listener failed on a subscription gap: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub p = pubSub;
        if (p != null && p.isSubscribed()) {
            try {
                p.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("Node channel unsubscribe failed: {}", e.toString());
            }
        }
        subscriber.interrupt();
    }
}
