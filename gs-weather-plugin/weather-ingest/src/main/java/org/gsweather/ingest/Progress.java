package org.gsweather.ingest;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gsweather.ingest.source.FileResult;
import org.gsweather.ingest.source.Outcome;

/**
 * One progress line per file and run on stderr, e.g. {@code hrrr-sfc 2023-07-22T06Z: 3/19 files, 12.3 MB,
 * 4.5 MB/s}: plain lines rather than a redrawn bar, since a service's stderr goes to a journal.
 */
final class Progress {
    private static final DateTimeFormatter RUN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    /** The progress of one run of one source in this poll. */
    private static final class RunProgress {
        final Instant started;
        final int files;
        int done;
        long bytes;

        RunProgress(Instant started, int files, int done) {
            this.started = started;
            this.files = files;
            this.done = done;
        }
    }

    private final PrintWriter out;
    private final Clock clock;
    private final Map<String, RunProgress> runs = new ConcurrentHashMap<>();
    /** Each source's last started batch: MRMS and GOES start one for all the volumes or scans of a poll. */
    private final Map<String, RunProgress> batches = new ConcurrentHashMap<>();

    Progress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void runStarted(String source, Instant run, int files, int present) {
        RunProgress p = new RunProgress(clock.instant(), files, present);
        runs.put(key(source, run), p);
        batches.put(source, p);
        if (out != null && present < files) {
            out.printf(
                    Locale.ROOT,
                    "%s %s: %d/%d files in the store, fetching the rest%n",
                    source,
                    RUN.format(run),
                    present,
                    files);
        }
    }

    void file(String source, FileResult result) {
        RunProgress p = runs.getOrDefault(key(source, result.run()), batches.get(source));
        String run = result.run() != null ? RUN.format(result.run()) : "?";
        synchronized (this) {
            if (p != null && result.outcome() == Outcome.INGESTED) {
                p.done++;
                p.bytes += result.bytes();
            }
            if (out == null) {
                return;
            }
            switch (result.outcome()) {
                case INGESTED -> {
                    String counts = p == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " %d/%d files, %s, %s/s",
                                    p.done,
                                    p.files,
                                    size(p.bytes),
                                    size(rate(p)));
                    out.printf(Locale.ROOT, "%s %s:%s (%s)%n", source, run, counts, result.name());
                    if (result.message() != null) {
                        out.printf(Locale.ROOT, "%s %s: warning: %s%n", source, run, result.message());
                    }
                }
                case FAILED -> out.printf(Locale.ROOT, "%s %s: error: %s%n", source, run, result.message());
                case NOT_PUBLISHED ->
                    out.printf(Locale.ROOT, "%s %s: %s not published yet%n", source, run, result.name());
                case PRESENT -> {}
            }
        }
    }

    private long rate(RunProgress p) {
        Duration d = Duration.between(p.started, clock.instant());
        double seconds = Math.max(d.toNanos() / 1e9, 1e-3);
        return (long) (p.bytes / seconds);
    }

    private static String key(String source, Instant run) {
        return source + " " + run;
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
