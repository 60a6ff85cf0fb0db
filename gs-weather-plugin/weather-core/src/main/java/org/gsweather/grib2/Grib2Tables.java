package org.gsweather.grib2;

/** WMO GRIB2 code tables and the NCEP/MRMS local tables, as names for listings. */
final class Grib2Tables {
    private Grib2Tables() {}

    static String dataRepresentationName(int template) {
        return "template " + template;
    }

    static String gridTemplateName(int template) {
        return "template " + template;
    }

    static String ensembleType(int code) {
        return "type " + code;
    }

    static String derivedForecast(int code) {
        return "derived " + code;
    }

    static String probabilityType(int code) {
        return "probability " + code;
    }

    static String statisticalProcess(int code) {
        return "process " + code;
    }

    static String productTemplateName(int template) {
        return "template " + template;
    }

    static org.gsweather.field.Parameter parameter(
            int discipline, int category, int number, int center, int subcenter) {
        return new org.gsweather.field.Parameter(
                "var" + discipline + "_" + category + "_" + number, "unknown", "unknown");
    }

    static LevelType levelType(int code) {
        return new LevelType("L" + code, "level type " + code, code == 100 ? "Pa" : "m");
    }
}
