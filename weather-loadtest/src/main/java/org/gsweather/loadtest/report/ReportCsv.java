package org.gsweather.loadtest.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Reports as CSV, one row per stage total, layer and zoom level, and one for the run's total (stage "*"), for
 * spreadsheets and plots.
 */
public final class ReportCsv {
    static final String HEADER = "stage,scope,key,requests,errors,error_rate,rps,p50_ms,p90_ms,p95_ms,p99_ms,"
            + "p999_ms,max_ms,mean_ms,bytes,hit,miss,hit_ratio";

    private ReportCsv() {}

    public static void write(Report r, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (StageReport s : r.stages()) {
            row(out, s.name(), "total", "", s.total());
            for (Map.Entry<String, Stats> e : s.byLayer().entrySet()) {
                row(out, s.name(), "layer", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Stats> e : s.byZoom().entrySet()) {
                row(out, s.name(), "zoom", e.getKey(), e.getValue());
            }
        }
        row(out, "*", "total", "", r.total());
        out.flush();
    }

    private static void row(Writer out, String stage, String scope, String key, Stats s) throws IOException {
        Latency l = s.latencyMs();
        Double hit = s.hitRatio();
        out.write(String.join(
                        ",",
                        quote(stage),
                        scope,
                        quote(key),
                        Long.toString(s.requests()),
                        Long.toString(s.errors()),
                        num(s.errorRate()),
                        num(s.requestsPerSecond()),
                        l == null ? "" : num(l.p50()),
                        l == null ? "" : num(l.p90()),
                        l == null ? "" : num(l.p95()),
                        l == null ? "" : num(l.p99()),
                        l == null ? "" : num(l.p999()),
                        l == null ? "" : num(l.max()),
                        l == null ? "" : num(l.mean()),
                        Long.toString(s.bytes()),
                        Long.toString(s.cache().getOrDefault("HIT", 0L)),
                        Long.toString(s.cache().getOrDefault("MISS", 0L)),
                        hit == null ? "" : num(hit))
                + "\n");
    }

    private static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
