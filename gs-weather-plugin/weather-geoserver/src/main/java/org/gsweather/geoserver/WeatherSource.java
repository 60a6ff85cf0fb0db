package org.gsweather.geoserver;

import java.io.File;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.platform.GeoServerEnvironment;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.platform.GeoServerResourceLoader;
import org.geoserver.platform.resource.Files;
import org.geoserver.platform.resource.Resources;
import org.gsweather.store.FileFormat;
import org.gsweather.store.InvalidStoreException;
import org.gsweather.store.StoreSettings;

/**
 * Where a weather store reads from, from the store's URL: {@code file:} and a path (relative paths
 * against the data directory, as stock stores), then optional settings as a query, e.g. {@code
 * file:weather/hrrr?pattern=hrrr.*.grib2&keepRuns=4}.
 */
record WeatherSource(Path location, String query) {

    /**
     * The source of whatever GeoServer hands a format: the store URL as text, a URL, a file (whose name may
     * still carry the query when GeoServer's own resolution kept it), or a source already resolved.
     */
    static WeatherSource of(Object source) {
        if (source instanceof WeatherSource s) {
            return s;
        }
        if (source instanceof File f) {
            return of(f.getPath());
        }
        if (source instanceof Path p) {
            return new WeatherSource(p, null);
        }
        if (source instanceof URL u) {
            return of(u.toExternalForm());
        }
        if (source instanceof String s) {
            return of(s);
        }
        throw new InvalidStoreException("a weather store needs a file or directory URL, not " + source);
    }

    /**
     * The source of a store as its reader gets it: the URL with GeoServer's environment placeholders ({@code
     * file:${WX_DATA}/grib2?pattern=...}) expanded when GeoServer allows them ({@code ALLOW_ENV_PARAMETRIZATION}).
     */
    static WeatherSource of(CoverageStoreInfo store) {
        return of(expand(store.getURL()));
    }

    /** {@code ${NAME}} and {@code ${NAME:default}} from the environment, as GeoServer expands store URLs. */
    static String expand(String url) {
        if (url == null || !url.contains("${")) {
            return url;
        }
        return expand(url, GeoServerExtensions.bean(GeoServerEnvironment.class));
    }

    static String expand(String url, GeoServerEnvironment env) {
        if (env == null || !GeoServerEnvironment.allowEnvParametrization()) {
            return url;
        }
        return String.valueOf(env.resolveValue(url));
    }

    private static WeatherSource of(String url) {
        String text = url.trim();
        String query = null;
        int q = text.indexOf('?');
        if (q >= 0) {
            query = text.substring(q + 1);
            text = text.substring(0, q);
        }
        if (text.isEmpty()) {
            throw new InvalidStoreException("the store URL is empty: give file:PATH of a file or a directory");
        }
        return new WeatherSource(resolve(text), query);
    }

    /** A {@code file:} URL or a path; relative ones against GeoServer's data directory when it runs. */
    private static Path resolve(String text) {
        GeoServerResourceLoader loader = GeoServerExtensions.bean(GeoServerResourceLoader.class);
        if (loader != null && loader.getBaseDirectory() != null) {
            File f = Resources.find(Resources.fromURL(Files.asResource(loader.getBaseDirectory()), text), true);
            if (f != null) {
                return f.toPath().toAbsolutePath().normalize();
            }
        }
        String path = text.startsWith("file:") ? text.substring(5) : text;
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        return Path.of(URLDecoder.decode(path, StandardCharsets.UTF_8))
                .toAbsolutePath()
                .normalize();
    }

    StoreSettings settings(FileFormat format) {
        return StoreSettings.fromQuery(location, format, query);
    }
}
