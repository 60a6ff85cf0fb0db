package org.gsweather.grib2;

/**
 * A fixed surface type of GRIB2 code table 4.5.
 *
 * @param shortName NCEP/wgrib2 abbreviation, e.g. {@code ISBL}, {@code HTGL}; {@code LVL<code>} when
 *     the table has none
 * @param description e.g. {@code Isobaric surface}
 * @param units units of the surface value, e.g. {@code Pa}, {@code m}; {@code -} when the surface has
 *     no value, {@code unknown} for codes the table does not define
 */
record LevelType(String shortName, String description, String units) {

    @Override
    public String toString() {
        return shortName + " (" + description + ") [" + units + "]";
    }
}
