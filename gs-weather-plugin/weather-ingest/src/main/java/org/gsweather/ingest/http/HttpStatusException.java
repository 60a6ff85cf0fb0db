package org.gsweather.ingest.http;

import java.io.IOException;
import java.net.URI;

/** A response with a status that more tries will not change (a 4xx other than 404, 408, 416 and 429). */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpStatusException(URI uri, int status) {
        super(uri + ": HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
