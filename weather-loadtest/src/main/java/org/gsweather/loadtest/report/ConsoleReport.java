package org.gsweather.loadtest.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Reports as tables for people: one per stage (total, layers, zoom levels), then the run's total. */
public final class ConsoleReport {
    private static final String ROW = "%-28s %10s %9s %8s %8s %8s %8s %9s %8s %7s %6s %9s%n";

    private ConsoleReport() {}

    public static void print(Report r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s %s  %s  %s  seed %d%s%n",
                r.tool(),
                r.scenario(),
                r.url(),
                r.service(),
                r.seed(),
                r.interrupted() ? "  INTERRUPTED (partial results)" : "");
        if (r.machine() != null && r.machine().loadBefore() != null) {
            out.printf(
                    Locale.ROOT,
                    "client: %d cores, load average before %s after %s%n",
                    r.machine().cores(),
                    load(r.machine().loadBefore()),
                    load(r.machine().loadAfter()));
        }
        for (StageReport s : r.stages()) {
            out.println();
            String load = s.rate() != null
                    ? String.format(Locale.ROOT, "%.1f req/s asked over %d connections", s.rate(), s.concurrency())
                    : s.model().equals("open")
                            ? "pattern's own timing over " + s.concurrency() + " connections"
                            : s.concurrency() + " clients";
            out.printf(
                    Locale.ROOT,
                    "stage %s%s: %s model, %s, %s pattern, %.1f s%n",
                    s.name(),
                    s.warmup() ? " (warm-up, not in the total)" : "",
                    s.model(),
                    load,
                    s.pattern(),
                    s.total().seconds());
            header(out);
            row(out, "total", s.total());
            for (Map.Entry<String, Stats> e : s.byLayer().entrySet()) {
                row(out, "layer " + e.getKey(), e.getValue());
            }
            if (s.byZoom().size() > 1 || !s.byZoom().containsKey("-")) {
                for (Map.Entry<String, Stats> e : s.byZoom().entrySet()) {
                    row(out, "zoom " + e.getKey(), e.getValue());
                }
            }
            details(out, s.total());
            if (s.total().serviceTimeMs() != null) {
                Latency l = s.total().serviceTimeMs();
                out.printf(
                        Locale.ROOT,
                        "  service time (from the actual send, what coordinated omission would report): p50 %s"
                                + " p99 %s max %s ms%n",
                        ms(l.p50()),
                        ms(l.p99()),
                        ms(l.max()));
            }
            if (s.unsent() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  unsent: %,d requests fell due but found no free connection before the stage ended:"
                                + " the server did not keep up with the rate%n",
                        s.unsent());
            }
        }
        if (r.stages().size() > 1) {
            out.println();
            out.println("run total (stages but warm-ups)");
            header(out);
            row(out, "total", r.total());
        }
    }

    private static void header(PrintStream out) {
        out.printf(
                Locale.ROOT,
                ROW,
                "",
                "requests",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p95 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "errors",
                "hit%",
                "MB");
    }

    private static void row(PrintStream out, String name, Stats s) {
        Latency l = s.latencyMs();
        Double hit = s.hitRatio();
        out.printf(
                Locale.ROOT,
                ROW,
                name.length() > 28 ? name.substring(0, 27) + "~" : name,
                String.format(Locale.ROOT, "%,d", s.requests()),
                String.format(Locale.ROOT, "%,.1f", s.requestsPerSecond()),
                l == null ? "-" : ms(l.p50()),
                l == null ? "-" : ms(l.p90()),
                l == null ? "-" : ms(l.p95()),
                l == null ? "-" : ms(l.p99()),
                l == null ? "-" : ms(l.p999()),
                l == null ? "-" : ms(l.max()),
                String.format(Locale.ROOT, "%,d", s.errors()),
                hit == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * hit),
                String.format(Locale.ROOT, "%.1f", s.bytes() / 1e6));
    }

    private static void details(PrintStream out, Stats s) {
        for (Map.Entry<String, Long> e : s.errorsByKind().entrySet()) {
            String sample = s.errorSamples().get(e.getKey());
            out.printf(
                    Locale.ROOT,
                    "  errors %s: %,d%s%n",
                    e.getKey(),
                    e.getValue(),
                    sample == null ? "" : " (e.g. " + sample + ")");
        }
        if (!s.cache().isEmpty()) {
            StringBuilder b = new StringBuilder("  geowebcache-cache-result:");
            s.cache()
                    .forEach(
                            (k, v) -> b.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v)));
            out.println(b);
        }
    }

    static String ms(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String load(double[] l) {
        if (l == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (double v : l) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.toString();
    }
}
