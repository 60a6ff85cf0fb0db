package org.gsweather.netcdf;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Ensemble;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.Level;
import org.gsweather.field.Missing;
import org.gsweather.field.Parameter;
import org.gsweather.field.TimeRange;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Geostationary;
import org.gsweather.grid.Grid;
import org.gsweather.grid.RegularGrid;
import org.gsweather.grid.RotatedPole;

/**
 * A data variable seen through the CF conventions: which of its dimensions are the grid's x and y,
 * which index its 2-D fields (time, level, ensemble, others), and how each field is identified and
 * georeferenced. The grid is built on first use, from the 1-D x/y coordinate variables and the grid
 * mapping. Thread-safe.
 */
final class CfVariable {
    private final NetcdfFile file;
    private final NcVariable variable;
    private final int xDim;
    private final int yDim;
    private final int[] otherDims;
    private final String curvilinear;
    private final String where;
    private final Unpacking unpacking;
    private volatile Object grid; // Grid, or the DataFormatException that building it raised
    private volatile double[] diskLimits;

    private CfVariable(NetcdfFile file, NcVariable variable, int xDim, int yDim, String curvilinear) {
        this.file = file;
        this.variable = variable;
        this.xDim = xDim;
        this.yDim = yDim;
        this.curvilinear = curvilinear;
        this.where = file.path().getFileName() + ": variable " + variable.name() + ": ";
        int[] others = new int[variable.rank() - 2];
        for (int d = 0, k = 0; d < variable.rank(); d++) {
            if (d != xDim && d != yDim) {
                others[k++] = d;
            }
        }
        this.otherDims = others;
        this.unpacking = Unpacking.of(variable);
    }

    /** The CF reading of {@code v}, or {@code null} when it is no gridded data variable. */
    static CfVariable of(NetcdfFile file, NcVariable v) {
        if (!v.type().numeric || v.rank() < 2 || v.isCoordinate() || file.isAuxiliary(v.name())) {
            return null;
        }
        int x = -1;
        int y = -1;
        for (int d = 0; d < v.rank(); d++) {
            Axis a = Axis.of(file.coordinate(v.dimensions().get(d).name()));
            if (a == Axis.X) {
                x = d;
            } else if (a == Axis.Y) {
                y = d;
            }
        }
        if (x >= 0 && y >= 0) {
            return new CfVariable(file, v, x, y, null);
        }
        // Curvilinear grids: 2-D latitude/longitude auxiliary coordinates on the last two dimensions.
        for (String name : file.auxiliaryNames(v)) {
            NcVariable c = file.dataset().variable(name);
            if (c != null && c.rank() == 2 && (Axis.of(c) == Axis.X || Axis.of(c) == Axis.Y)) {
                int yd = v.dimensions().indexOf(c.dimensions().get(0));
                int xd = v.dimensions().indexOf(c.dimensions().get(1));
                if (xd >= 0 && yd >= 0) {
                    return new CfVariable(file, v, xd, yd, name);
                }
            }
        }
        return null;
    }

    NcVariable variable() {
        return variable;
    }

    String where() {
        return where;
    }

    int nx() {
        return Math.toIntExact(variable.dimensions().get(xDim).length());
    }

    int ny() {
        return Math.toIntExact(variable.dimensions().get(yDim).length());
    }

    int[] otherDims() {
        return otherDims.clone();
    }

    /** All index combinations of the other dimensions, in stored (row-major) order. */
    List<int[]> indices() {
        List<int[]> out = new ArrayList<>();
        int[] index = new int[otherDims.length];
        long[] shape = variable.shape();
        for (int d : otherDims) {
            if (shape[d] == 0) {
                return out;
            }
        }
        while (true) {
            out.add(index.clone());
            int k = otherDims.length - 1;
            while (k >= 0 && ++index[k] == shape[otherDims[k]]) {
                index[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    // ---- identification

    FieldInfo info(int[] index) throws IOException {
        String units = variable.text("units");
        String longName = variable.text("long_name");
        String standardName = variable.text("standard_name");
        Parameter parameter = new Parameter(
                variable.name(),
                longName != null ? longName : standardName != null ? standardName : variable.name(),
                units != null ? units : "");
        Level level = new Level("none", "no level", Double.NaN, Double.NaN, "");
        Instant valid = null;
        Instant reference = null;
        TimeRange range = null;
        Ensemble ensemble = null;
        Double period = null;
        for (int k = 0; k < otherDims.length; k++) {
            String dim = variable.dimensions().get(otherDims[k]).name();
            NcVariable c = file.coordinate(dim);
            int i = index[k];
            switch (Axis.of(c)) {
                case Z -> level = level(c, file.values(c)[i]);
                case T -> {
                    valid = file.time(c, i);
                    range = timeRange(c, i);
                }
                case REFERENCE_TIME -> reference = file.time(c, i);
                case ENSEMBLE -> {
                    double member = c != null ? file.values(c)[i] : i;
                    ensemble = new Ensemble("member", (int) member, Math.toIntExact(variable.shape()[otherDims[k]]));
                }
                default -> {}
            }
        }
        // Scalar and auxiliary coordinates (CF 5.7): a single level or time, forecast_reference_time/period.
        for (String name : file.auxiliaryNames(variable)) {
            NcVariable c = file.dataset().variable(name);
            if (c == null || !c.type().numeric) {
                continue;
            }
            int i = auxiliaryIndex(c, index);
            if (i < 0) {
                continue;
            }
            String standard = c.text("standard_name");
            if ("forecast_period".equals(standard)) {
                period = seconds(c, file.values(c)[i]);
                continue;
            }
            switch (Axis.of(c)) {
                case Z -> {
                    if (level.type().equals("none")) {
                        level = level(c, file.values(c)[i]);
                    }
                }
                case T -> {
                    if (valid == null) {
                        valid = file.time(c, i);
                    }
                }
                case REFERENCE_TIME -> reference = file.time(c, i);
                default -> {}
            }
        }
        if (valid == null) {
            valid = file.fileTime();
        }
        if (range != null) {
            valid = range.end();
        }
        if (reference == null) {
            if (period != null) {
                reference = valid.minusMillis(Math.round(period * 1000));
            } else {
                reference = range != null ? range.start() : valid; // an analysis: the period starts at its time
            }
        }
        return new FieldInfo(parameter, level, reference, valid, range, ensemble, null, List.of());
    }

    /** Index into an auxiliary coordinate: 0 for a scalar, the field's index along a shared dimension. */
    private int auxiliaryIndex(NcVariable c, int[] index) {
        if (c.rank() == 0) {
            return 0;
        }
        if (c.rank() != 1) {
            return -1;
        }
        for (int k = 0; k < otherDims.length; k++) {
            if (variable.dimensions().get(otherDims[k]).equals(c.dimensions().get(0))) {
                return index[k];
            }
        }
        return c.dimensions().get(0).length() == 1 ? 0 : -1;
    }

    private static Double seconds(NcVariable c, double value) {
        String units = c.text("units");
        if (units == null) {
            return null;
        }
        return switch (units.trim().toLowerCase(Locale.ROOT)) {
            case "s", "sec", "second", "seconds" -> value;
            case "min", "minute", "minutes" -> value * 60;
            case "h", "hr", "hour", "hours" -> value * 3600;
            case "d", "day", "days" -> value * 86400;
            default -> null;
        };
    }

    private static Level level(NcVariable c, double value) {
        String units = c.text("units");
        String standard = c.text("standard_name");
        String longName = c.text("long_name");
        if (Axis.isPressure(units)) {
            return new Level("ISBL", "Isobaric surface", value * Axis.pascals(units), Double.NaN, "Pa");
        }
        String type = standard != null ? standard : c.shortName();
        String description = longName != null ? longName : type;
        String positive = c.text("positive");
        if (positive != null && !description.contains(positive)) {
            description = description + ", positive " + positive;
        }
        return new Level(type, description, value, Double.NaN, units != null ? units : "");
    }

    /** CF 7.3 cell methods over time with bounds (CF 7.1) make a statistical period. */
    private TimeRange timeRange(NcVariable time, int i) throws IOException {
        String methods = variable.text("cell_methods");
        String bounds = time.text("bounds");
        if (methods == null || bounds == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\\b" + java.util.regex.Pattern.quote(time.shortName()) + "\\s*:\\s*([a-z_]+)")
                .matcher(methods);
        if (!m.find() || m.group(1).equals("point")) {
            return null;
        }
        NcVariable b = file.dataset().variable(bounds);
        if (b == null || b.rank() != 2 || b.shape()[1] != 2) {
            return null;
        }
        double[] v = file.values(b);
        CfTime units = file.timeUnits(time);
        String process = switch (m.group(1)) {
            case "sum" -> "accumulation";
            case "mean" -> "average";
            default -> m.group(1);
        };
        return new TimeRange(process, units.instant(v[2 * i]), units.instant(v[2 * i + 1]));
    }

    // ---- georeferencing

    Grid grid() throws DataFormatException {
        Object g = grid;
        if (g == null) {
            try {
                g = buildGrid();
            } catch (DataFormatException e) {
                g = e;
            } catch (IOException e) {
                g = new DataFormatException(where + "cannot read coordinates: " + e.getMessage(), e);
            }
            grid = g;
        }
        if (g instanceof UnsupportedDataException u) {
            throw new UnsupportedDataException(u.getMessage());
        }
        if (g instanceof DataFormatException e) {
            throw new DataFormatException(e.getMessage(), e);
        }
        return (Grid) g;
    }

    private Grid buildGrid() throws IOException {
        if (curvilinear != null) {
            throw new UnsupportedDataException(where + "curvilinear grid: its points are located only by the 2-D"
                    + " auxiliary coordinate " + curvilinear + " (no 1-D x/y coordinate variables);"
                    + " curvilinear grids are not supported");
        }
        NcVariable xc = file.coordinate(variable.dimensions().get(xDim).name());
        NcVariable yc = file.coordinate(variable.dimensions().get(yDim).name());
        CfGridMapping mapping = mapping(xc);
        double[] x = file.values(xc);
        double[] y = file.values(yc);
        double xScale = axisScale(xc, mapping);
        double yScale = axisScale(yc, mapping);
        Spacing sx = Spacing.of(x, xScale, mapping.falseEasting());
        Spacing sy = Spacing.of(y, yScale, mapping.falseNorthing());
        if (mapping.projection() instanceof Geographic g && sx != null && sy == null && y.length > 1) {
            double[] lats = y.clone();
            checkMonotonic(lats, yc);
            return new GaussianGrid(g.ellipsoid(), x.length, sx.first, sx.step, lats);
        }
        if (sx == null || sy == null) {
            NcVariable bad = sx == null ? xc : yc;
            throw new UnsupportedDataException(where + "coordinate " + bad.name()
                    + " is not evenly spaced; irregular axes are supported only for latitude on a"
                    + " latitude/longitude grid");
        }
        return new RegularGrid(mapping.projection(), x.length, y.length, sx.first, sy.first, sx.step, sy.step);
    }

    private void checkMonotonic(double[] v, NcVariable c) throws DataFormatException {
        for (int k = 1; k < v.length; k++) {
            if (!(v[k] != v[k - 1] && (v[k] > v[k - 1]) == (v[1] > v[0]))) {
                throw new DataFormatException(where + "coordinate " + c.name() + " is not strictly monotonic");
            }
        }
    }

    private CfGridMapping mapping(NcVariable xc) throws DataFormatException {
        String ref = variable.text("grid_mapping");
        if (ref == null || ref.isBlank()) {
            String standard = xc.text("standard_name");
            if ("projection_x_coordinate".equals(standard)) {
                throw new UnsupportedDataException(where + "projection x/y coordinates but no grid_mapping attribute");
            }
            if ("grid_longitude".equals(standard)) {
                throw new UnsupportedDataException(where + "rotated (grid_longitude) coordinates but no grid_mapping");
            }
            return CfGridMapping.latitudeLongitude();
        }
        // CF 5.6 extended form "mapping: coord coord [mapping2: ...]": the first mapping serves.
        String name = ref.trim().split("[\\s:]+")[0];
        NcVariable m = file.dataset().variable(name);
        if (m == null) {
            throw new DataFormatException(where + "grid_mapping \"" + ref + "\" names no variable of the file");
        }
        return CfGridMapping.of(m, where);
    }

    /** Factor from coordinate values to projected coordinates: metres, degrees, or geostationary metres. */
    private double axisScale(NcVariable c, CfGridMapping mapping) throws DataFormatException {
        String units = c.text("units");
        String u = units == null ? "" : units.trim().toLowerCase(Locale.ROOT);
        if (mapping.projection() instanceof Geostationary g) {
            return switch (u) {
                case "rad", "radian", "radians" -> g.perspectiveHeight();
                case "microradian", "microradians", "urad" -> g.perspectiveHeight() * 1e-6;
                case "m", "meter", "meters", "metre", "metres" -> 1;
                case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
                default ->
                    throw new UnsupportedDataException(where + "geostationary coordinate " + c.name() + " has units \""
                            + units + "\" (expected radians or metres)");
            };
        }
        if (mapping.projection() instanceof Geographic || mapping.projection() instanceof RotatedPole) {
            return 1;
        }
        return switch (u) {
            case "m", "meter", "meters", "metre", "metres", "" -> 1;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> 1000;
            default ->
                throw new UnsupportedDataException(where + "projection coordinate " + c.name() + " has units \"" + units
                        + "\" (expected m or km)");
        };
    }

    /** First value and step of evenly spaced coordinates, to within float rounding, or null. */
    private record Spacing(double first, double step) {
        static Spacing of(double[] v, double scale, double falseOrigin) {
            int n = v.length;
            if (n == 0) {
                return null;
            }
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    return null;
                }
            }
            double first = v[0] * scale - falseOrigin;
            if (n == 1) {
                return new Spacing(first, 1);
            }
            double step = (v[n - 1] - v[0]) / (n - 1);
            if (step == 0) {
                return null;
            }
            double tolerance = Math.abs(step) * 1e-5;
            for (int k = 0; k < n; k++) {
                double expected = v[0] + k * step;
                double slack = Math.max(tolerance, 4 * Math.ulp((float) expected));
                if (Math.abs(v[k] - expected) > slack) {
                    return null;
                }
            }
            return new Spacing(first, step * scale);
        }
    }

    // ---- values

    /** The values of the field at {@code index} of the other dimensions, in grid order (row j = y). */
    float[] read(int[] index) throws IOException {
        long[] shape = variable.shape();
        long[] start = new long[shape.length];
        int[] count = new int[shape.length];
        for (int k = 0; k < otherDims.length; k++) {
            start[otherDims[k]] = index[k];
            count[otherDims[k]] = 1;
        }
        count[xDim] = nx();
        count[yDim] = ny();
        if ((long) nx() * ny() > Integer.MAX_VALUE - 8) {
            throw new UnsupportedDataException(where + "a field of " + nx() + "x" + ny() + " points is too large");
        }
        float[] values = new float[nx() * ny()];
        variable.storage().read(start, count, unpacking.floats(values));
        if (xDim < yDim) {
            values = transpose(values, nx(), ny());
        }
        maskOffDisk(values);
        return values;
    }

    /** Stored values are x-major (dimensions (..., x, y)): make rows of y. */
    private static float[] transpose(float[] v, int nx, int ny) {
        float[] t = new float[v.length];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                t[j * nx + i] = v[i * ny + j];
            }
        }
        return t;
    }

    /** Geostationary pixels that look past the Earth are missing, whatever the file stores there. */
    private void maskOffDisk(float[] values) throws DataFormatException {
        if (curvilinear != null) {
            return;
        }
        Grid g;
        try {
            g = grid();
        } catch (DataFormatException e) {
            return; // values stay readable where the georeferencing is not
        }
        if (!(g instanceof RegularGrid r) || !(r.projection() instanceof Geostationary p)) {
            return;
        }
        double[] limits = diskLimits(r, p);
        if (limits == null) {
            return;
        }
        double h = p.perspectiveHeight();
        int nx = r.nx();
        for (int j = 0; j < r.ny(); j++) {
            double limit = limits[j] * h;
            int row = j * nx;
            for (int i = 0; i < nx; i++) {
                double x = r.x0() + i * r.dx();
                if (Math.abs(x) > limit) {
                    values[row + i] = Missing.VALUE;
                }
            }
        }
    }

    /** Per row, the largest visible |scan angle|; null when every pixel of the grid sees the Earth. */
    private double[] diskLimits(RegularGrid r, Geostationary p) {
        double[] limits = diskLimits;
        if (limits != null) {
            return limits.length == 0 ? null : limits;
        }
        EarthDisk disk = new EarthDisk(p);
        double h = p.perspectiveHeight();
        double x0 = r.x0() / h;
        double x1 = (r.x0() + (r.nx() - 1) * r.dx()) / h;
        double y0 = r.y0() / h;
        double y1 = (r.y0() + (r.ny() - 1) * r.dy()) / h;
        // The visible region is convex: a grid whose corners all see the Earth lies wholly on the disk.
        if (disk.sees(x0, y0) && disk.sees(x1, y0) && disk.sees(x0, y1) && disk.sees(x1, y1)) {
            diskLimits = new double[0];
            return null;
        }
        limits = new double[r.ny()];
        for (int j = 0; j < limits.length; j++) {
            limits[j] = disk.limit((r.y0() + j * r.dy()) / h);
        }
        diskLimits = limits;
        return limits;
    }

    /** Whether the field's vectors are grid-relative: CF x_wind/y_wind on a projected grid. */
    boolean gridRelativeVectors() {
        String standard = variable.text("standard_name");
        if (!"x_wind".equals(standard) && !"y_wind".equals(standard)) {
            return false;
        }
        try {
            return !(grid().projection() instanceof Geographic);
        } catch (DataFormatException e) {
            return true;
        }
    }
}
