package org.gsweather.loadtest.pattern;

import org.gsweather.loadtest.request.PlannedRequest;

/** Hands a pattern's requests out to the sending threads one at a time, in the pattern's order. */
public final class RequestSource {
    private final RequestPattern pattern;
    private final long budget;
    private long taken;

    /** @param budget the most requests to hand out */
    public RequestSource(RequestPattern pattern, long budget) {
        this.pattern = pattern;
        this.budget = budget;
    }

    /** The next request, or null when the pattern or the budget is exhausted. */
    public synchronized PlannedRequest next() {
        if (taken >= budget) {
            return null;
        }
        PlannedRequest r = pattern.next();
        if (r != null) {
            taken++;
        }
        return r;
    }

    public synchronized long taken() {
        return taken;
    }
}
