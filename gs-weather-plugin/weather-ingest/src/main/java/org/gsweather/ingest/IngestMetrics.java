package org.gsweather.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.gsweather.ingest.http.TransferListener;

/**
 * Counters per source: files ingested, bytes received, requests, retries, failed files. They feed the
 * status file and progress lines, and, when a Micrometer registry is given, the meters {@code
 * wx.ingest.files}, {@code wx.ingest.bytes}, {@code wx.ingest.requests}, {@code wx.ingest.retries} and
 * {@code wx.ingest.errors}, tagged {@code source}.
 */
public final class IngestMetrics {
    /** The counters of one source. */
    public static final class Counters implements TransferListener {
        final LongAdder files = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder errors = new LongAdder();

        @Override
        public void request() {
            requests.increment();
        }

        @Override
        public void bytes(long count) {
            bytes.add(count);
        }

        @Override
        public void retry(String reason) {
            retries.increment();
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

    /** @param registry where to register the meters, or null for none */
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Counters of(String source) {
        return bySource.computeIfAbsent(source, this::register);
    }

    private Counters register(String source) {
        Counters c = new Counters();
        if (registry != null) {
            meter("wx.ingest.files", "files placed in the store", source, c.files, "files");
            meter("wx.ingest.bytes", "bytes received", source, c.bytes, "bytes");
            meter("wx.ingest.requests", "HTTP requests sent", source, c.requests, "requests");
            meter("wx.ingest.retries", "requests tried again", source, c.retries, "retries");
            meter("wx.ingest.errors", "files that failed", source, c.errors, "errors");
        }
        return c;
    }

    private void meter(String name, String description, String source, LongAdder adder, String unit) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue)
                .description(description)
                .baseUnit(unit)
                .tag("source", source)
                .register(registry);
    }
}
