package org.gsweather.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An MRMS product ({@code kind: mrms}): {@code REGION/PRODUCT/YYYYMMDD/MRMS_PRODUCT_YYYYMMDD-HHMMSS.grib2.gz}
 * in NOAA's MRMS bucket, a new volume about every 2 minutes.
 *
 * @param product e.g. {@code ReflectivityAtLowestAltitude_00.50}, {@code MergedReflectivityQCComposite_00.50}
 * @param region {@code CONUS} (default), {@code ALASKA}, {@code HAWAII}, {@code CARIB}, {@code GUAM}
 */
public record MrmsSourceConfig(
        String kind,
        String product,
        String region,
        List<URI> baseUrl,
        Path store,
        KeepConfig keep,
        TimeSpan poll,
        TimeSpan lookback)
        implements SourceConfig {
    public static final URI BUCKET = URI.create("https://noaa-mrms-pds.s3.amazonaws.com");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public MrmsSourceConfig {
        SourceConfig.require(product, "product", "the MRMS product, e.g. ReflectivityAtLowestAltitude_00.50");
        if (!NAME.matcher(product).matches()) {
            throw new IllegalArgumentException("product: '" + product + "' is not an MRMS product name");
        }
        if (region == null) {
            region = "CONUS";
        }
        if (!NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("region: '" + region + "' is not an MRMS region");
        }
        baseUrl = SourceConfig.checkUrls(baseUrl == null || baseUrl.isEmpty() ? List.of(BUCKET) : baseUrl);
        SourceConfig.require(store, "store", "the directory the MRMS files go into");
        if (keep == null) {
            keep = new KeepConfig(null, TimeSpan.of(Duration.ofHours(3)));
        }
        if (poll == null) {
            poll = TimeSpan.of(Duration.ofMinutes(1));
        }
        if (lookback == null) {
            lookback = TimeSpan.of(Duration.ofMinutes(10));
        }
    }

    @Override
    public MrmsSourceConfig resolve(Path base) {
        return new MrmsSourceConfig(kind, product, region, baseUrl, base.resolve(store), keep, poll, lookback);
    }
}
