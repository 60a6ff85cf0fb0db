package org.gsweather.ingest.inventory;

/**
 * The fixed surfaces of a GRIB2 field (product definition octets 23-34): types from code table 4.5 and
 * their values in the table's units (Pa for isobaric levels), NaN where a surface has no value.
 *
 * @param type1 first fixed surface type
 * @param value1 first surface value
 * @param type2 second fixed surface type, 255 when there is none
 * @param value2 second surface value
 */
public record LevelCodes(int type1, double value1, int type2, double value2) {
    static final int MISSING = 255;

    static LevelCodes single(int type, double value) {
        return new LevelCodes(type, value, MISSING, Double.NaN);
    }

    boolean hasSecond() {
        return type2 != MISSING;
    }
}
