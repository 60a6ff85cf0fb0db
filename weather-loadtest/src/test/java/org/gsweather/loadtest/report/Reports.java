package org.gsweather.loadtest.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reports built by hand for report tests. */
final class Reports {
    private Reports() {}

    static Stats stats(long requests, long errors, double rps, double p50, double p99) {
        Map<String, Long> kinds = new TreeMap<>();
        if (errors > 0) {
            kinds.put("http_500", errors);
        }
        return new Stats(
                requests,
                errors,
                kinds,
                Map.of(),
                requests * 1000,
                requests / rps,
                rps,
                new Latency(p50, p50 * 1.5, p50 * 1.8, p99, p99 * 1.2, p99 * 2, p50 * 1.1),
                null,
                Map.of("HIT", requests - requests / 10, "MISS", requests / 10));
    }

    static Report report(Stats total, StageReport... stages) {
        return new Report(
                Report.TOOL,
                Report.FORMAT,
                "stress",
                "",
                "http://127.0.0.1:8080/geoserver",
                "wmts",
                1,
                "2026-12-04T00:00:00Z",
                new Report.Machine("host", 2, "17", new double[] {1, 1, 1}, new double[] {1, 1, 1}),
                false,
                total,
                List.of(stages));
    }

    static StageReport stage(String name, Stats total) {
        return new StageReport(
                name,
                "closed",
                10,
                null,
                "zipf",
                false,
                0,
                total,
                Map.of("wx:t2m", total),
                Map.of("3", total),
                List.of(new Second(1, total.requests(), total.errors(), 1.0, 2.0, 3.0)));
    }
}
