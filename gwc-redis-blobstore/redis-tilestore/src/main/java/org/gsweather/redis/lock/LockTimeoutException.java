package org.gsweather.redis.lock;

/** A lock was not obtained within the wait timeout: another node or thread held it all that time. */
public final class LockTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    LockTimeoutException(String message) {
        super(message);
    }
}
