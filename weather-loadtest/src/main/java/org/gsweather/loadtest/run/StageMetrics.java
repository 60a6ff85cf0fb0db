package org.gsweather.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.gsweather.loadtest.http.Outcome;
import org.gsweather.loadtest.report.Latency;
import org.gsweather.loadtest.report.Second;
import org.gsweather.loadtest.report.StageReport;
import org.gsweather.loadtest.report.Stats;
import org.gsweather.loadtest.scenario.LoadModel;
import org.gsweather.loadtest.scenario.StagePlan;

/** The results of one stage as they come in: per layer and zoom level, in total, and second by second. */
final class StageMetrics {

    private record Key(String layer, int zoom) {}

    /** What the progress line shows. */
    record Snapshot(double elapsedSeconds, long requests, long errors, long lastSecondRequests, Latency latency) {}

    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final Tally total = new Tally();
    private final List<Second> timeline = new ArrayList<>();
    private final long startNanos;
    private long lastSecondRequests;

    StageMetrics(long startNanos) {
        this.startNanos = startNanos;
    }

    void record(Outcome o) {
        buckets.computeIfAbsent(new Key(o.request().layer(), o.request().zoom()), k -> new Bucket())
                .record(o);
    }

    /** Drains what came in since the last call into the totals and one timeline entry (called once a second). */
    synchronized Snapshot sample() {
        Tally second = new Tally();
        for (Bucket b : buckets.values()) {
            b.drain(total, second);
        }
        long now = System.nanoTime();
        timeline.add(new Second(
                timeline.size() + 1,
                second.requests,
                second.errors,
                p(second, 50),
                p(second, 99),
                second.latency.getTotalCount() == 0 ? null : second.latency.getMaxValue() / 1000.0));
        lastSecondRequests = second.requests;
        return snapshot(now);
    }

    synchronized Snapshot snapshot(long now) {
        return new Snapshot(
                (now - startNanos) / 1e9,
                total.requests,
                total.errors,
                lastSecondRequests,
                Latency.ofMicros(total.latency));
    }

    private static Double p(Tally t, double percentile) {
        return t.latency.getTotalCount() == 0 ? null : t.latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The stage's report; call after the last {@link #sample()}. */
    synchronized StageReport report(StagePlan plan, double seconds, long unsent, Tally into) {
        boolean open = plan.model() == LoadModel.OPEN;
        Map<String, Tally> layers = new TreeMap<>();
        Map<Integer, Tally> zooms = new TreeMap<>();
        buckets.forEach((k, b) -> {
            layers.computeIfAbsent(k.layer(), x -> new Tally()).add(b.tally);
            zooms.computeIfAbsent(k.zoom(), x -> new Tally()).add(b.tally);
        });
        Map<String, Stats> byLayer = new TreeMap<>();
        layers.forEach((k, t) -> byLayer.put(k, t.stats(seconds, open)));
        Map<String, Stats> byZoom = new java.util.LinkedHashMap<>();
        zooms.forEach((z, t) -> byZoom.put(z < 0 ? "-" : Integer.toString(z), t.stats(seconds, open)));
        into.add(total);
        return new StageReport(
                plan.name(),
                plan.model().label(),
                plan.concurrency(),
                open && plan.rate() > 0 ? plan.rate() : null,
                plan.pattern().type(),
                plan.warmup(),
                unsent,
                total.stats(seconds, open),
                byLayer,
                byZoom,
                List.copyOf(timeline));
    }
}
