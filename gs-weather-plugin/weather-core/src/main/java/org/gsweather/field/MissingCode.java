package org.gsweather.field;

/**
 * A value the producer uses in-band to mean "no data" (e.g. MRMS {@code -999} "no coverage"), which the
 * decoder surfaces as missing while keeping which code it was.
 */
public record MissingCode(float value, String meaning) {}
