package org.gsweather.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gsweather.field.Ensemble;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.Probability;
import org.gsweather.field.TimeRange;
import org.gsweather.grib2.Grib2Field;

/** One inventory line (and JSON object) per GRIB2 field, for {@code wx inspect}. */
final class Inventory {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private Inventory() {}

    static String line(Grib2Field f) {
        FieldInfo info = f.info();
        StringBuilder b = new StringBuilder();
        b.append(f.number())
                .append(" (")
                .append(f.message())
                .append('.')
                .append(f.submessage())
                .append(")  ");
        b.append(info.parameter().shortName())
                .append(" [")
                .append(info.parameter().units())
                .append("] ")
                .append(info.parameter().name());
        b.append(" | ").append(info.level().label());
        b.append(" | ref ").append(time(info.referenceTime()));
        b.append(" | ").append(forecast(info));
        if (info.ensemble() != null) {
            b.append(" | ").append(ensemble(info.ensemble()));
        }
        if (info.probability() != null) {
            b.append(" | ").append(probability(info.probability()));
        }
        b.append(" | ").append(f.gridDescription());
        b.append(" | ").append(f.packingDescription());
        b.append(" | bitmap ").append(f.hasBitmap() ? "yes" : "no");
        return b.toString();
    }

    static Map<String, Object> json(Grib2Field f) {
        FieldInfo info = f.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", f.number());
        m.put("message", f.message());
        m.put("submessage", f.submessage());
        m.put("offset", f.messageOffset());
        m.put("discipline", f.discipline());
        m.put("category", f.category());
        m.put("parameterNumber", f.parameterNumber());
        m.put("shortName", info.parameter().shortName());
        m.put("name", info.parameter().name());
        m.put("units", info.parameter().units());
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("type", info.level().type());
        level.put("description", info.level().description());
        level.put("value", finite(info.level().value()));
        level.put("value2", finite(info.level().value2()));
        level.put("units", info.level().units());
        m.put("level", level);
        m.put("referenceTime", info.referenceTime().toString());
        m.put("validTime", info.validTime().toString());
        m.put("forecastSeconds", info.forecastPeriod().toSeconds());
        TimeRange range = info.timeRange();
        if (range != null) {
            m.put(
                    "statistic",
                    Map.of(
                            "process",
                            range.process(),
                            "start",
                            range.start().toString(),
                            "end",
                            range.end().toString()));
        }
        if (info.ensemble() != null) {
            m.put(
                    "ensemble",
                    Map.of(
                            "kind",
                            info.ensemble().kind(),
                            "member",
                            info.ensemble().member(),
                            "size",
                            info.ensemble().size()));
        }
        Probability p = info.probability();
        if (p != null) {
            Map<String, Object> prob = new LinkedHashMap<>();
            prob.put("kind", p.kind());
            prob.put("lower", finite(p.lower()));
            prob.put("upper", finite(p.upper()));
            m.put("probability", prob);
        }
        m.put("productTemplate", f.productTemplate());
        m.put("gridTemplate", f.gridTemplate());
        m.put("grid", f.gridDescription());
        m.put("packingTemplate", f.packingTemplate());
        m.put("packing", f.packingDescription());
        m.put("bitmap", f.hasBitmap());
        if (!info.missingCodes().isEmpty()) {
            m.put(
                    "missingCodes",
                    info.missingCodes().stream()
                            .map(c -> Map.of("value", c.value(), "meaning", c.meaning()))
                            .toList());
        }
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String forecast(FieldInfo info) {
        TimeRange r = info.timeRange();
        if (r != null) {
            return r.process() + " " + hours(Duration.between(info.referenceTime(), r.start())) + "-"
                    + hours(info.forecastPeriod()) + " valid " + TIME.format(r.end());
        }
        return hours(info.forecastPeriod()) + " valid " + TIME.format(info.validTime());
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return "+" + minutes / 60 + "h";
        }
        return "+" + minutes / 60 + "h" + Math.abs(minutes % 60) + "m";
    }

    private static String ensemble(Ensemble e) {
        return e.member() >= 0
                ? "ens " + e.kind() + " member " + e.member() + "/" + e.size()
                : "ens " + e.kind() + " of " + e.size();
    }

    private static String probability(Probability p) {
        StringBuilder b = new StringBuilder("prob ").append(p.kind());
        if (!Double.isNaN(p.lower())) {
            b.append(" lower ").append(p.lower());
        }
        if (!Double.isNaN(p.upper())) {
            b.append(" upper ").append(p.upper());
        }
        return b.toString();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
