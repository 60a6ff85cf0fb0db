package org.gsweather.ingest.source;

import java.time.Instant;

/** What a source tells while it polls: for progress lines, the status file and counters. Thread-safe. */
public interface SourceEvents {
    /** A run is being fetched: {@code files} files of it are wanted, {@code present} of them already in the store. */
    default void runStarted(String source, Instant run, int files, int present) {}

    /** A file of a run is done, in whatever way. */
    default void file(String source, FileResult result) {}
}
