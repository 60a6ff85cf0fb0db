package org.gsweather.ingest.source;

import java.io.IOException;

/** A downloaded file is not what it should be: truncated, undecodable, or other fields than selected. */
public final class VerificationException extends IOException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
