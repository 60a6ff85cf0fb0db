package org.gsweather.netcdf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The variables and global attributes of an open NetCDF file, whatever its format.
 *
 * @param format e.g. {@code NetCDF-3 classic}, {@code NetCDF-4}
 * @param warnings what could not be read without making the file unusable
 * @param unreadable variables left out, with the reason
 * @param resource what to close to release the file
 */
record NcDataset(
        Path path,
        String format,
        Map<String, NcAttribute> attributes,
        List<NcVariable> variables,
        List<String> warnings,
        Map<String, String> unreadable,
        Closeable resource)
        implements Closeable {

    NcDataset {
        variables = List.copyOf(variables);
        warnings = List.copyOf(warnings);
        unreadable = Map.copyOf(unreadable);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** A variable by full name, or {@code null}. */
    NcVariable variable(String name) {
        for (NcVariable v : variables) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    String text(String attribute) {
        NcAttribute a = attributes.get(attribute);
        return a != null && a.isText() ? a.text() : null;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
