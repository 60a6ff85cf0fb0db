package org.gsweather.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration written as {@code 500ms}, {@code 90s}, {@code 5m}, {@code 6h}, {@code 2d} (or ISO-8601 {@code PT5M}). */
public record TimeSpan(Duration duration) {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @JsonCreator
    public static TimeSpan parse(String text) {
        String t = text.trim();
        Matcher m = FORM.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return new TimeSpan(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        try {
            return new TimeSpan(Duration.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 90s, 5m, 6h, 2d");
        }
    }

    public static TimeSpan of(Duration duration) {
        return new TimeSpan(duration);
    }

    @JsonValue
    @Override
    public String toString() {
        return duration.toString();
    }
}
