package org.gsweather.loadtest.scenario;

/** An inclusive range of zoom levels (tile matrix indices, 0 the coarsest). */
public record ZoomRange(int min, int max) {

    public ZoomRange {
        if (min < 0 || max < min) {
            throw new ScenarioException("zooms " + min + "-" + max + ": need 0 <= min <= max");
        }
    }

    /** {@code 5} or {@code 0-12}. */
    public static ZoomRange parse(String text, String what) {
        String s = text.trim();
        try {
            int dash = s.indexOf('-');
            if (dash < 0) {
                int z = Integer.parseInt(s);
                return new ZoomRange(z, z);
            }
            return new ZoomRange(
                    Integer.parseInt(s.substring(0, dash).trim()),
                    Integer.parseInt(s.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new ScenarioException(what + ": zooms '" + text + "' is not N or MIN-MAX (e.g. 0-12)");
        } catch (ScenarioException e) {
            throw new ScenarioException(what + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + "-" + max;
    }
}
