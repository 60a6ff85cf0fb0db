package org.gsweather.grib2;

/** An entry of code table 4.5 (fixed surface types). */
record LevelType(String shortName, String description, String units) {}
