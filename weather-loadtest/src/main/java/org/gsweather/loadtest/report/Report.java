package org.gsweather.loadtest.report;

import java.util.List;

/**
 * A run's results, as the JSON file holds them ({@code format} is bumped when fields change meaning).
 *
 * @param total all stages but warm-ups
 */
public record Report(
        String tool,
        int format,
        String scenario,
        String description,
        String url,
        String service,
        long seed,
        String startedAt,
        Machine machine,
        boolean interrupted,
        Stats total,
        List<StageReport> stages) {

    public static final String TOOL = "wx-loadtest";
    public static final int FORMAT = 1;

    /**
     * The machine the client ran on, with its load average (1, 5, 15 min) before and after the run.
     *
     * @param loadBefore null where the system does not report it
     */
    public record Machine(String host, int cores, String java, double[] loadBefore, double[] loadAfter) {}
}
