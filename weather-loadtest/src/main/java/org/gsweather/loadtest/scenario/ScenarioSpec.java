package org.gsweather.loadtest.scenario;

import java.util.List;

/**
 * A scenario as its YAML file writes it; every field may be absent and takes the default documented in
 * docs/loadtest.md. {@link Scenarios#plan} checks it and turns it into a {@link ScenarioPlan}.
 */
public record ScenarioSpec(
        String description,
        String service,
        List<String> layers,
        List<Double> layerWeights,
        String styles,
        String times,
        String tileMatrixSet,
        String format,
        String region,
        String zooms,
        Long seed,
        String model,
        Double rate,
        String thinkTime,
        String timeout,
        Boolean reset,
        PatternSpec pattern,
        List<StageSpec> stages,
        LimitsSpec limits) {

    /** How the requests of a stage are chosen. */
    public record PatternSpec(
            String type,
            Double exponent,
            List<String> hotSpots,
            List<String> targets,
            String viewport,
            Double fps,
            String stepInterval,
            Integer step,
            Integer tilesPerZoom,
            Integer viewers,
            Integer loops,
            String log,
            Double speed,
            Boolean loop) {}

    /** One stage: a load level held for a duration or a number of requests. */
    public record StageSpec(
            String name,
            Integer concurrency,
            Double rate,
            Double rateFactor,
            String duration,
            Long requests,
            Boolean warmup,
            String model,
            String thinkTime,
            PatternSpec pattern) {}

    /** Hard bounds of the whole run. */
    public record LimitsSpec(Long maxRequests, String maxDuration) {}
}
