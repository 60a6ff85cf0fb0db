package org.gsweather.netcdf;

import java.io.IOException;
import java.util.Arrays;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Field;
import org.gsweather.field.FieldInfo;
import org.gsweather.grid.Grid;

/**
 * One 2-D slice of a NetCDF variable: the variable's y/x plane at one index of each of its other
 * dimensions (time, level, ensemble member...). Values are read on demand; {@link #read()} may run
 * concurrently.
 */
public final class NetcdfField implements Field {
    private final CfVariable variable;
    private final int number;
    private final int[] index;
    private final FieldInfo info;

    NetcdfField(CfVariable variable, int number, int[] index, FieldInfo info) {
        this.variable = variable;
        this.number = number;
        this.index = index.clone();
        this.info = info;
    }

    @Override
    public FieldInfo info() {
        return info;
    }

    @Override
    public Grid grid() throws DataFormatException {
        return variable.grid();
    }

    @Override
    public boolean gridRelativeVectors() {
        return variable.gridRelativeVectors();
    }

    /**
     * Physical values in grid order ({@code values[j * nx + i]}, row {@code j} the index along the y
     * dimension as stored, {@code i} along x), NaN where missing: fill values, missing values, values
     * outside the valid range, and geostationary pixels off the Earth's disk.
     */
    @Override
    public float[] read() throws IOException {
        return variable.read(index);
    }

    /** Field number in the file, from 1. */
    public int number() {
        return number;
    }

    /** Name of the variable the field is a slice of. */
    public String variable() {
        return variable.variable().name();
    }

    /** The slice: dimension name and index of each dimension other than y and x, in stored order. */
    public java.util.LinkedHashMap<String, Integer> index() {
        java.util.LinkedHashMap<String, Integer> m = new java.util.LinkedHashMap<>();
        int[] dims = variable.otherDims();
        for (int k = 0; k < dims.length; k++) {
            m.put(variable.variable().dimensions().get(dims[k]).name(), index[k]);
        }
        return m;
    }

    /** The CF {@code standard_name} of the variable, or {@code null}. */
    public String standardName() {
        return variable.variable().text("standard_name");
    }

    /** Stored type and packing, e.g. {@code short packed x0.0707+-4.52, unsigned}. */
    public String storageDescription() {
        NcVariable v = variable.variable();
        Unpacking u = Unpacking.of(v);
        StringBuilder b = new StringBuilder(u.type().cdlName());
        if (u.packed()) {
            b.append(" packed *").append((float) u.scale()).append(" +").append((float) u.offset());
        }
        return b.toString();
    }

    /** Grid size and description, or why the grid is not usable. */
    public String gridDescription() {
        try {
            return grid().describe();
        } catch (DataFormatException e) {
            return "unusable grid " + variable.nx() + "x" + variable.ny();
        }
    }

    @Override
    public String toString() {
        return variable.where() + "field " + number + " " + Arrays.toString(index);
    }
}
