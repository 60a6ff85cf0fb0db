package org.gsweather.ingest.source;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.gsweather.ingest.http.DirectoryIndex;
import org.gsweather.ingest.http.Fetcher;
import org.gsweather.ingest.http.S3Listing;
import org.gsweather.ingest.http.TransferListener;

/**
 * What sources share while polling.
 *
 * @param fetcher HTTP with retries, resumption and pacing
 * @param downloads the pool that runs file downloads (its size is the configured concurrency)
 * @param concurrency the pool's size: most files one source has in flight
 * @param mergeGap unwanted bytes one range request reads through between wanted messages
 * @param clock the time
 * @param events progress and results
 */
public record SourceContext(
        Fetcher fetcher, ExecutorService downloads, int concurrency, long mergeGap, Clock clock, SourceEvents events) {

    S3Listing listing() {
        return new S3Listing(fetcher);
    }

    DirectoryIndex directoryIndex() {
        return new DirectoryIndex(fetcher);
    }

    /** The transfer counters of a source; the events receive them when they are counters. */
    TransferListener transfers(String source) {
        return events instanceof TransferCounters c ? c.transfers(source) : TransferListener.NONE;
    }

    /** Events that also count each source's transfers. */
    public interface TransferCounters {
        TransferListener transfers(String source);
    }
}
