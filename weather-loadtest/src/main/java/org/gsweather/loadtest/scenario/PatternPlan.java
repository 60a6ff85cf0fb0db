package org.gsweather.loadtest.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A checked request pattern.
 *
 * @param type uniform, zipf, sweep, zoom_sweep, pan, zoom_in, animation or replay
 * @param exponent Zipf exponent (zipf)
 * @param hotSpots region names or kinds the Zipf ranks run over, hottest first (zipf)
 * @param targets regions to zoom into (zoom_in)
 * @param viewportWidth viewport width in tiles (pan, zoom_in, animation)
 * @param viewportHeight viewport height in tiles
 * @param fps frames per second (animation)
 * @param stepInterval time between a viewer's steps (pan, zoom_in)
 * @param step tiles moved per pan step
 * @param tilesPerZoom tiles per zoom level per sweep (zoom_sweep)
 * @param viewers independent viewers (pan, zoom_in, animation)
 * @param loops times an animation plays before its viewer moves on
 * @param log access log to replay (replay)
 * @param speed replay speed factor over the log's own timing (replay, open model)
 * @param loop replay the log again when it ends
 */
public record PatternPlan(
        String type,
        double exponent,
        List<String> hotSpots,
        List<String> targets,
        int viewportWidth,
        int viewportHeight,
        double fps,
        Duration stepInterval,
        int step,
        int tilesPerZoom,
        int viewers,
        int loops,
        Path log,
        double speed,
        boolean loop) {

    public static final List<String> TYPES =
            List.of("uniform", "zipf", "sweep", "zoom_sweep", "pan", "zoom_in", "animation", "replay");

    public PatternPlan {
        hotSpots = List.copyOf(hotSpots);
        targets = List.copyOf(targets);
    }
}
