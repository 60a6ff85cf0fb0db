package org.gsweather.netcdf;

/** A named dimension of a variable; {@code unlimited} for the record dimension of NetCDF-3. */
record NcDimension(String name, long length, boolean unlimited) {}
