package org.gsweather.tiles;

import java.util.ArrayList;
import java.util.List;

/** The frames an animation shows after the current one, in a layer's list of time values. */
public final class TimeSteps {
    private TimeSteps() {}

    /**
     * The {@code k} values after {@code current} in {@code values} (ascending, as a layer lists its times), wrapping
     * around to the first values after the last (animations loop); empty when {@code current} is not one of them.
     */
    public static List<String> after(List<String> values, String current, int k) {
        int at = values == null || current == null ? -1 : values.indexOf(current);
        if (at < 0 || k <= 0) {
            return List.of();
        }
        int n = Math.min(k, values.size() - 1);
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(values.get((at + i) % values.size()));
        }
        return out;
    }
}
