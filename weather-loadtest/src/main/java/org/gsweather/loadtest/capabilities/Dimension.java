package org.gsweather.loadtest.capabilities;

import java.util.List;
import java.util.Locale;

/**
 * A layer dimension (TIME, ELEVATION or a custom one) with its default and its values, intervals already expanded.
 */
public record Dimension(String identifier, String defaultValue, List<String> values) {

    public Dimension {
        values = List.copyOf(values);
    }

    public boolean isTime() {
        return identifier.equalsIgnoreCase("time");
    }

    /**
     * The request parameter name: WMS and WMTS send TIME and ELEVATION as such and other dimensions with a DIM_
     * prefix (WMS 1.3.0 Annex C.3.2).
     */
    public String parameter() {
        String upper = identifier.toUpperCase(Locale.ROOT);
        if (upper.equals("TIME") || upper.equals("ELEVATION") || upper.startsWith("DIM_")) {
            return upper;
        }
        return "DIM_" + upper;
    }
}
