package org.gsweather.loadtest.pattern;

import java.time.Instant;

/**
 * One GET request of an access log.
 *
 * @param time when it was logged, or null when the line has no time stamp
 * @param target path and query as requested
 * @param status the status the server answered, or -1 when the log does not say
 */
public record AccessLogEntry(Instant time, String target, int status) {}
