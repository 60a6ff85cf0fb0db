package org.gsweather.redis;

/**
 * Redis could not be used for an operation that must not silently fail (bulk deletes, renames, metadata). Tile
 * reads and writes never throw it: they degrade to a miss or a dropped write.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
