package org.gsweather.store;

/**
 * A store that cannot be used as configured: a missing path, a file of the other format, a wrong option.
 * The message is one line a user can act on, shown as it is by the admin UI and the REST API.
 */
public final class InvalidStoreException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidStoreException(String message) {
        super(message);
    }
}
