package org.gsweather.loadtest.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a candidate report B with a baseline A, metric by metric, for the run's total and each stage (and, when
 * asked, each layer of each stage). A change worse than the threshold is a regression:
 *
 * <ul>
 *   <li>{@code rps}: B's requests/s below A's by more than the threshold;
 *   <li>latency ({@code p50 p90 p95 p99 p999 max mean}): B above A by more than the threshold and by more than
 *       {@code minDeltaMs} (sub-millisecond jitter of fast tiles is not a regression);
 *   <li>{@code errors}: B's error rate above A's by more than the threshold and by more than 0.1 percentage point;
 *   <li>{@code hit}: B's cache hit ratio below A's by more than the threshold.
 * </ul>
 *
 * A stage of A missing from B is a regression too (B did less work).
 */
public final class Comparison {

    public static final List<String> METRICS =
            List.of("rps", "p50", "p90", "p95", "p99", "p999", "max", "mean", "errors", "hit");
    public static final List<String> DEFAULT_METRICS = List.of("rps", "p50", "p99", "errors");

    /** Error rates closer than this (0.1 percentage point) never make a regression. */
    static final double ERROR_RATE_FLOOR = 0.001;

    public enum Verdict {
        OK,
        BETTER,
        REGRESSION,
        MISSING
    }

    public record Row(String scope, String metric, Double a, Double b, Double change, Verdict verdict) {}

    private Comparison() {}

    public static List<Row> compare(
            Report a, Report b, double threshold, double minDeltaMs, List<String> metrics, boolean perLayer) {
        for (String m : metrics) {
            if (!METRICS.contains(m)) {
                throw new IllegalArgumentException(
                        "no metric '" + m + "'; compare knows " + String.join(", ", METRICS));
            }
        }
        List<Row> rows = new ArrayList<>();
        compare("total", a.total(), b.total(), threshold, minDeltaMs, metrics, rows);
        for (StageReport sa : a.stages()) {
            if (sa.warmup()) {
                continue;
            }
            StageReport sb = b.stages().stream()
                    .filter(s -> s.name().equals(sa.name()))
                    .findFirst()
                    .orElse(null);
            if (sb == null) {
                rows.add(new Row("stage " + sa.name(), "-", null, null, null, Verdict.MISSING));
                continue;
            }
            compare("stage " + sa.name(), sa.total(), sb.total(), threshold, minDeltaMs, metrics, rows);
            if (perLayer) {
                for (Map.Entry<String, Stats> e : sa.byLayer().entrySet()) {
                    Stats lb = sb.byLayer().get(e.getKey());
                    String scope = "stage " + sa.name() + " layer " + e.getKey();
                    if (lb == null) {
                        rows.add(new Row(scope, "-", null, null, null, Verdict.MISSING));
                    } else {
                        compare(scope, e.getValue(), lb, threshold, minDeltaMs, metrics, rows);
                    }
                }
            }
        }
        return rows;
    }

    public static boolean regressed(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.MISSING);
    }

    private static void compare(
            String scope, Stats a, Stats b, double threshold, double minDeltaMs, List<String> metrics, List<Row> rows) {
        for (String m : metrics) {
            switch (m) {
                case "rps" ->
                    rows.add(higherIsBetter(scope, m, a.requestsPerSecond(), b.requestsPerSecond(), threshold));
                case "errors" -> {
                    double ea = a.errorRate();
                    double eb = b.errorRate();
                    Verdict v = eb > ea * (1 + threshold) && eb - ea > ERROR_RATE_FLOOR
                            ? Verdict.REGRESSION
                            : ea > eb * (1 + threshold) && ea - eb > ERROR_RATE_FLOOR ? Verdict.BETTER : Verdict.OK;
                    rows.add(new Row(scope, "error%", 100 * ea, 100 * eb, change(ea, eb), v));
                }
                case "hit" -> {
                    Double ha = a.hitRatio();
                    Double hb = b.hitRatio();
                    if (ha != null && hb != null) {
                        Row r = higherIsBetter(scope, "hit%", 100 * ha, 100 * hb, threshold);
                        rows.add(r);
                    }
                }
                default -> {
                    if (a.latencyMs() == null || b.latencyMs() == null) {
                        continue;
                    }
                    double la = a.latencyMs().get(m);
                    double lb = b.latencyMs().get(m);
                    Verdict v = lb > la * (1 + threshold) && lb - la > minDeltaMs
                            ? Verdict.REGRESSION
                            : la > lb * (1 + threshold) && la - lb > minDeltaMs ? Verdict.BETTER : Verdict.OK;
                    rows.add(new Row(scope, m + " ms", la, lb, change(la, lb), v));
                }
            }
        }
    }

    private static Row higherIsBetter(String scope, String metric, double a, double b, double threshold) {
        Verdict v =
                b < a * (1 - threshold) ? Verdict.REGRESSION : b > a * (1 + threshold) ? Verdict.BETTER : Verdict.OK;
        return new Row(scope, metric.equals("rps") ? "req/s" : metric, a, b, change(a, b), v);
    }

    /** The relative change from a to b; null when a is 0 and b is not (no ratio). */
    private static Double change(double a, double b) {
        if (a != 0) {
            return (b - a) / a;
        }
        return b == 0 ? Double.valueOf(0) : null;
    }

    public static void print(List<Row> rows, String nameA, String nameB, PrintStream out) {
        String fmt = "%-40s %-8s %12s %12s %9s  %s%n";
        out.printf(Locale.ROOT, fmt, "scope", "metric", "A", "B", "change", "");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    fmt,
                    r.scope().length() > 40 ? r.scope().substring(0, 39) + "~" : r.scope(),
                    r.metric(),
                    r.a() == null ? "-" : number(r.a()),
                    r.b() == null ? "-" : number(r.b()),
                    r.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.change()),
                    switch (r.verdict()) {
                        case OK -> "";
                        case BETTER -> "better";
                        case REGRESSION -> "REGRESSION";
                        case MISSING -> "MISSING in " + nameB;
                    });
        }
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
