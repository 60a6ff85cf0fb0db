package org.gsweather.tiles;

import java.time.Instant;
import java.util.Map;
import org.gsweather.store.CoverageChange;
import org.gsweather.store.Dimension;

/**
 * Whether the tiles cached under one combination of request parameters (as a tile cache records them: {@code TIME},
 * {@code DIM_REFERENCE_TIME}, style...) still show what the layer serves after a change of its coverage:
 *
 * <ul>
 *   <li>a run that left (or whose files were rewritten): every combination naming it is stale;
 *   <li>a valid time that left: every combination naming it is stale;
 *   <li>a valid time drawn from another field now (a newer run covers it): combinations naming it and no run;
 *   <li>a combination without {@code TIME}: stale on any change (what it shows depends on the default time).
 * </ul>
 */
public final class StaleParameters {
    private StaleParameters() {}

    public static boolean isStale(Map<String, String> parameters, CoverageChange change) {
        if (change.isEmpty()) {
            return false;
        }
        String time = value(parameters, Dimension.TIME.parameter());
        String run = value(parameters, Dimension.REFERENCE_TIME.parameter());
        Instant r = instant(run);
        if (r != null && change.staleRuns().contains(r)) {
            return true;
        }
        Instant t = instant(time);
        if (t == null) {
            return true;
        }
        return change.removedTimes().contains(t)
                || (r == null && change.changedTimes().contains(t));
    }

    private static String value(Map<String, String> parameters, String key) {
        if (parameters == null) {
            return null;
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A time value as a cache records it, or null when absent or not a single time. */
    private static Instant instant(String value) {
        if (value == null || value.isBlank() || value.equals("_empty") || value.contains("/")) {
            return null;
        }
        try {
            return Instant.parse(Dimension.TIME.canonical(value));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
