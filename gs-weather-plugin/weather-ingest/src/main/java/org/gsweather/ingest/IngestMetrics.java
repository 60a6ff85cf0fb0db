package org.gsweather.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.gsweather.ingest.http.TransferListener;

/**
 * Counters per source: files ingested, bytes received, requests, retries, failed files. They feed the
 * status file and progress lines, and, when a Micrometer registry is given, the counters {@code
 * wx.ingest.files}, {@code wx.ingest.bytes}, {@code wx.ingest.requests}, {@code wx.ingest.retries} and
 * {@code wx.ingest.errors}, tagged {@code source}.
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

        Counters(MeterRegistry registry, String source) {
            files = count(registry, "wx.ingest.files", "files placed in the store", source, "files");
            bytes = count(registry, "wx.ingest.bytes", "bytes received", source, "bytes");
            requests = count(registry, "wx.ingest.requests", "HTTP requests sent", source, "requests");
            retries = count(registry, "wx.ingest.retries", "requests tried again", source, "retries");
            errors = count(registry, "wx.ingest.errors", "files that failed", source, "errors");
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
