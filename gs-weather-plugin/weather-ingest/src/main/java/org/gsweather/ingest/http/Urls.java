package org.gsweather.ingest.http;

import java.net.URI;

/** Paths under a configured base URL, whether or not it was written with a trailing slash. */
public final class Urls {
    private Urls() {}

    /** {@code base/path} with exactly one slash between them; {@code path} empty gives the base as a directory. */
    public static URI under(URI base, String path) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b + path : b + "/" + path);
    }
}
