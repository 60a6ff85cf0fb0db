package org.gsweather.ingest.config;

import org.gsweather.ingest.store.Retention;

/**
 * {@code keep:} of a source: {@code runs: 4} (the newest four model runs, radar volumes or scans) or
 * {@code age: 24h}.
 */
public record KeepConfig(Integer runs, TimeSpan age) {
    public KeepConfig {
        if ((runs == null) == (age == null)) {
            throw new IllegalArgumentException("give either 'runs' (a number) or 'age' (a duration)");
        }
        if (runs != null && runs < 1) {
            throw new IllegalArgumentException("runs: must be at least 1, not " + runs);
        }
    }

    public Retention retention() {
        return runs != null ? Retention.runs(runs) : Retention.age(age.duration());
    }
}
