package org.gsweather.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An MRMS product ({@code kind: mrms}), a new volume about every 2 minutes: {@code
 * REGION/PRODUCT/YYYYMMDD/MRMS_PRODUCT_YYYYMMDD-HHMMSS.grib2.gz} in NOAA's MRMS bucket ({@code listing:
 * bucket}), or {@code DIRECTORY/MRMS_PRODUCT_YYYYMMDD-HHMMSS.grib2.gz} on a web server's directory index
 * such as NCEP's MRMS site ({@code listing: index}), which publishes a volume a minute or two before the
 * bucket and keeps a day of them.
 *
 * @param product e.g. {@code ReflectivityAtLowestAltitude_00.50}, {@code MergedReflectivityQCComposite_00.50}
 * @param region {@code CONUS} (default), {@code ALASKA}, {@code HAWAII}, {@code CARIB}, {@code GUAM}: the
 *     bucket's top folder
 * @param listing {@code bucket} (S3 ListObjectsV2, the default) or {@code index} (HTML directory pages)
 * @param directory with {@code listing: index}, the product's folder under each base URL; by default the
 *     product without its level suffix, as on {@code https://mrms.ncep.noaa.gov/data/2D/}
 *     ({@code MergedReflectivityQCComposite_00.50} is in {@code MergedReflectivityQCComposite/})
 */
public record MrmsSourceConfig(
        String kind,
        String product,
        String region,
        String listing,
        String directory,
        List<URI> baseUrl,
        Path store,
        KeepConfig keep,
        TimeSpan poll,
        TimeSpan lookback)
        implements SourceConfig {
    public static final URI BUCKET = URI.create("https://noaa-mrms-pds.s3.amazonaws.com");
    public static final URI NCEP_2D = URI.create("https://mrms.ncep.noaa.gov/data/2D/");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern LEVEL_SUFFIX = Pattern.compile("_\\d+\\.\\d+$");
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

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
        if (listing == null) {
            listing = "bucket";
        }
        if (!listing.equals("bucket") && !listing.equals("index")) {
            throw new IllegalArgumentException("listing: '" + listing + "' is neither bucket (S3 ListObjectsV2)"
                    + " nor index (an HTML directory index such as " + NCEP_2D + ")");
        }
        boolean index = listing.equals("index");
        if (directory != null && !index) {
            throw new IllegalArgumentException(
                    "directory: only with listing: index (a bucket's folders are" + " REGION/PRODUCT/YYYYMMDD)");
        }
        if (index && directory == null) {
            if (!region.equals("CONUS")) {
                throw new IllegalArgumentException("directory: missing; with listing: index and region " + region
                        + ", name the product's folder under baseUrl");
            }
            directory = LEVEL_SUFFIX.matcher(product).replaceFirst("");
        }
        if (directory != null && !DIRECTORY.matcher(directory).matches()) {
            throw new IllegalArgumentException("directory: '" + directory
                    + "' is not a relative folder path such as MergedReflectivityQCComposite");
        }
        if (baseUrl == null || baseUrl.isEmpty()) {
            baseUrl = List.of(index ? NCEP_2D : BUCKET);
        }
        baseUrl = SourceConfig.checkUrls(baseUrl);
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
        return new MrmsSourceConfig(
                kind, product, region, listing, directory, baseUrl, base.resolve(store), keep, poll, lookback);
    }

    /** True when volumes are found on HTML directory index pages rather than by bucket listings. */
    public boolean indexListing() {
        return listing.equals("index");
    }
}
