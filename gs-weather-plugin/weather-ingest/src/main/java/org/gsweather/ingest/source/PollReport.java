package org.gsweather.ingest.source;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a source did.
 *
 * @param latestRun the newest run published (null when none was found)
 * @param latestComplete whether all wanted files of that run are in the store
 * @param results every file looked at
 * @param problems errors about the source as a whole (e.g. a listing that failed)
 */
public record PollReport(Instant latestRun, boolean latestComplete, List<FileResult> results, List<String> problems) {
    public PollReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    /** Whether nothing failed. */
    public boolean ok() {
        return problems.isEmpty() && results.stream().noneMatch(r -> r.outcome() == Outcome.FAILED);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
