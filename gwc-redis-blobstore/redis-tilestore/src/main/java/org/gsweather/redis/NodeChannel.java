package org.gsweather.redis;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final String nodeId = UUID.randomUUID().toString();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ChannelSubscription subscription;
    private boolean everSubscribed;

    NodeChannel(RedisConnection connection, String channel) {
        this.connection = connection;
        this.subscription =
                new ChannelSubscription(connection, channel, "node-channel", new ChannelSubscription.Handler() {
                    @Override
                    public void subscribed() {
                        if (everSubscribed) {
                            listeners.forEach(NodeChannel::gap);
                        }
                        everSubscribed = true;
                    }

                    @Override
                    public void message(String text) {
                        deliver(text);
                    }
                });
    }

    void start() {
        subscription.start();
    }

    public String nodeId() {
        return nodeId;
    }

    public String channel() {
        return subscription.channel();
    }

    /** Whether this node hears the others now. */
    public boolean subscribed() {
        return subscription.subscribed();
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
                connection.client().publish(subscription.channel(), text);
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

    private void deliver(String text) {
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

    private static void gap(Listener l) {
        try {
            l.onGap();
        } catch (RuntimeException e) {
            LOG.warn("Listener failed on a subscription gap: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
