package org.gsweather.redis.lock;

/**
 * A lock obtained from {@link RedisLocks}: release it exactly once, from the thread that obtained it, whatever
 * happens in between ({@code try/finally}).
 */
public final class HeldLock {
    enum Kind {
        /** Held in Redis (and in this JVM). */
        DISTRIBUTED,
        /** Held in this JVM only: Redis could not be asked (fail-open). */
        LOCAL,
        /** Taken again by the thread that holds it already. */
        NESTED
    }

    private final RedisLocks owner;
    private final String name;
    private final Kind kind;
    private final long fencingToken;
    private final String value;
    private volatile boolean lost;
    private boolean released;

    HeldLock(RedisLocks owner, String name, Kind kind, long fencingToken, String value) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.fencingToken = fencingToken;
        this.value = value;
    }

    public String name() {
        return name;
    }

    /**
     * The lock's fencing token: a number that grows with every lock granted by this Redis, whatever the name, so that
     * of two holders of one name the later one has the larger token. 0 for a lock held in this JVM only.
     */
    public long fencingToken() {
        return fencingToken;
    }

    /** Whether other nodes are kept out (the lock is held in Redis), not only other threads of this JVM. */
    public boolean distributed() {
        return kind == Kind.DISTRIBUTED;
    }

    /**
     * Whether the lease ran out before it could be renewed (Redis unreachable for longer than the lease): another
     * node may hold the name now.
     */
    public boolean lost() {
        return lost;
    }

    /** Releases the lock; a second call does nothing. */
    public void release() {
        if (released) {
            return;
        }
        released = true;
        owner.release(this);
    }

    Kind kind() {
        return kind;
    }

    String value() {
        return value;
    }

    void markLost() {
        lost = true;
    }

    @Override
    public String toString() {
        return "HeldLock[" + name + ", " + kind + (fencingToken > 0 ? ", token " + fencingToken : "")
                + (lost ? ", lost" : "") + "]";
    }
}
