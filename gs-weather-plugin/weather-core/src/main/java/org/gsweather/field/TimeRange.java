package org.gsweather.field;

import java.time.Instant;

/**
 * Statistical processing over a period (GRIB2 product templates 4.8, 4.9, 4.11, 4.12; CF cell methods).
 *
 * @param process what was computed, e.g. {@code accumulation}, {@code average}, {@code maximum}
 * @param start start of the period
 * @param end end of the period, normally the field's valid time (a few GRIB2 producers state an
 *     overall interval end that disagrees with the period's length; the valid time follows the
 *     stated end, the period its length, as ecCodes and wgrib2 do)
 */
public record TimeRange(String process, Instant start, Instant end) {}
