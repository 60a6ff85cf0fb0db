package org.gsweather.store;

import org.gsweather.field.Level;

/**
 * The level type of a coverage and the units its ELEVATION values are given in.
 *
 * @param type short name of the level type, e.g. {@code ISBL}
 * @param description e.g. {@code Isobaric surface}
 * @param units units of the ELEVATION values: {@code hPa} for pressure (files store Pa), else the file's
 *     units; empty when the level type has no value
 * @param positiveDown whether larger values lie lower (pressure), so that the level nearest the ground is
 *     the largest
 */
public record CoverageLevels(String type, String description, String units, boolean positiveDown) {

    static CoverageLevels of(Level level) {
        String u = level.units() == null ? "" : level.units().trim();
        boolean pressure = u.equals("Pa")
                || u.equalsIgnoreCase("hPa")
                || u.equalsIgnoreCase("mbar")
                || u.equalsIgnoreCase("millibar")
                || u.equalsIgnoreCase("mb");
        if (Double.isNaN(level.value())) {
            u = "";
        } else if (u.equals("Pa")) {
            u = "hPa";
        }
        return new CoverageLevels(level.type(), level.description(), u, pressure);
    }

    /** A field's level in these units (hPa for pressure), NaN when the level has no value. */
    static double value(Level level) {
        if (Double.isNaN(level.value())) {
            return Double.NaN;
        }
        return "Pa".equals(level.units()) ? level.value() / 100 : level.value();
    }
}
