package org.gsweather.loadtest.capabilities;

/** A capabilities document that cannot be read or lacks what a run needs; the message says which and what. */
public final class CapabilitiesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CapabilitiesException(String message) {
        super(message);
    }

    public CapabilitiesException(String message, Throwable cause) {
        super(message, cause);
    }
}
