package org.gsweather.field;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * An open data file (GRIB2, NetCDF) seen as its list of two-dimensional fields, in file order.
 * Thread-safe; closing releases the file.
 */
public interface FieldFile extends Closeable {

    Path path();

    /** All fields in file order; the list is immutable. */
    List<? extends Field> fields();
}
