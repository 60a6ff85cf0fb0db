package org.gsweather.grib2;

import java.util.List;
import org.gsweather.field.DecodePool;
import org.gsweather.field.MissingCode;

/**
 * What unpacking a field may use besides its packed data.
 *
 * @param missingCodes the in-band "no data" values of the field's producer, to become their {@link
 *     org.gsweather.field.Missing} values
 * @param pool the threads that may help
 */
record Unpacking(List<MissingCode> missingCodes, DecodePool pool) {
    /** No missing codes, the calling thread alone. */
    static final Unpacking PLAIN = new Unpacking(List.of(), DecodePool.sequential());
}
