package org.gsweather.netcdf;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A variable of a NetCDF file: its stored type, dimensions, attributes, and where its values are.
 * Immutable; reading is thread-safe.
 *
 * @param name full name; variables of NetCDF-4 sub-groups are named {@code group/variable}
 */
record NcVariable(
        String name,
        NcType type,
        List<NcDimension> dimensions,
        Map<String, NcAttribute> attributes,
        VariableStorage storage) {

    NcVariable {
        dimensions = List.copyOf(dimensions);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    int rank() {
        return dimensions.size();
    }

    long[] shape() {
        long[] s = new long[dimensions.size()];
        for (int d = 0; d < s.length; d++) {
            s[d] = dimensions.get(d).length();
        }
        return s;
    }

    long size() {
        long n = 1;
        for (NcDimension d : dimensions) {
            n *= d.length();
        }
        return n;
    }

    NcAttribute attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** A text attribute, or {@code null} when absent or numeric. */
    String text(String attribute) {
        NcAttribute a = attributes.get(attribute);
        return a != null && a.isText() ? a.text().trim() : null;
    }

    /** The first value of a numeric attribute, or NaN when absent or text. */
    double number(String attribute) {
        NcAttribute a = attributes.get(attribute);
        return a != null ? a.number() : Double.NaN;
    }

    /** Whether this is a coordinate variable: one-dimensional and named as its dimension. */
    boolean isCoordinate() {
        return dimensions.size() == 1 && dimensions.get(0).name().equals(shortName());
    }

    /** The name without its group path. */
    String shortName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** Physical values (unpacked, NaN where missing) of the hyperslab, in stored row-major order. */
    double[] readDoubles(long[] start, int[] count) throws IOException {
        long n = 1;
        for (int c : count) {
            n *= c;
        }
        double[] out = new double[Math.toIntExact(n)];
        storage.read(start, count, Unpacking.of(this).doubles(out));
        return out;
    }

    /** All physical values of the variable, for coordinates and other small variables. */
    double[] readAllDoubles() throws IOException {
        long[] shape = shape();
        int[] count = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            count[d] = Math.toIntExact(shape[d]);
        }
        return readDoubles(new long[shape.length], count);
    }

    @Override
    public String toString() {
        StringBuilder b =
                new StringBuilder(type.cdlName()).append(' ').append(name).append('(');
        for (int d = 0; d < dimensions.size(); d++) {
            b.append(d > 0 ? ", " : "").append(dimensions.get(d).name());
        }
        return b.append(')').toString();
    }
}
