package org.gsweather.loadtest.request;

/**
 * One request a run will send.
 *
 * @param target the request's path and query, sent to the run's server
 * @param layer the layer, for per-layer results ("-" when unknown)
 * @param zoom the zoom level, for per-zoom results (-1 when unknown)
 * @param dueNanos when the request is due, in nanoseconds from the stage's start, or {@link #UNSCHEDULED} (the load
 *     model decides)
 * @param expectImage whether anything but an image answering 200 is an error (a ServiceException sent as 200)
 */
public record PlannedRequest(String target, String layer, int zoom, long dueNanos, boolean expectImage) {

    public static final long UNSCHEDULED = -1;

    public PlannedRequest {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("request target must be a path: " + target);
        }
    }
}
