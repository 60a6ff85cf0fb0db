package org.gsweather.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forecast hours written as a list ({@code [0, 1, 2]}) or text: {@code 0-18}, {@code 0-48/3} (every third
 * hour), {@code 0,3,6,12-24}.
 *
 * @param hours ascending, distinct, not negative
 */
public record HourSet(List<Integer> hours) {
    private static final Pattern ITEM = Pattern.compile("(\\d+)(?:-(\\d+)(?:/(\\d+))?)?");

    public HourSet {
        hours = List.copyOf(new TreeSet<>(hours));
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("no forecast hours");
        }
        if (hours.get(0) < 0) {
            throw new IllegalArgumentException("a forecast hour cannot be negative: " + hours.get(0));
        }
    }

    @JsonCreator
    public static HourSet parse(String text) {
        List<Integer> hours = new ArrayList<>();
        for (String item : text.split(",")) {
            Matcher m = ITEM.matcher(item.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a set of forecast hours; write e.g. 0-18, 0-48/3, 0,3,6,12-24");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (to < from || step < 1) {
                throw new IllegalArgumentException("'" + item.trim() + "' is an empty range of forecast hours");
            }
            for (int h = from; h <= to; h += step) {
                hours.add(h);
            }
        }
        return new HourSet(hours);
    }

    @JsonCreator
    public static HourSet of(List<Integer> hours) {
        return new HourSet(hours);
    }

    public static HourSet range(int from, int to, int step) {
        List<Integer> hours = new ArrayList<>();
        for (int h = from; h <= to; h += step) {
            hours.add(h);
        }
        return new HourSet(Collections.unmodifiableList(hours));
    }
}
