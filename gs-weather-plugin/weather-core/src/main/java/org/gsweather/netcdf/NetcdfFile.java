package org.gsweather.netcdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.FieldFile;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.io.MappedFile;

/**
 * A NetCDF file (NetCDF-3 classic, 64-bit offset, CDF-5; NetCDF-4/HDF5) seen as CF 2-D fields: every
 * data variable with x and y dimensions, sliced at each index of its other dimensions. Opening reads the
 * header and the small coordinate variables that identify the fields (time, level), never the data.
 * Nothing is written beside the file. Thread-safe; close it to release the file.
 */
public final class NetcdfFile implements FieldFile {
    private final NcDataset dataset;
    private final Map<String, NcVariable> coordinates = new HashMap<>();
    private final Set<String> auxiliary = new HashSet<>();
    private final Map<String, double[]> values = new ConcurrentHashMap<>();
    private final List<NetcdfField> fields;

    private NetcdfFile(NcDataset dataset) throws IOException {
        this.dataset = dataset;
        for (NcVariable v : dataset.variables()) {
            if (v.isCoordinate()) {
                coordinates.put(v.dimensions().get(0).name(), v);
            }
        }
        for (NcVariable v : dataset.variables()) {
            for (String a : List.of("bounds", "climatology", "grid_mapping")) {
                String ref = v.text(a);
                if (ref != null) {
                    auxiliary.addAll(List.of(ref.trim().split("[\\s:]+")));
                }
            }
            for (String name : auxiliaryNames(v)) {
                NcVariable c = dataset.variable(name);
                if (c != null && c.rank() >= 2) {
                    auxiliary.add(name); // 2-D latitude/longitude: coordinates, not data
                }
            }
        }
        List<NetcdfField> list = new ArrayList<>();
        for (NcVariable v : dataset.variables()) {
            CfVariable cf = CfVariable.of(this, v);
            if (cf == null) {
                continue;
            }
            for (int[] index : cf.indices()) {
                list.add(new NetcdfField(cf, list.size() + 1, index, cf.info(index)));
            }
        }
        this.fields = Collections.unmodifiableList(list);
    }

    /**
     * Opens a NetCDF file of any format, recognized by its first bytes.
     *
     * @throws DataFormatException when the file is not NetCDF or its header is corrupt, naming the file
     */
    public static NetcdfFile open(Path path) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        NcDataset dataset;
        if (isNetcdf3(head, n)) {
            MappedFile mapped = MappedFile.open(path);
            try {
                dataset = Netcdf3Reader.read(mapped);
            } catch (IOException | RuntimeException e) {
                mapped.close();
                throw e;
            }
        } else if (isHdf5(head, n)) {
            dataset = Hdf5Reader.read(path);
        } else {
            throw new DataFormatException(path.getFileName() + ": not a NetCDF file (neither CDF\\001, CDF\\002,"
                    + " CDF\\005 nor HDF5 signature)");
        }
        try {
            return new NetcdfFile(dataset);
        } catch (IOException | RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    static boolean isNetcdf3(byte[] head, int n) {
        return n >= 4
                && head[0] == 'C'
                && head[1] == 'D'
                && head[2] == 'F'
                && (head[3] == 1 || head[3] == 2 || head[3] == 5);
    }

    static boolean isHdf5(byte[] head, int n) {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        return n >= 8 && java.util.Arrays.equals(head, 0, 8, signature, 0, 8);
    }

    @Override
    public Path path() {
        return dataset.path();
    }

    /** e.g. {@code NetCDF-3 classic}, {@code NetCDF-4}. */
    public String format() {
        return dataset.format();
    }

    @Override
    public List<NetcdfField> fields() {
        return fields;
    }

    /** What could not be read without making the file unusable (e.g. global attributes jHDF cannot read). */
    public List<String> warnings() {
        return dataset.warnings();
    }

    /** Global attributes as text. */
    public Map<String, String> globalAttributes() {
        Map<String, String> m = new LinkedHashMap<>();
        dataset.attributes().forEach((k, a) -> m.put(k, a.asText()));
        return m;
    }

    /** Names of all variables, in file order. */
    public List<String> variableNames() {
        return dataset.variables().stream().map(NcVariable::name).toList();
    }

    /** The fields of one variable, in stored index order. */
    public List<NetcdfField> fields(String variable) {
        requireVariable(variable);
        return fields.stream().filter(f -> f.variable().equals(variable)).toList();
    }

    /**
     * The field of {@code variable} at the given indices of its non-spatial dimensions; dimensions of
     * length 1 may be left out.
     *
     * @throws IllegalArgumentException naming the variable and what is wrong with the index
     */
    public NetcdfField field(String variable, Map<String, Integer> index) {
        List<NetcdfField> candidates = fields(variable);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(path().getFileName() + ": variable " + variable
                    + " has no x/y grid, so it has no fields (see wx inspect)");
        }
        Map<String, Integer> dims = candidates.get(0).index();
        for (String d : index.keySet()) {
            if (!dims.containsKey(d)) {
                throw new IllegalArgumentException(path().getFileName() + ": variable " + variable
                        + " has no dimension " + d + " to index; its non-spatial dimensions are " + dims.keySet());
            }
        }
        for (NetcdfField f : candidates) {
            boolean match = true;
            for (Map.Entry<String, Integer> e : f.index().entrySet()) {
                Integer wanted = index.get(e.getKey());
                if (wanted == null) {
                    long length = dataset.variable(variable).dimensions().stream()
                            .filter(d -> d.name().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow()
                            .length();
                    if (length != 1) {
                        throw new IllegalArgumentException(path().getFileName() + ": variable " + variable
                                + " needs an index for dimension " + e.getKey() + " (length " + length
                                + "), e.g. --index " + e.getKey() + "=0");
                    }
                    wanted = 0;
                }
                match &= wanted.equals(e.getValue());
            }
            if (match) {
                return f;
            }
        }
        throw new IllegalArgumentException(path().getFileName() + ": variable " + variable + ": index " + index
                + " is outside its dimensions " + describeDimensions(variable));
    }

    /**
     * Values of a variable in stored index order, physical (unpacked), NaN where missing: the
     * dimensions named in {@code index} are fixed at that index, all others read whole.
     *
     * @throws IllegalArgumentException naming the variable and the bad index
     */
    public Slice read(String variable, Map<String, Integer> index) throws IOException {
        NcVariable v = requireVariable(variable);
        if (!v.type().numeric) {
            throw new UnsupportedDataException(path().getFileName() + ": variable " + variable + " is of type "
                    + v.type().cdlName() + ", not numeric");
        }
        long[] shape = v.shape();
        long[] start = new long[shape.length];
        int[] count = new int[shape.length];
        List<String> free = new ArrayList<>();
        List<Integer> freeShape = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int d = 0; d < shape.length; d++) {
            String name = v.dimensions().get(d).name();
            Integer i = index.get(name);
            if (i != null) {
                if (i < 0 || i >= shape[d]) {
                    throw new IllegalArgumentException(path().getFileName() + ": variable " + variable + ": index "
                            + name + "=" + i + " outside [0, " + shape[d] + ")");
                }
                start[d] = i;
                count[d] = 1;
                used.add(name);
            } else {
                count[d] = Math.toIntExact(shape[d]);
                free.add(name);
                freeShape.add(count[d]);
            }
        }
        for (String name : index.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException(path().getFileName() + ": variable " + variable
                        + " has no dimension " + name + "; its dimensions are " + describeDimensions(variable));
            }
        }
        long total = 1;
        for (int c : count) {
            total *= c;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(path().getFileName() + ": variable " + variable + ": " + total
                    + " values are too many for one read; fix more dimensions with --index");
        }
        float[] out = new float[(int) total];
        v.storage().read(start, count, Unpacking.of(v).floats(out));
        return new Slice(
                variable, free, freeShape.stream().mapToInt(Integer::intValue).toArray(), out);
    }

    /**
     * Values read by {@link #read}: {@code values} in row-major order of {@code dimensions}.
     */
    public record Slice(String variable, List<String> dimensions, int[] shape, float[] values) {}

    /** e.g. {@code (time=124, lat=11, lon=21)}. */
    public String describeDimensions(String variable) {
        NcVariable v = requireVariable(variable);
        StringBuilder b = new StringBuilder("(");
        for (NcDimension d : v.dimensions()) {
            b.append(b.length() > 1 ? ", " : "").append(d.name()).append('=').append(d.length());
        }
        return b.append(')').toString();
    }

    /** A variable's attributes as text, for listings. */
    public Map<String, String> attributes(String variable) {
        Map<String, String> m = new LinkedHashMap<>();
        requireVariable(variable).attributes().forEach((k, a) -> m.put(k, a.asText()));
        return m;
    }

    /** Pairs of vector components (CF eastward_wind/northward_wind, x_wind/y_wind) on the same slice and grid. */
    public List<VectorPair> vectorPairs() {
        List<VectorPair> pairs = new ArrayList<>();
        Map<String, String> partner = Map.of("eastward_wind", "northward_wind", "x_wind", "y_wind");
        for (NetcdfField u : fields) {
            String v = partner.get(u.standardName());
            if (v == null) {
                continue;
            }
            for (NetcdfField w : fields) {
                if (v.equals(w.standardName())
                        && w.index().equals(u.index())
                        && w.info().level().equals(u.info().level())
                        && w.info().validTime().equals(u.info().validTime())
                        && sameGrid(u, w)) {
                    pairs.add(new VectorPair(u, w));
                    break;
                }
            }
        }
        return pairs;
    }

    private static boolean sameGrid(NetcdfField u, NetcdfField v) {
        try {
            return u.grid().equals(v.grid());
        } catch (DataFormatException e) {
            return false;
        }
    }

    /** An eastward (or grid x) component and its northward (or grid y) partner. */
    public record VectorPair(NetcdfField u, NetcdfField v) {}

    private NcVariable requireVariable(String variable) {
        NcVariable v = dataset.variable(variable);
        String reason = dataset.unreadable().get(variable);
        if (reason != null) {
            throw new IllegalArgumentException(
                    path().getFileName() + ": variable " + variable + " cannot be read: " + reason);
        }
        if (v == null) {
            throw new IllegalArgumentException(path().getFileName() + ": no variable " + variable + "; the file has "
                    + String.join(", ", variableNames()));
        }
        return v;
    }

    // ---- for CfVariable

    NcDataset dataset() {
        return dataset;
    }

    NcVariable coordinate(String dimension) {
        return coordinates.get(dimension);
    }

    boolean isAuxiliary(String variable) {
        return auxiliary.contains(variable);
    }

    /** Names in a variable's {@code coordinates} attribute (CF 5), resolved against the file's variables. */
    List<String> auxiliaryNames(NcVariable v) {
        String c = v.text("coordinates");
        if (c == null || c.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String name : c.trim().split("\\s+")) {
            if (dataset.variable(name) != null) {
                out.add(name);
            }
        }
        return out;
    }

    /** Physical values of a small (coordinate) variable, read once. */
    double[] values(NcVariable v) throws IOException {
        double[] cached = values.get(v.name());
        if (cached == null) {
            cached = v.readAllDoubles();
            values.put(v.name(), cached);
        }
        return cached;
    }

    CfTime timeUnits(NcVariable time) throws DataFormatException {
        try {
            return CfTime.parse(time.text("units"), time.text("calendar"));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(
                    path().getFileName() + ": time coordinate " + time.name() + ": " + e.getMessage());
        }
    }

    Instant time(NcVariable time, int i) throws IOException {
        double v = values(time)[i];
        if (Double.isNaN(v)) {
            throw new DataFormatException(
                    path().getFileName() + ": time coordinate " + time.name() + " is missing at " + "index " + i);
        }
        try {
            return timeUnits(time).instant(v);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new DataFormatException(
                    path().getFileName() + ": time coordinate " + time.name() + " value " + v + ": " + e.getMessage());
        }
    }

    /** The time of fields without a time coordinate: the global time_coverage_start, else the epoch. */
    Instant fileTime() {
        String start = dataset.text("time_coverage_start");
        if (start != null) {
            try {
                return Instant.parse(start.trim());
            } catch (java.time.format.DateTimeParseException e) {
                // not ISO 8601 with a zone: fall through
            }
        }
        return Instant.EPOCH;
    }

    @Override
    public void close() throws IOException {
        dataset.close();
    }

    @Override
    public String toString() {
        return path().getFileName() + " (" + format() + ", " + fields.size() + " fields)";
    }
}
