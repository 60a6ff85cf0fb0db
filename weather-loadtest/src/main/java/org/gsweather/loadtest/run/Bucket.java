package org.gsweather.loadtest.run;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.gsweather.loadtest.http.Outcome;

/**
 * The results of one layer at one zoom level within a stage. Sending threads record into it wait-free; the sampler
 * drains it into tallies once a second.
 */
final class Bucket {
    private final Recorder latency = new Recorder(3);
    private final Recorder service = new Recorder(3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> samples = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> cache = new ConcurrentHashMap<>();
    private Histogram recycledLatency;
    private Histogram recycledService;

    final Tally tally = new Tally();

    void record(Outcome o) {
        if (o.status() > 0) {
            latency.recordValue(Math.max(0, o.latencyNanos() / 1000));
            service.recordValue(Math.max(0, o.serviceNanos() / 1000));
        }
        bytes.add(o.bytes());
        if (o.error() != null) {
            errors.computeIfAbsent(o.error(), k -> new LongAdder()).increment();
            if (o.detail() != null) {
                samples.putIfAbsent(o.error(), o.detail());
            }
        }
        if (o.status() > 0) {
            cache.computeIfAbsent(o.cacheResult() == null ? "none" : o.cacheResult(), k -> new LongAdder())
                    .increment();
        }
        requests.increment();
    }

    /**
     * Moves what was recorded since the last drain into this bucket's tally and into {@code stage} and the
     * timeline's {@code second}.
     */
    void drain(Tally stage, Tally second) {
        recycledLatency = latency.getIntervalHistogram(recycledLatency);
        recycledService = service.getIntervalHistogram(recycledService);
        Tally t = new Tally();
        t.latency.add(recycledLatency);
        t.service.add(recycledService);
        t.requests = requests.sumThenReset();
        t.bytes = bytes.sumThenReset();
        errors.forEach((k, v) -> {
            long n = v.sumThenReset();
            if (n > 0) {
                t.errorsByKind.merge(k, n, Long::sum);
                t.errors += n;
            }
        });
        samples.forEach(t.errorSamples::putIfAbsent);
        cache.forEach((k, v) -> {
            long n = v.sumThenReset();
            if (n > 0) {
                t.cache.merge(k, n, Long::sum);
            }
        });
        tally.add(t);
        stage.add(t);
        second.add(t);
    }
}
