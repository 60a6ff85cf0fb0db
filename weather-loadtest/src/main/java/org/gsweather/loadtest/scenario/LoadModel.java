package org.gsweather.loadtest.scenario;

import java.util.Locale;

/** How requests are paced. */
public enum LoadModel {
    /** N clients, each sending its next request when the previous one answered (plus think time). */
    CLOSED,
    /**
     * Requests arrive at a fixed rate whatever the server does, as wrk2 does; latency counts from the intended send
     * time, so a stalled server is charged for the requests that queued behind it (no coordinated omission).
     */
    OPEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LoadModel of(String text, String what) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "closed" -> CLOSED;
            case "open" -> OPEN;
            default -> throw new ScenarioException(what + ": model '" + text + "' is not closed or open");
        };
    }
}
