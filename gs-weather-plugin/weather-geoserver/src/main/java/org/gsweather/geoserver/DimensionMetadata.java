package org.gsweather.geoserver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gsweather.store.Coverage;
import org.gsweather.store.Dimension;

/**
 * A coverage's dimensions as GeoServer reads them from a coverage reader's metadata: {@code
 * HAS_TIME_DOMAIN}, {@code TIME_DOMAIN} (valid times), {@code ELEVATION_DOMAIN} (levels), and the custom
 * dimension {@code REFERENCE_TIME} (model runs, typed {@code java.util.Date}), each with its minimum and
 * maximum. Built once per coverage state: capabilities of many layers read them without work.
 */
final class DimensionMetadata {
    private static final Cache<Coverage, Map<String, String>> BUILT =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private DimensionMetadata() {}

    static Map<String, String> of(Coverage c) {
        return BUILT.get(c, DimensionMetadata::build);
    }

    private static Map<String, String> build(Coverage c) {
        Map<String, String> m = new LinkedHashMap<>();
        List<Instant> times = c.validTimes();
        m.put("HAS_TIME_DOMAIN", "true");
        m.put("TIME_DOMAIN", times.stream().map(Dimension.ISO::format).collect(Collectors.joining(",")));
        m.put("TIME_DOMAIN_MINIMUM", Dimension.ISO.format(times.get(0)));
        m.put("TIME_DOMAIN_MAXIMUM", Dimension.ISO.format(times.get(times.size() - 1)));
        m.put("TIME_DOMAIN_DATATYPE", "java.util.Date");
        List<Double> levels = c.levelValues();
        m.put("HAS_ELEVATION_DOMAIN", Boolean.toString(!levels.isEmpty()));
        if (!levels.isEmpty()) {
            m.put(
                    "ELEVATION_DOMAIN",
                    levels.stream().map(DimensionMetadata::number).collect(Collectors.joining(",")));
            m.put("ELEVATION_DOMAIN_MINIMUM", number(levels.get(0)));
            m.put("ELEVATION_DOMAIN_MAXIMUM", number(levels.get(levels.size() - 1)));
            m.put("ELEVATION_DOMAIN_DATATYPE", "java.lang.Double");
        }
        if (c.hasRuns()) {
            List<Instant> runs = c.runs();
            m.put("HAS_" + ReadRequest.REFERENCE_TIME + "_DOMAIN", "true");
            m.put(
                    ReadRequest.REFERENCE_TIME + "_DOMAIN",
                    runs.stream().map(Dimension.ISO::format).collect(Collectors.joining(",")));
            m.put(ReadRequest.REFERENCE_TIME + "_DOMAIN_MINIMUM", Dimension.ISO.format(runs.get(0)));
            m.put(ReadRequest.REFERENCE_TIME + "_DOMAIN_MAXIMUM", Dimension.ISO.format(runs.get(runs.size() - 1)));
            m.put(ReadRequest.REFERENCE_TIME + "_DOMAIN_DATATYPE", "java.util.Date");
        }
        return Map.copyOf(m);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
