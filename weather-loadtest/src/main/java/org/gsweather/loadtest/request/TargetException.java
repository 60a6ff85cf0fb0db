package org.gsweather.loadtest.request;

/** A scenario that does not fit the server's layers (missing layer, style, zoom, region); the message says how. */
public final class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }
}
