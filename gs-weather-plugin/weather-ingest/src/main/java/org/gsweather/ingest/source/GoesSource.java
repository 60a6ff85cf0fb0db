package org.gsweather.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.ingest.config.GoesSourceConfig;
import org.gsweather.ingest.http.NotPublishedException;
import org.gsweather.ingest.http.S3Listing.S3Object;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.http.Urls;
import org.gsweather.ingest.inventory.ByteRangePlan;
import org.gsweather.ingest.store.Retention;
import org.gsweather.ingest.store.StoreDirectory;

/**
 * GOES ABI scans of one satellite and product: the hourly directories of the lookback window ({@code
 * PRODUCT/YYYY/DDD/HH/}) are listed, the scans of the wanted bands (and mesoscale sector) not yet in the
 * store are downloaded whole, checked to open as NetCDF, and placed under their own names ({@code
 * OR_ABI-L1b-RadC-M6C13_G16_s..._e..._c....nc}).
 */
public final class GoesSource implements Source {
    private final String name;
    private final GoesSourceConfig config;
    private final StoreDirectory store;
    private final Pattern fileName;

    public GoesSource(String name, GoesSourceConfig config) {
        this.name = name;
        this.config = config;
        this.store = new StoreDirectory(config.store());
        // OR_<product>[sector]-M<mode>[C<band>]_G<satellite>_s<YYYYDDDHHMMSSt>_e<...>_c<...>.nc
        this.fileName = Pattern.compile(
                "OR_" + Pattern.quote(config.product())
                        + "(\\d?)-M\\d(?:C(\\d{2}))?_G(\\d{2})_s(\\d{4})(\\d{3})(\\d{2})(\\d{2})(\\d{2})(\\d)_e\\d+_c\\d+\\.nc");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StoreDirectory store() {
        return store;
    }

    @Override
    public Retention retention() {
        return config.keep().retention();
    }

    @Override
    public Duration pollInterval() {
        return config.poll().duration();
    }

    /** Scan start of a file of this source (satellite, product, bands, sector), else empty. */
    @Override
    public Optional<Instant> runOf(String file) {
        Matcher m = fileName.matcher(file);
        if (!m.matches() || Integer.parseInt(m.group(3)) != config.satelliteNumber()) {
            return Optional.empty();
        }
        if (config.sector() != null && !m.group(1).equals(Integer.toString(config.sector()))) {
            return Optional.empty();
        }
        if (!config.bands().isEmpty()
                && (m.group(2) == null || !config.bands().contains(Integer.parseInt(m.group(2))))) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofYearDay(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        return Optional.of(day.atStartOfDay(ZoneOffset.UTC)
                .plusHours(Integer.parseInt(m.group(6)))
                .plusMinutes(Integer.parseInt(m.group(7)))
                .plusSeconds(Integer.parseInt(m.group(8)))
                .plusNanos(Integer.parseInt(m.group(9)) * 100_000_000L)
                .toInstant());
    }

    @Override
    public PollReport poll(SourceContext context, boolean once) throws InterruptedException {
        Instant now = context.clock().instant();
        Instant from = now.minus(config.lookback().duration());
        TransferListener transfers = context.transfers(name);
        List<String> problems = new ArrayList<>();
        List<S3Object> scans = null;
        URI listedAt = null;
        for (URI base : config.baseUrl()) {
            try {
                scans = list(context, base, from, now, transfers);
                listedAt = base;
                break;
            } catch (IOException e) {
                problems.add("listing " + base + ": " + e.getMessage());
            }
        }
        if (listedAt == null) {
            return new PollReport(null, false, List.of(), problems);
        }
        problems.clear();
        Instant latest = null;
        List<Batch.Job> jobs = new ArrayList<>();
        for (S3Object scan : scans) {
            Instant start = runOf(scan.name()).orElseThrow();
            latest = latest == null || start.isAfter(latest) ? start : latest;
            if (!store.contains(scan.name())) {
                URI base = listedAt;
                jobs.add(() -> fetchScan(context, base, scan, start, transfers));
            }
        }
        if (latest != null) {
            context.events().runStarted(name, latest, scans.size(), scans.size() - jobs.size());
        }
        List<FileResult> results = Batch.run(context, name, jobs, false);
        Instant newest = latest;
        boolean complete = newest != null
                && scans.stream()
                        .filter(s -> runOf(s.name()).orElseThrow().equals(newest))
                        .allMatch(s -> store.contains(s.name()));
        return new PollReport(latest, complete, results, problems);
    }

    /** Scans of this source started between {@code from} and {@code now}, in key order. */
    private List<S3Object> list(SourceContext context, URI base, Instant from, Instant now, TransferListener transfers)
            throws IOException, InterruptedException {
        List<S3Object> out = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                !hour.isAfter(now);
                hour = hour.plus(Duration.ofHours(1))) {
            ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
            String prefix = String.format(
                    Locale.ROOT, "%s/%04d/%03d/%02d/", config.product(), t.getYear(), t.getDayOfYear(), t.getHour());
            for (S3Object o : context.listing().list(base, prefix, null, transfers)) {
                Optional<Instant> start = runOf(o.name());
                if (start.isPresent()
                        && !start.get().isBefore(from)
                        && !start.get().isAfter(now)) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    private FileResult fetchScan(
            SourceContext context, URI base, S3Object scan, Instant start, TransferListener transfers)
            throws InterruptedException {
        URI uri = Urls.under(base, scan.key());
        String local = scan.name();
        try {
            for (int attempt = 0; ; attempt++) {
                Path part = FileFetch.fetch(
                        context.fetcher(), store, local, uri, ByteRangePlan.whole(), scan.size(), transfers);
                try {
                    Verification.netcdfFile(part, local, scan.size());
                } catch (VerificationException e) {
                    FileFetch.discard(store, local);
                    if (attempt > 0) {
                        return FileResult.failed(local, start, e.getMessage());
                    }
                    continue;
                }
                store.publish(part, local);
                FileFetch.discard(store, local);
                return new FileResult(local, start, Outcome.INGESTED, scan.size(), null);
            }
        } catch (NotPublishedException e) {
            return FileResult.notPublished(local, start);
        } catch (IOException e) {
            return FileResult.failed(local, start, e.getMessage());
        }
    }
}
