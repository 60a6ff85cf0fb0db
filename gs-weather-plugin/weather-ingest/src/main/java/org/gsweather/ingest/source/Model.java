package org.gsweather.ingest.source;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NCEP models on NOAA's open-data buckets: where a run's files are, what they are called, when runs
 * start. The object layouts are those of the buckets (and of NOMADS under its {@code .../prod} roots),
 * the same relative paths under either base URL; each GRIB2 file has its wgrib2 inventory at the same
 * path plus {@code .idx}.
 */
public enum Model {
    /** HRRR CONUS: {@code hrrr.YYYYMMDD/conus/hrrr.tHHz.wrf{sfc,prs,nat,subh}fFF.grib2}; hourly runs, 48 h at 00/06/12/18 UTC, 18 h otherwise. */
    HRRR(
            "sfc",
            URI.create("https://noaa-hrrr-bdp-pds.s3.amazonaws.com"),
            URI.create("https://nomads.ncep.noaa.gov/pub/data/nccf/com/hrrr/prod"),
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)),
    /** GFS: {@code gfs.YYYYMMDD/HH/atmos/gfs.tHHz.pgrb2.0p25.fFFF}; runs at 00/06/12/18 UTC to 384 h. */
    GFS(
            "pgrb2.0p25",
            URI.create("https://noaa-gfs-bdp-pds.s3.amazonaws.com"),
            URI.create("https://nomads.ncep.noaa.gov/pub/data/nccf/com/gfs/prod"),
            List.of(0, 6, 12, 18)),
    /** NAM: {@code nam.YYYYMMDD/nam.tHHz.awphysFF.tm00.grib2}; runs at 00/06/12/18 UTC to 84 h (nests 60 h). */
    NAM(
            "awphys",
            URI.create("https://noaa-nam-pds.s3.amazonaws.com"),
            URI.create("https://nomads.ncep.noaa.gov/pub/data/nccf/com/nam/prod"),
            List.of(0, 6, 12, 18));

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final Set<String> HRRR_PRODUCTS = Set.of("sfc", "prs", "nat", "subh");
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]*");

    private final String defaultProduct;
    private final URI bucket;
    private final URI nomads;
    private final List<Integer> cycles;

    Model(String defaultProduct, URI bucket, URI nomads, List<Integer> cycles) {
        this.defaultProduct = defaultProduct;
        this.bucket = bucket;
        this.nomads = nomads;
        this.cycles = cycles;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultProduct() {
        return defaultProduct;
    }

    /** NOAA's open-data bucket. */
    public URI bucket() {
        return bucket;
    }

    /** The same files on NOMADS (same relative paths). */
    public URI nomads() {
        return nomads;
    }

    /** Hours (UTC) at which runs start. */
    public List<Integer> cycles() {
        return cycles;
    }

    /** The last forecast hour a run of this cycle produces. */
    public int lastHour(int cycleHour, String product) {
        return switch (this) {
            case HRRR -> cycleHour % 6 == 0 ? 48 : 18;
            case GFS -> 384;
            case NAM -> product.contains("nest") ? 60 : 84;
        };
    }

    /** Why a product name cannot be used, or empty when it can. */
    public Optional<String> checkProduct(String product) {
        if (!PRODUCT.matcher(product).matches()) {
            return Optional.of("'" + product + "' is not a product name (letters, digits and dots)");
        }
        if (this == HRRR && !HRRR_PRODUCTS.contains(product)) {
            return Optional.of("HRRR products are sfc, prs, nat and subh, not '" + product + "'");
        }
        return Optional.empty();
    }

    /** Whether every field of a file is valid at the file's forecast hour (HRRR subh files hold 15-minute steps). */
    public boolean oneValidTimePerFile(String product) {
        return !(this == HRRR && product.equals("subh"));
    }

    /** Path of a run's GRIB2 file below the base URL. */
    public String path(Instant run, String product, int hour) {
        String day = DAY.format(run);
        String hh = HOUR.format(run);
        return switch (this) {
            case HRRR -> String.format(Locale.ROOT, "hrrr.%s/conus/hrrr.t%sz.wrf%sf%02d.grib2", day, hh, product, hour);
            case GFS -> String.format(Locale.ROOT, "gfs.%s/%s/atmos/gfs.t%sz.%s.f%03d", day, hh, hh, product, hour);
            case NAM -> String.format(Locale.ROOT, "nam.%s/nam.t%sz.%s%02d.tm00.grib2", day, hh, product, hour);
        };
    }

    /** Name of the file in the store: the remote name with the run's day, e.g. {@code hrrr.20230722.t06z.wrfsfcf01.grib2}. */
    public String localName(Instant run, String product, int hour) {
        String day = DAY.format(run);
        String hh = HOUR.format(run);
        return switch (this) {
            case HRRR -> String.format(Locale.ROOT, "hrrr.%s.t%sz.wrf%sf%02d.grib2", day, hh, product, hour);
            case GFS -> String.format(Locale.ROOT, "gfs.%s.t%sz.%s.f%03d.grib2", day, hh, product, hour);
            case NAM -> String.format(Locale.ROOT, "nam.%s.t%sz.%s%02d.tm00.grib2", day, hh, product, hour);
        };
    }

    /** Pattern of {@link #localName} for a product: groups day, hour of the run, forecast hour. */
    Pattern localNamePattern(String product) {
        String p = Pattern.quote(product);
        return Pattern.compile(
                switch (this) {
                    case HRRR -> "hrrr\\.(\\d{8})\\.t(\\d{2})z\\.wrf" + p + "f(\\d{2,3})\\.grib2";
                    case GFS -> "gfs\\.(\\d{8})\\.t(\\d{2})z\\." + p + "\\.f(\\d{3})\\.grib2";
                    case NAM -> "nam\\.(\\d{8})\\.t(\\d{2})z\\." + p + "(\\d{2})\\.tm00\\.grib2";
                });
    }

    /** Run and forecast hour of a store file name of this model and product. */
    Optional<RunHour> parseLocalName(String name, String product) {
        Matcher m = localNamePattern(product).matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant run = LocalDateTime.parse(m.group(1) + m.group(2), DateTimeFormatter.ofPattern("yyyyMMddHH"))
                .toInstant(ZoneOffset.UTC);
        return Optional.of(new RunHour(run, Integer.parseInt(m.group(3))));
    }

    /** A run and one of its forecast hours. */
    record RunHour(Instant run, int hour) {}
}
