package org.gsweather.loadtest.pattern;

import org.gsweather.loadtest.request.PlannedRequest;

/**
 * A sequence of requests. Random patterns draw from one generator seeded by the run's seed, so the same seed gives
 * the same requests in the same order. Not thread-safe: a {@link RequestSource} hands the requests out.
 */
public interface RequestPattern {

    /** The next request, or null when the pattern has no more. */
    PlannedRequest next();
}
