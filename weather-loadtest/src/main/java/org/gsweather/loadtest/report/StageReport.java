package org.gsweather.loadtest.report;

import java.util.List;
import java.util.Map;

/**
 * The results of one stage.
 *
 * @param rate open model: requests/s asked for (null when the pattern schedules itself or under the closed model)
 * @param unsent open model: requests that fell due before the stage ended but found no free connection in time; a
 *     non-zero value means the server (or the client) could not keep up with the rate
 * @param warmup whether the stage is a warm-up, left out of the run's total
 * @param byZoom per zoom level ("-" when a replayed request has none)
 */
public record StageReport(
        String name,
        String model,
        int concurrency,
        Double rate,
        String pattern,
        boolean warmup,
        long unsent,
        Stats total,
        Map<String, Stats> byLayer,
        Map<String, Stats> byZoom,
        List<Second> timeline) {}
