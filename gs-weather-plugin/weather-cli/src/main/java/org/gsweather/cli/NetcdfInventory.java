package org.gsweather.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gsweather.field.FieldInfo;
import org.gsweather.netcdf.NetcdfField;

/** One inventory line (and JSON object) per NetCDF field (a 2-D slice of a variable), for {@code wx inspect}. */
final class NetcdfInventory {
    private NetcdfInventory() {}

    static String line(NetcdfField f) {
        FieldInfo info = f.info();
        StringBuilder b = new StringBuilder();
        b.append(f.number()).append("  ").append(info.parameter().shortName());
        if (!f.index().isEmpty()) {
            b.append(' ').append(index(f.index()));
        }
        b.append(" [")
                .append(info.parameter().units())
                .append("] ")
                .append(info.parameter().name());
        b.append(" | ").append(info.level().label());
        b.append(" | ref ").append(Inventory.time(info.referenceTime()));
        b.append(" | ").append(Inventory.forecast(info));
        if (info.ensemble() != null) {
            b.append(" | ens member ")
                    .append(info.ensemble().member())
                    .append('/')
                    .append(info.ensemble().size());
        }
        b.append(" | ").append(f.gridDescription());
        b.append(" | ").append(f.storageDescription());
        return b.toString();
    }

    static String index(Map<String, Integer> index) {
        StringBuilder b = new StringBuilder("[");
        index.forEach((d, i) ->
                b.append(b.length() > 1 ? "," : "").append(d).append('=').append(i));
        return b.append(']').toString();
    }

    static Map<String, Object> json(NetcdfField f) {
        FieldInfo info = f.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", f.number());
        m.put("variable", f.variable());
        m.put("index", f.index());
        m.put("shortName", info.parameter().shortName());
        m.put("name", info.parameter().name());
        m.put("units", info.parameter().units());
        if (f.standardName() != null) {
            m.put("standardName", f.standardName());
        }
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("type", info.level().type());
        level.put("description", info.level().description());
        level.put("value", Double.isFinite(info.level().value()) ? info.level().value() : null);
        level.put("units", info.level().units());
        m.put("level", level);
        m.put("referenceTime", info.referenceTime().toString());
        m.put("validTime", info.validTime().toString());
        m.put("forecastSeconds", info.forecastPeriod().toSeconds());
        if (info.timeRange() != null) {
            m.put(
                    "statistic",
                    Map.of(
                            "process",
                            info.timeRange().process(),
                            "start",
                            info.timeRange().start().toString(),
                            "end",
                            info.timeRange().end().toString()));
        }
        if (info.ensemble() != null) {
            m.put(
                    "ensemble",
                    Map.of(
                            "member",
                            info.ensemble().member(),
                            "size",
                            info.ensemble().size()));
        }
        m.put("grid", f.gridDescription());
        m.put("storage", f.storageDescription());
        m.put("gridRelativeVectors", f.gridRelativeVectors());
        return m;
    }

    /** Parses {@code time=0,z=3}. */
    static Map<String, Integer> parseIndex(String spec) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException(
                        "invalid --index \"" + spec + "\": give DIM=N[,DIM=N...], e.g. time=0,z=3");
            }
            try {
                m.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "invalid --index \"" + spec + "\": " + kv[1].trim() + " is not an index (0, 1, ...)");
            }
        }
        return m;
    }
}
