package org.gsweather.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void aUrlWithoutTrailingSlashIsTakenAsTheDirectory() {
        assertThat(Urls.under(URI.create("http://h/data/2D/X"), "")).isEqualTo(URI.create("http://h/data/2D/X/"));
    }

    @Test
    void aPathGoesUnderTheBaseWithOneSlash() {
        assertThat(Urls.under(URI.create("http://h/bucket"), "a/b.grib2"))
                .isEqualTo(URI.create("http://h/bucket/a/b.grib2"));
        assertThat(Urls.under(URI.create("http://h/bucket/"), "a/b.grib2"))
                .isEqualTo(URI.create("http://h/bucket/a/b.grib2"));
    }
}
