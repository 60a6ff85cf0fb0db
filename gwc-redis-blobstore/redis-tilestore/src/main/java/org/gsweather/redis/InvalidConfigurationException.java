package org.gsweather.redis;

import java.util.List;

/** The store's configuration cannot work; the message names every wrong setting and what would be right. */
public class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigurationException(List<String> problems) {
        super("Invalid Redis tile store configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per wrong setting. */
    public List<String> problems() {
        return problems;
    }
}
