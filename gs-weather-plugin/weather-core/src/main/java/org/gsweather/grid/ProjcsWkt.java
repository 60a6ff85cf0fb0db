package org.gsweather.grid;

import java.math.BigDecimal;

/**
 * Builds an OGC WKT 1 {@code PROJCS} element as GeoTools' WKT parser reads it: the geographic CRS of
 * the ellipsoid, one {@code PROJECTION}, its {@code PARAMETER}s in degrees and metres, then the unit.
 */
final class ProjcsWkt {
    private final StringBuilder text = new StringBuilder();

    ProjcsWkt(String name, Ellipsoid ellipsoid, String projection) {
        text.append("PROJCS[\"")
                .append(name)
                .append("\",")
                .append(ellipsoid.geogcsWkt())
                .append(",PROJECTION[\"")
                .append(projection)
                .append("\"]");
    }

    ProjcsWkt parameter(String name, double value) {
        text.append(",PARAMETER[\"")
                .append(name)
                .append("\",")
                .append(Num.format(value))
                .append(']');
        return this;
    }

    /**
     * The {@code central_meridian} parameter in [-180, 180], as GeoTools requires (it rejects 265),
     * wrapped in decimal so that 245.305142 becomes -114.694858.
     */
    ProjcsWkt centralMeridian(double longitude) {
        BigDecimal turns = BigDecimal.valueOf(360 * Math.rint(longitude / 360));
        return parameter(
                "central_meridian",
                BigDecimal.valueOf(longitude).subtract(turns).doubleValue());
    }

    /** Closes the element with {@code unit} (a complete {@code UNIT[...]}) and optional extra elements. */
    String end(String unit, String... extra) {
        text.append(',').append(unit);
        for (String element : extra) {
            text.append(',').append(element);
        }
        return text.append(']').toString();
    }

    /** Closes the element with a zero false easting and northing, the metre as unit, then {@code extra}. */
    String endInMetres(String... extra) {
        return parameter("false_easting", 0).parameter("false_northing", 0).end("UNIT[\"metre\",1]", extra);
    }
}
