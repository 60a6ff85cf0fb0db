package org.gsweather.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gsweather.ingest.store.Retention;
import org.gsweather.ingest.store.StoreDirectory;

/** A source of files that {@code wx ingest} keeps a store directory fed from. */
public sealed interface Source permits ModelSource, MrmsSource, GoesSource {
    /** The name the configuration gives it. */
    String name();

    StoreDirectory store();

    Retention retention();

    /** Pause between two polls when following. */
    Duration pollInterval();

    /** The run a store file of this source belongs to; empty for files that are not this source's. */
    Optional<Instant> runOf(String fileName);

    /**
     * Looks for what is published and not yet in the store, and fetches it.
     *
     * @param once fetch only the newest model run (following also finishes older incomplete runs)
     */
    PollReport poll(SourceContext context, boolean once) throws InterruptedException;
}
