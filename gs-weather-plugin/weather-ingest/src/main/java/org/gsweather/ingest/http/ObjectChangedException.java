package org.gsweather.ingest.http;

import java.io.IOException;
import java.net.URI;

/** The object changed while it was being downloaded in parts ({@code If-Range} answered with the whole object). */
public final class ObjectChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ObjectChangedException(URI uri) {
        super(uri + ": the object changed during the download (ETag differs); its parts cannot be joined");
    }
}
