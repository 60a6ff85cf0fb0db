package org.gsweather.ingest.http;

import java.io.IOException;
import java.net.URI;

/** The object is not (or not yet, or not wholly) there: 404, or 416 for a range beyond its end. */
public final class NotPublishedException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotPublishedException(URI uri, int status) {
        super(uri + ": not published (HTTP " + status + ")");
    }
}
