package org.gsweather.loadtest.run;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.gsweather.loadtest.report.Latency;
import org.gsweather.loadtest.report.Stats;

/** Cumulative results of a set of requests; touched by one thread (the sampler) only. */
final class Tally {
    final Histogram latency = new Histogram(3);
    final Histogram service = new Histogram(3);
    long requests;
    long errors;
    long bytes;
    final Map<String, Long> errorsByKind = new TreeMap<>();
    final Map<String, String> errorSamples = new TreeMap<>();
    final Map<String, Long> cache = new TreeMap<>();

    void add(Tally o) {
        latency.add(o.latency);
        service.add(o.service);
        requests += o.requests;
        errors += o.errors;
        bytes += o.bytes;
        o.errorsByKind.forEach((k, v) -> errorsByKind.merge(k, v, Long::sum));
        o.errorSamples.forEach(errorSamples::putIfAbsent);
        o.cache.forEach((k, v) -> cache.merge(k, v, Long::sum));
    }

    Stats stats(double seconds, boolean withServiceTime) {
        return new Stats(
                requests,
                errors,
                new TreeMap<>(errorsByKind),
                new TreeMap<>(errorSamples),
                bytes,
                Math.round(seconds * 1000) / 1000.0,
                seconds > 0 ? Math.round(requests / seconds * 10) / 10.0 : 0,
                Latency.ofMicros(latency),
                withServiceTime ? Latency.ofMicros(service) : null,
                new TreeMap<>(cache));
    }
}
