package org.gsweather.loadtest.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenarios and options write them: {@code 250ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 1m30s}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new ScenarioException(what + ": empty duration; write e.g. 500ms, 30s, 10m or 1h");
        }
        String s = text.trim();
        Matcher m = PART.matcher(s);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double v = Double.parseDouble(m.group(1));
            double unit = switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            nanos += Math.round(v * unit);
            end = m.end();
        }
        if (end != s.length() || end == 0) {
            throw new ScenarioException(what + ": '" + text + "' is not a duration; write e.g. 500ms, 30s, 10m or 1h");
        }
        return Duration.ofNanos(nanos);
    }
}
