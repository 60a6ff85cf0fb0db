package org.gsweather.field;

/**
 * Probability forecast (GRIB2 code table 4.9).
 *
 * @param kind e.g. {@code above upper limit}, {@code between limits}
 * @param lower lower limit in the parameter's units, {@code NaN} when not used
 * @param upper upper limit in the parameter's units, {@code NaN} when not used
 */
public record Probability(String kind, double lower, double upper) {}
