package org.gsweather.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.gsweather.ingest.http.TransferListener;

/**
 * Counters per source: files ingested, bytes received, requests, retries, failed files. They feed the
 * status file and progress lines, and, when a Micrometer registry is given, the counters {@code
 * wx.ingest.files}, {@code wx.ingest.bytes}, {@code wx.ingest.requests}, {@code wx.ingest.retries}, {@code
 * wx.ingest.errors} and {@code wx.ingest.poll.problems}, and the gauges {@code wx.ingest.last.poll}, {@code wx.ingest.last.file} and
 * {@code wx.ingest.latest.run} (Unix seconds; 0 until known), all tagged {@code source}.
 */
public final class IngestMetrics {
    /** One count, kept here and mirrored in a Micrometer counter when there is a registry. */
    static final class Count {
        private final LongAdder adder = new LongAdder();
        private final Counter counter;

        Count(Counter counter) {
            this.counter = counter;
        }

        void add(long n) {
            adder.add(n);
            if (counter != null) {
                counter.increment(n);
            }
        }

        long sum() {
            return adder.sum();
        }
    }

    /** The counters of one source. */
    public static final class Counters implements TransferListener {
        final Count files;
        final Count bytes;
        final Count requests;
        final Count retries;
        final Count errors;
        final Count pollProblems;
        /** Unix seconds of the end of the last poll, of the last file placed, of the newest run listed. */
        final AtomicLong lastPoll = new AtomicLong();

        final AtomicLong lastFile = new AtomicLong();
        final AtomicLong latestRun = new AtomicLong();

        Counters(MeterRegistry registry, String source) {
            files = count(registry, "wx.ingest.files", "files placed in the store", source, "files");
            bytes = count(registry, "wx.ingest.bytes", "bytes received", source, "bytes");
            requests = count(registry, "wx.ingest.requests", "HTTP requests sent", source, "requests");
            retries = count(registry, "wx.ingest.retries", "requests tried again", source, "retries");
            errors = count(registry, "wx.ingest.errors", "files that failed", source, "errors");
            pollProblems = count(
                    registry,
                    "wx.ingest.poll.problems",
                    "problems of polls: listings, inventories or retention that failed",
                    source,
                    "problems");
            if (registry != null) {
                gauge(registry, "wx.ingest.last.poll", "end of the source's last poll", source, lastPoll);
                gauge(registry, "wx.ingest.last.file", "when the source's last file was placed", source, lastFile);
                gauge(
                        registry,
                        "wx.ingest.latest.run",
                        "the newest run, volume or scan found at the source",
                        source,
                        latestRun);
            }
        }

        private static void gauge(
                MeterRegistry registry, String name, String description, String source, AtomicLong seconds) {
            // An ingester started again on the same registry takes the gauge over from the one before.
            Gauge earlier = registry.find(name).tag("source", source).gauge();
            if (earlier != null) {
                registry.remove(earlier);
            }
            Gauge.builder(name, seconds, AtomicLong::get)
                    .description(description + " (Unix time)")
                    .baseUnit("seconds")
                    .tag("source", source)
                    .register(registry);
        }

        void polled(Instant at, Instant newestRun) {
            lastPoll.set(at.getEpochSecond());
            if (newestRun != null) {
                latestRun.accumulateAndGet(newestRun.getEpochSecond(), Math::max);
            }
        }

        void placed(Instant at) {
            files.add(1);
            lastFile.set(at.getEpochSecond());
        }

        private static Count count(
                MeterRegistry registry, String name, String description, String source, String unit) {
            return new Count(
                    registry == null
                            ? null
                            : Counter.builder(name)
                                    .description(description)
                                    .baseUnit(unit)
                                    .tag("source", source)
                                    .register(registry));
        }

        @Override
        public void request() {
            requests.add(1);
        }

        @Override
        public void bytes(long count) {
            bytes.add(count);
        }

        @Override
        public void retry(String reason) {
            retries.add(1);
        }

        public long files() {
            return files.sum();
        }

        public long bytes() {
            return bytes.sum();
        }

        public long requests() {
            return requests.sum();
        }

        public long retries() {
            return retries.sum();
        }

        public long errors() {
            return errors.sum();
        }
    }

    private final MeterRegistry registry;
    private final Map<String, Counters> bySource = new ConcurrentHashMap<>();

    /** @param registry where to register the counters, or null for none */
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Counters of(String source) {
        return bySource.computeIfAbsent(source, s -> new Counters(registry, s));
    }
}
