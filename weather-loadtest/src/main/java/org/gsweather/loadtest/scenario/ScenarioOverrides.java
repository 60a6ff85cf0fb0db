package org.gsweather.loadtest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings given on the command line; each replaces the scenario's own (stage settings replace those of every
 * stage). Null means "keep the scenario's".
 */
public record ScenarioOverrides(
        String service,
        List<String> layers,
        String styles,
        String times,
        String tileMatrixSet,
        String format,
        String region,
        String zooms,
        Long seed,
        String model,
        String thinkTime,
        String timeout,
        Integer concurrency,
        Double rate,
        String duration,
        Long requests,
        String log,
        Double speed,
        Long maxRequests,
        String maxDuration) {

    public static final ScenarioOverrides NONE = new ScenarioOverrides(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null);

    void applyTo(ObjectNode scenario) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("service", service);
        top.put("styles", styles);
        top.put("times", times);
        top.put("tileMatrixSet", tileMatrixSet);
        top.put("format", format);
        top.put("region", region);
        top.put("zooms", zooms);
        top.put("seed", seed);
        top.put("model", model);
        top.put("thinkTime", thinkTime);
        top.put("timeout", timeout);
        top.put("rate", rate);
        put(scenario, top);
        if (layers != null && !layers.isEmpty()) {
            ArrayNode a = scenario.putArray("layers");
            layers.forEach(a::add);
            scenario.remove("layerWeights");
        }
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("concurrency", concurrency);
        stage.put("duration", duration);
        stage.put("requests", requests);
        stage.put("model", model);
        stage.put("thinkTime", thinkTime);
        JsonNode stages = scenario.get("stages");
        if (stages instanceof ArrayNode a) {
            for (JsonNode s : a) {
                if (s instanceof ObjectNode o) {
                    put(o, stage);
                    if (rate != null) {
                        // --rate sets the base rate; stages keep their rateFactor (spike: 10x the base)
                        o.remove("rate");
                    }
                }
            }
        } else if (stage.values().stream().anyMatch(v -> v != null)) {
            put(scenario.putArray("stages").addObject(), stage);
        }
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("log", log);
        pattern.put("speed", speed);
        if (log != null || speed != null) {
            ObjectNode p = scenario.get("pattern") instanceof ObjectNode o ? o : scenario.putObject("pattern");
            if (log != null && !p.has("type")) {
                p.put("type", "replay");
            }
            put(p, pattern);
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxRequests", maxRequests);
        limits.put("maxDuration", maxDuration);
        if (maxRequests != null || maxDuration != null) {
            put(scenario.get("limits") instanceof ObjectNode o ? o : scenario.putObject("limits"), limits);
        }
    }

    private static void put(ObjectNode node, Map<String, Object> values) {
        values.forEach((k, v) -> {
            if (v instanceof String s) {
                node.put(k, s);
            } else if (v instanceof Long l) {
                node.put(k, l);
            } else if (v instanceof Integer i) {
                node.put(k, i);
            } else if (v instanceof Double d) {
                node.put(k, d);
            }
        });
    }
}
