package org.gsweather.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GOES ABI scans ({@code kind: goes}) from NOAA's GOES buckets: {@code
 * PRODUCT/YYYY/DDD/HH/OR_PRODUCT-M6C13_G16_sYYYYDDDHHMMSSt_e..._c....nc}.
 *
 * @param satellite {@code goes16}, {@code goes17}, {@code goes18} or {@code goes19}
 * @param product e.g. {@code ABI-L1b-RadC} (CONUS), {@code ABI-L1b-RadF} (full disk), {@code ABI-L1b-RadM}
 *     (mesoscale), {@code ABI-L2-CMIPC}
 * @param bands ABI bands 1-16 to fetch; all when absent (products without bands ignore it)
 * @param sector mesoscale sector 1 or 2 of an {@code ...RadM} product; both when absent
 */
public record GoesSourceConfig(
        String kind,
        String satellite,
        String product,
        List<Integer> bands,
        Integer sector,
        List<URI> baseUrl,
        Path store,
        KeepConfig keep,
        TimeSpan poll,
        TimeSpan lookback)
        implements SourceConfig {
    private static final Pattern SATELLITE = Pattern.compile("goes(1[6-9])");
    private static final Pattern PRODUCT = Pattern.compile("ABI-L[12][b]?-[A-Za-z]+");

    public GoesSourceConfig {
        SourceConfig.require(satellite, "satellite", "goes16, goes17, goes18 or goes19");
        satellite = satellite.toLowerCase(Locale.ROOT);
        if (!SATELLITE.matcher(satellite).matches()) {
            throw new IllegalArgumentException(
                    "satellite: '" + satellite + "' is not goes16, goes17, goes18 or goes19");
        }
        SourceConfig.require(product, "product", "e.g. ABI-L1b-RadC");
        if (!PRODUCT.matcher(product).matches()) {
            throw new IllegalArgumentException("product: '" + product + "' is not an ABI product, e.g. ABI-L1b-RadC");
        }
        bands = bands == null ? List.of() : List.copyOf(bands);
        for (Integer b : bands) {
            if (b == null || b < 1 || b > 16) {
                throw new IllegalArgumentException("bands: ABI bands are 1 to 16, not " + b);
            }
        }
        if (sector != null && (sector < 1 || sector > 2 || !product.endsWith("M"))) {
            throw new IllegalArgumentException("sector: only mesoscale products (…M) have sectors, 1 or 2");
        }
        if (baseUrl == null || baseUrl.isEmpty()) {
            baseUrl = List.of(URI.create("https://noaa-" + satellite + ".s3.amazonaws.com"));
        }
        baseUrl = SourceConfig.checkUrls(baseUrl);
        SourceConfig.require(store, "store", "the directory the GOES files go into");
        if (keep == null) {
            keep = new KeepConfig(null, TimeSpan.of(Duration.ofHours(6)));
        }
        if (poll == null) {
            poll = TimeSpan.of(Duration.ofMinutes(1));
        }
        if (lookback == null) {
            lookback = TimeSpan.of(Duration.ofMinutes(30));
        }
    }

    /** The satellite number in file names, e.g. 16 for {@code G16}. */
    public int satelliteNumber() {
        return Integer.parseInt(satellite.substring(4));
    }

    @Override
    public GoesSourceConfig resolve(Path base) {
        return new GoesSourceConfig(
                kind, satellite, product, bands, sector, baseUrl, base.resolve(store), keep, poll, lookback);
    }
}
