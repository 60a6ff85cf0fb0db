package org.gsweather.grib2;

/** WMO GRIB2 code tables and the NCEP/MRMS local tables, as names for listings. */
final class Grib2Tables {
    private Grib2Tables() {}

    static String dataRepresentationName(int template) {
        return "template " + template;
    }
}
