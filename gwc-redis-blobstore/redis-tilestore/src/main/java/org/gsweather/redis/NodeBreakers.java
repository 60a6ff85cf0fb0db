package org.gsweather.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The circuit breakers of a store, one per Redis server that tile requests go to. Standalone and Sentinel talk to one
 * server at a time: one breaker. In a cluster, a tile key goes to the primary that owns its hash slot, and each
 * primary has its own breaker, so a dead primary is kept away from while the others keep serving their slots.
 *
 * <p>The owner of a slot is read from the client's slot cache ({@code ClusterConnectionProvider.getNode(slot)}: an
 * array lookup, no round trip). After a failover Jedis refreshes that cache (on the failures of the probes that the
 * dead node's breaker lets through) and the slots point to the promoted replica, another address with a breaker of its
 * own, closed: service resumes as soon as the cache is refreshed.
 */
final class NodeBreakers {
    /** Stands for the owner of a slot that the slot cache does not know (not yet discovered, or being refreshed). */
    static final HostAndPort UNKNOWN_NODE = new HostAndPort("unknown-node", 0);

    private static final int SLOTS = 16384;

    private final int failureThreshold;
    private final Duration openDuration;
    /** Slot to its primary, from Jedis' slot cache; {@code null} for a single server. */
    private final IntFunction<HostAndPort> slotOwner;

    private final CircuitBreaker single;
    private final String singleName;
    private final ConcurrentHashMap<HostAndPort, CircuitBreaker> byNode;

    private NodeBreakers(
            int failureThreshold,
            Duration openDuration,
            IntFunction<HostAndPort> slotOwner,
            CircuitBreaker single,
            String singleName) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.slotOwner = slotOwner;
        this.single = single;
        this.singleName = singleName;
        this.byNode = single == null ? new ConcurrentHashMap<>() : null;
    }

    /**
     * The breakers of a store: one per primary for a cluster (owners of slots read through {@code slotOwner}), else
     * one for the standalone server or the Sentinel master.
     */
    static NodeBreakers of(RedisTileStoreConfig config, IntFunction<HostAndPort> slotOwner) {
        return switch (config.topology()) {
            case CLUSTER -> perClusterNode(slotOwner, config.breakerFailureThreshold(), config.breakerOpenDuration());
            case STANDALONE, SENTINEL ->
                single(
                        config.topology() == RedisTileStoreConfig.Topology.SENTINEL
                                ? config.sentinelMasterName()
                                : config.nodes().get(0),
                        new CircuitBreaker(config.breakerFailureThreshold(), config.breakerOpenDuration()));
        };
    }

    /** One breaker for the one server of a standalone or Sentinel store; {@code name} labels it in {@link #states}. */
    static NodeBreakers single(String name, CircuitBreaker breaker) {
        return new NodeBreakers(0, null, null, breaker, name);
    }

    /**
     * A breaker per cluster primary, created the first time a key of one of its slots is asked for. {@code
     * slotOwner} gives the primary of a slot (0..16383) without talking to Redis, or {@code null} when unknown.
     */
    static NodeBreakers perClusterNode(
            IntFunction<HostAndPort> slotOwner, int failureThreshold, Duration openDuration) {
        return new NodeBreakers(failureThreshold, openDuration, slotOwner, null, null);
    }

    /**
     * The breaker guarding the server that {@code key} goes to now. The caller reports the outcome of its call to
     * this same instance ({@link CircuitBreaker#allowRequest} then {@link CircuitBreaker#onSuccess} or {@link
     * CircuitBreaker#onFailure}), even if the slot moved in between.
     */
    CircuitBreaker breakerFor(byte[] key) {
        if (single != null) {
            return single;
        }
        HostAndPort node = slotOwner.apply(JedisClusterCRC16.getSlot(key));
        return breakerOf(node == null ? UNKNOWN_NODE : node);
    }

    private CircuitBreaker breakerOf(HostAndPort node) {
        CircuitBreaker breaker = byNode.get(node);
        return breaker != null
                ? breaker
                : byNode.computeIfAbsent(node, n -> new CircuitBreaker(failureThreshold, openDuration));
    }

    /**
     * The state of the breaker of every server that serves tiles now: the single server, or each primary that owns
     * slots in the slot cache (a primary that failed over and owns none is left out: nothing is sent to it, and its
     * breaker stays as the last request left it). Ordered by slot. Walks the 16384 slots: for metrics and status,
     * not for the request path.
     */
    Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new LinkedHashMap<>();
        if (single != null) {
            states.put(singleName, single.state());
            return states;
        }
        HostAndPort previous = null;
        for (int slot = 0; slot < SLOTS; slot++) {
            HostAndPort node = slotOwner.apply(slot);
            if (node == null) {
                node = UNKNOWN_NODE;
            }
            if (node.equals(previous)) {
                continue;
            }
            previous = node;
            CircuitBreaker breaker = byNode.get(node);
            states.putIfAbsent(node.toString(), breaker == null ? CircuitBreaker.State.CLOSED : breaker.state());
        }
        return states;
    }

    /** How many of the {@link #states} are not closed (open, or half-open with a probe under way). */
    int openCount() {
        int open = 0;
        for (CircuitBreaker.State s : states().values()) {
            if (s != CircuitBreaker.State.CLOSED) {
                open++;
            }
        }
        return open;
    }

    /** The worst of the {@link #states}: open if any breaker is, else half-open if any is, else closed. */
    CircuitBreaker.State worstState() {
        CircuitBreaker.State worst = CircuitBreaker.State.CLOSED;
        for (CircuitBreaker.State s : states().values()) {
            if (s == CircuitBreaker.State.OPEN) {
                return s;
            }
            if (s == CircuitBreaker.State.HALF_OPEN) {
                worst = s;
            }
        }
        return worst;
    }

    /** How often any breaker opened, summed over every server ever guarded (also those no longer serving slots). */
    long timesOpened() {
        if (single != null) {
            return single.timesOpened();
        }
        long sum = 0;
        for (CircuitBreaker breaker : byNode.values()) {
            sum += breaker.timesOpened();
        }
        return sum;
    }
}
