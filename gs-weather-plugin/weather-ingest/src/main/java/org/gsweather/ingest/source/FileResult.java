package org.gsweather.ingest.source;

import java.time.Instant;

/**
 * One file of one poll.
 *
 * @param name the file's name in the store
 * @param run the run (model cycle, radar volume, scan) it belongs to
 * @param outcome what became of it
 * @param bytes bytes written into the store
 * @param message error, or warning for an ingested file (e.g. a selected field absent at this hour); null
 */
public record FileResult(String name, Instant run, Outcome outcome, long bytes, String message) {
    static FileResult present(String name, Instant run) {
        return new FileResult(name, run, Outcome.PRESENT, 0, null);
    }

    static FileResult notPublished(String name, Instant run) {
        return new FileResult(name, run, Outcome.NOT_PUBLISHED, 0, null);
    }

    static FileResult failed(String name, Instant run, String message) {
        return new FileResult(name, run, Outcome.FAILED, 0, message);
    }
}
