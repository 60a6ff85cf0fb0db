package org.gsweather.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.gsweather.ingest.config.MrmsSourceConfig;
import org.gsweather.ingest.http.NotPublishedException;
import org.gsweather.ingest.http.S3Listing.S3Object;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.http.Urls;
import org.gsweather.ingest.inventory.ByteRangePlan;
import org.gsweather.ingest.store.Retention;
import org.gsweather.ingest.store.StoreDirectory;

/**
 * An MRMS product: the volumes of the lookback window are listed from the bucket ({@code
 * REGION/PRODUCT/YYYYMMDD/}) or from the product's directory index page, and each one not yet in the store
 * is downloaded whole (gzip'd GRIB2), decompressed, verified and placed as {@code
 * MRMS_PRODUCT_YYYYMMDD-HHMMSS.grib2}.
 */
public final class MrmsSource implements Source {
    /** A listed volume: its remote file name, where to get it, and its size when the listing says (else -1). */
    private record Volume(String name, URI uri, long size) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String name;
    private final MrmsSourceConfig config;
    private final StoreDirectory store;
    private final Pattern remoteName;
    private final Pattern localName;

    public MrmsSource(String name, MrmsSourceConfig config) {
        this.name = name;
        this.config = config;
        this.store = new StoreDirectory(config.store());
        String stem = "MRMS_" + Pattern.quote(config.product()) + "_(\\d{8}-\\d{6})\\.grib2";
        this.remoteName = Pattern.compile(stem + "\\.gz");
        this.localName = Pattern.compile(stem);
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

    @Override
    public Optional<Instant> runOf(String fileName) {
        return time(localName, fileName);
    }

    private static Optional<Instant> time(Pattern pattern, String fileName) {
        Matcher m = pattern.matcher(fileName);
        return m.matches()
                ? Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC))
                : Optional.empty();
    }

    @Override
    public PollReport poll(SourceContext context, boolean once) throws InterruptedException {
        Instant now = context.clock().instant();
        Instant from = now.minus(config.lookback().duration());
        TransferListener transfers = context.transfers(name);
        List<String> problems = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        boolean listed = false;
        for (URI base : config.baseUrl()) {
            try {
                volumes = config.indexListing()
                        ? listIndex(context, base, from, now, transfers)
                        : listBucket(context, base, from, now, transfers);
                listed = true;
                break;
            } catch (IOException e) {
                problems.add("listing " + base + ": " + e.getMessage());
            }
        }
        if (!listed) {
            return new PollReport(null, false, List.of(), problems);
        }
        problems.clear();
        Instant latest = null;
        List<Batch.Job> jobs = new ArrayList<>();
        for (Volume volume : volumes) {
            Instant time = time(remoteName, volume.name()).orElseThrow();
            latest = time;
            String local = volume.name().substring(0, volume.name().length() - 3);
            if (!store.contains(local)) {
                jobs.add(() -> fetchVolume(context, volume, local, time, transfers));
            }
        }
        if (latest != null) {
            context.events().runStarted(name, latest, volumes.size(), volumes.size() - jobs.size());
        }
        List<FileResult> results = Batch.run(context, name, jobs, false);
        boolean complete = latest != null
                && store.contains(volumes.get(volumes.size() - 1).name().replaceFirst("\\.gz$", ""));
        return new PollReport(latest, complete, results, problems);
    }

    /** Volumes between {@code from} and {@code now} in the bucket's day folders, oldest first. */
    private List<Volume> listBucket(
            SourceContext context, URI base, Instant from, Instant now, TransferListener transfers)
            throws IOException, InterruptedException {
        List<Volume> out = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String prefix = config.region() + "/" + config.product() + "/" + DAY.format(day) + "/";
            String startAfter = day.equals(first)
                    ? prefix + "MRMS_" + config.product() + "_"
                            + STAMP.format(LocalDateTime.ofInstant(from.minusSeconds(1), ZoneOffset.UTC))
                    : null;
            for (S3Object o : context.listing().list(base, prefix, startAfter, transfers)) {
                Optional<Instant> t = time(remoteName, o.name());
                if (t.isPresent() && !t.get().isBefore(from) && !t.get().isAfter(now)) {
                    out.add(new Volume(o.name(), Urls.under(base, o.key()), o.size()));
                }
            }
        }
        out.sort(Comparator.comparing(Volume::name));
        return out;
    }

    /** Volumes between {@code from} and {@code now} on the product's directory index page, oldest first. */
    private List<Volume> listIndex(
            SourceContext context, URI base, Instant from, Instant now, TransferListener transfers)
            throws IOException, InterruptedException {
        URI directory = Urls.under(base, config.directory() + "/");
        List<Volume> out = new ArrayList<>();
        for (String name : context.directoryIndex().files(directory, transfers)) {
            Optional<Instant> t = time(remoteName, name);
            if (t.isPresent() && !t.get().isBefore(from) && !t.get().isAfter(now)) {
                out.add(new Volume(name, directory.resolve(name), -1));
            }
        }
        return out;
    }

    private FileResult fetchVolume(
            SourceContext context, Volume volume, String local, Instant time, TransferListener transfers)
            throws InterruptedException {
        URI uri = volume.uri();
        String gz = local + ".gz";
        try {
            for (int attempt = 0; ; attempt++) {
                Path part = FileFetch.fetch(
                        context.fetcher(), store, gz, uri, ByteRangePlan.whole(), volume.size(), transfers);
                Path unzipped = store.partial(local, ".part.unzipped");
                try {
                    gunzip(part, unzipped, local);
                    Verification.gribFile(unzipped, local);
                } catch (VerificationException e) {
                    Files.deleteIfExists(unzipped);
                    FileFetch.discard(store, gz);
                    if (attempt > 0) {
                        return FileResult.failed(local, time, e.getMessage());
                    }
                    continue;
                }
                long bytes = Files.size(unzipped);
                store.publish(unzipped, local);
                FileFetch.discard(store, gz);
                return new FileResult(local, time, Outcome.INGESTED, bytes, null);
            }
        } catch (NotPublishedException e) {
            return FileResult.notPublished(local, time);
        } catch (IOException e) {
            return FileResult.failed(local, time, e.getMessage());
        }
    }

    private static void gunzip(Path gz, Path out, String name) throws VerificationException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 64 * 1024);
                OutputStream o = Files.newOutputStream(out)) {
            in.transferTo(o);
        } catch (IOException e) {
            throw new VerificationException(name + ".gz: not a complete gzip file: " + e.getMessage(), e);
        }
    }
}
