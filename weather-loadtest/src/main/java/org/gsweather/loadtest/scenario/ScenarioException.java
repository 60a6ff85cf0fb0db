package org.gsweather.loadtest.scenario;

/** A scenario that cannot be run as written; the message names the scenario, the setting and what would be right. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
