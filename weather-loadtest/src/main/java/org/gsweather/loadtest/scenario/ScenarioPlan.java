package org.gsweather.loadtest.scenario;

import java.time.Duration;
import java.util.List;

/**
 * A checked scenario with the command line's overrides applied: what to request, from which layers, in which
 * stages, within which bounds.
 *
 * @param styles "default", "all" or a comma-separated list
 * @param times "default" (no TIME parameter), "all", "latest", "first:N", "last:N" or a comma-separated list
 * @param tileMatrixSet "auto" or a tile matrix set identifier
 * @param region "extent" (each layer's own extent), a region name or kind, or west,south,east,north
 * @param reset whether the scenario starts from a reset server (cache truncated) unless told not to
 * @param maxRequests hard bound on the requests of the whole run
 * @param maxDuration hard bound on the wall time of the whole run
 */
public record ScenarioPlan(
        String name,
        String description,
        Service service,
        List<String> layers,
        List<Double> layerWeights,
        String styles,
        String times,
        String tileMatrixSet,
        String format,
        String region,
        ZoomRange zooms,
        long seed,
        Duration timeout,
        boolean reset,
        List<StagePlan> stages,
        long maxRequests,
        Duration maxDuration) {

    public ScenarioPlan {
        layers = List.copyOf(layers);
        layerWeights = List.copyOf(layerWeights);
        stages = List.copyOf(stages);
    }
}
