package org.gsweather.field;

/**
 * Vertical level or layer of a field.
 *
 * @param type short name of the level type, e.g. {@code ISBL}, {@code HTGL}, {@code SFC}
 * @param description long name of the level type, e.g. {@code Isobaric surface}
 * @param value the level, or the top of a layer, in {@code units}; {@code NaN} when the type has no value
 * @param value2 the bottom of a layer in {@code units}, {@code NaN} for a single level
 * @param units units of the values as the source gives them (GRIB2 code table 4.5: {@code Pa}, {@code m})
 */
public record Level(String type, String description, double value, double value2, String units) {

    public boolean isLayer() {
        return !Double.isNaN(value2);
    }

    /** Human label, e.g. {@code 850 hPa}, {@code 2 m above ground}, {@code surface}. */
    public String label() {
        if (Double.isNaN(value)) {
            return description;
        }
        String v = formatValue(value);
        if (isLayer()) {
            v = v + "-" + formatValue(value2);
        }
        return v + " " + displayUnits() + " (" + description + ")";
    }

    private String displayUnits() {
        return "Pa".equals(units) ? "hPa" : units;
    }

    private String formatValue(double v) {
        double shown = "Pa".equals(units) ? v / 100 : v;
        return shown == Math.rint(shown) ? Long.toString((long) shown) : Double.toString(shown);
    }
}
