package org.gsweather.ingest.http;

/** Hears what a fetch does, for counters and progress. Methods may be called from several threads. */
public interface TransferListener {
    TransferListener NONE = new TransferListener() {};

    /** A request was sent. */
    default void request() {}

    /** Bytes arrived (including gap bytes read through and dropped). */
    default void bytes(long count) {}

    /** A try failed and will be repeated after {@code reason}. */
    default void retry(String reason) {}
}
