package org.gsweather.ingest.source;

/** What became of one file in one poll. */
public enum Outcome {
    /** Downloaded, verified and placed in the store. */
    INGESTED,
    /** Already in the store; nothing was fetched. */
    PRESENT,
    /** Not (yet) published at any base URL; looked for again at the next poll. */
    NOT_PUBLISHED,
    /** Failed (tries exhausted, verification failed, a refusing status); the error says why. */
    FAILED
}
