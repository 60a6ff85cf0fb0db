package org.gsweather.loadtest.scenario;

import java.time.Duration;

/**
 * One stage of a run, checked: it ends at its duration or after its requests, whichever comes first.
 *
 * @param concurrency closed model: clients; open model: connections the arrivals are spread over
 * @param rate open model: requests per second (ignored by patterns that schedule their own requests)
 * @param requests the stage's request budget
 * @param warmup a warm-up stage is reported on its own and left out of the run's total
 */
public record StagePlan(
        String name,
        LoadModel model,
        int concurrency,
        double rate,
        Duration duration,
        long requests,
        Duration thinkTime,
        boolean warmup,
        PatternPlan pattern) {}
