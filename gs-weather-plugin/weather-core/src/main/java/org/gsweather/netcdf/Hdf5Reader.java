package org.gsweather.netcdf;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/**
 * Reads the structure of a NetCDF-4 file through jHDF: groups, variables (HDF5 datasets), their
 * dimensions (HDF5 dimension scales referenced by {@code DIMENSION_LIST}, as the netCDF-4 library
 * writes them) and attributes. Opening reads object headers only; values are read by {@link Hdf5Storage}.
 */
final class Hdf5Reader {
    /** The value of {@code NAME} on a dimension scale that is not also a variable (netCDF-4 {@code nc4internal.h}). */
    private static final String DIMENSION_ONLY = "This is a netCDF dimension but not a netCDF variable";

    private static final String NON_COORDINATE_PREFIX = "_nc4_non_coord_";

    /** Attributes the netCDF-4 library uses to store its data model in HDF5, hidden from users. */
    private static final Set<String> INTERNAL = Set.of(
            "CLASS",
            "NAME",
            "REFERENCE_LIST",
            "DIMENSION_LIST",
            "_Netcdf4Dimid",
            "_Netcdf4Coordinates",
            "_nc3_strict",
            "_NCProperties");

    private final HdfFile hdf;
    private final String where;
    private final Map<Long, Dataset> byAddress = new HashMap<>();
    private final Map<Long, Map<String, Attribute>> attributesByAddress = new HashMap<>();
    private boolean netcdf4Markers;

    private Hdf5Reader(HdfFile hdf, Path path) {
        this.hdf = hdf;
        this.where = path.getFileName() + ": ";
    }

    static NcDataset read(Path path) throws IOException {
        HdfFile hdf;
        try {
            hdf = new HdfFile(path);
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new DataFormatException(
                    path.getFileName() + ": unreadable HDF5 (NetCDF-4) file, truncated or corrupt: " + e.getMessage(),
                    e);
        }
        try {
            return new Hdf5Reader(hdf, path).read();
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
            hdf.close();
            throw new DataFormatException(
                    path.getFileName() + ": unreadable HDF5 (NetCDF-4) structure, truncated or corrupt: "
                            + e.getMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    private NcDataset read() throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        collect(hdf, datasets);
        Map<String, NcAttribute> globals = Map.of();
        List<String> warnings = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        try {
            Map<String, Attribute> raw = hdfAttributes(hdf);
            globals = attributes(raw);
            netcdf4Markers |= raw.containsKey("_NCProperties");
        } catch (UnsupportedDataException e) {
            // Global attributes only describe; the data do not need them.
            warnings.add("global attributes unreadable (" + e.getMessage() + "); opened without them");
        }
        if (!netcdf4Markers) {
            throw new UnsupportedDataException(where + "an HDF5 file but not NetCDF-4: it has no _NCProperties"
                    + " attribute and no netCDF dimensions (HDF5 dimension scales); plain HDF5 is not supported");
        }
        datasets.sort(Comparator.comparingLong(Node::getAddress)); // object headers are written in creation order
        List<NcVariable> variables = new ArrayList<>();
        for (Dataset d : datasets) {
            String name = variableName(d);
            Map<String, Attribute> raw;
            try {
                raw = hdfAttributes(d);
            } catch (UnsupportedDataException e) {
                // Without its attributes (scale, fill, valid range) the values cannot be interpreted.
                unreadable.put(name, "attributes unreadable (" + e.getMessage() + ")");
                warnings.add("variable " + name + " left out: " + unreadable.get(name));
                continue;
            }
            String scaleName = text(raw.get("NAME"));
            if (scaleName != null && scaleName.startsWith(DIMENSION_ONLY)) {
                continue;
            }
            NcType type = type(d.getDataType());
            if (type == null) {
                continue; // compound, enum, opaque, references: not data this reader serves
            }
            variables.add(new NcVariable(
                    name, type, dimensions(d, raw), attributes(raw), new Hdf5Storage(d, type, name, where)));
        }
        return new NcDataset(hdf.getFileAsPath(), "NetCDF-4", globals, variables, warnings, unreadable, hdf::close);
    }

    private void collect(Group group, List<Dataset> out) throws DataFormatException {
        for (Node n : group) {
            if (n.isLink()) {
                continue;
            }
            if (n instanceof Group g) {
                collect(g, out);
            } else if (n instanceof Dataset d) {
                out.add(d);
                byAddress.put(d.getAddress(), d);
                try {
                    Map<String, Attribute> atts = hdfAttributes(d);
                    if (atts.containsKey("DIMENSION_LIST")
                            || atts.containsKey("_Netcdf4Dimid")
                            || "DIMENSION_SCALE".equals(text(atts.get("CLASS")))) {
                        netcdf4Markers = true;
                    }
                } catch (UnsupportedDataException e) {
                    // reported when the variable is built
                }
            }
        }
    }

    /**
     * The attributes of a node through jHDF, else through {@link DenseAttributes} where jHDF 0.13.0 fails on
     * the fractal heap of dense attribute storage (GOES ABI root attributes, FDC "Mask").
     */
    private Map<String, Attribute> hdfAttributes(Node n) throws DataFormatException {
        Map<String, Attribute> cached = attributesByAddress.get(n.getAddress());
        if (cached != null) {
            return cached;
        }
        Map<String, Attribute> attributes;
        try {
            attributes = n.getAttributes();
        } catch (HdfException e) {
            try {
                attributes = DenseAttributes.read(hdf.getHdfBackingStorage(), n, where);
            } catch (UnsupportedDataException u) {
                throw new UnsupportedDataException(u.getMessage() + "; jHDF: " + rootCause(e));
            }
        }
        attributesByAddress.put(n.getAddress(), attributes);
        return attributes;
    }

    private static String variableName(Node n) {
        String path = n.getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (last.startsWith(NON_COORDINATE_PREFIX)) {
            last = last.substring(NON_COORDINATE_PREFIX.length());
        }
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + last;
    }

    private List<NcDimension> dimensions(Dataset d, Map<String, Attribute> attributes) throws DataFormatException {
        long[] shape = d.isScalar() ? new long[0] : d.getDimensionsAsLong();
        long[] max = d.isScalar() ? new long[0] : d.getMaxSize();
        List<NcDimension> dims = new ArrayList<>();
        Attribute list = attributes.get("DIMENSION_LIST");
        Object[] refs = list != null ? (Object[]) list.getData() : null;
        for (int k = 0; k < shape.length; k++) {
            String name;
            if (refs != null && k < refs.length) {
                name = dimensionName(refs[k], d, k);
            } else if ("DIMENSION_SCALE".equals(text(attributes.get("CLASS"))) && shape.length == 1) {
                name = variableName(d);
            } else {
                name = "phony_dim_" + k;
            }
            boolean unlimited = max != null && k < max.length && max[k] < 0;
            dims.add(new NcDimension(name, shape[k], unlimited));
        }
        return dims;
    }

    private String dimensionName(Object ref, Dataset d, int k) throws DataFormatException {
        Object first = ref;
        while (first != null && first.getClass().isArray()) {
            first = Array.getLength(first) > 0 ? Array.get(first, 0) : null;
        }
        if (!(first instanceof Number address)) {
            throw new DataFormatException(where + "variable " + variableName(d) + ": dimension " + k
                    + " has an unreadable DIMENSION_LIST reference");
        }
        Dataset scale = byAddress.get(address.longValue());
        if (scale == null) {
            Node node = hdf.getNodeByAddress(address.longValue());
            return variableName(node);
        }
        String name = variableName(scale);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static NcType type(DataType t) {
        if (t instanceof FixedPoint f) {
            NcType signed = switch (f.getSize()) {
                case 1 -> NcType.BYTE;
                case 2 -> NcType.SHORT;
                case 4 -> NcType.INT;
                case 8 -> NcType.INT64;
                default -> null;
            };
            return signed == null || f.isSigned() ? signed : signed.asUnsigned();
        }
        if (t instanceof FloatingPoint f) {
            return f.getSize() == 4 ? NcType.FLOAT : f.getSize() == 8 ? NcType.DOUBLE : null;
        }
        if (t instanceof StringData || t instanceof VariableLength) {
            return NcType.STRING;
        }
        return null;
    }

    private static Map<String, NcAttribute> attributes(Map<String, Attribute> attributes) {
        Map<String, NcAttribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : attributes.entrySet()) {
            String name = e.getKey();
            if (INTERNAL.contains(name)) {
                continue;
            }
            NcAttribute a = attribute(name, e.getValue());
            if (a != null) {
                out.put(name, a);
            }
        }
        return out;
    }

    private static NcAttribute attribute(String name, Attribute a) {
        if (a.isEmpty()) {
            return NcAttribute.text(name, "");
        }
        Object data = a.getData();
        NcType type = type(a.getDataType());
        if (data instanceof String s) {
            return NcAttribute.text(name, s);
        }
        if (data instanceof String[] strings) {
            return NcAttribute.text(name, String.join(",", strings));
        }
        if (type == null || !type.numeric) {
            return null;
        }
        double[] values;
        if (data instanceof Number number) {
            values = new double[] {number.doubleValue()};
        } else if (data != null && data.getClass().isArray()) {
            values = new double[Array.getLength(data)];
            for (int k = 0; k < values.length; k++) {
                Object v = Array.get(data, k);
                if (!(v instanceof Number number)) {
                    return null;
                }
                values[k] = number.doubleValue();
            }
        } else {
            return null;
        }
        if (type.unsigned()) {
            double wrap = Math.scalb(1.0, 8 * type.size);
            for (int k = 0; k < values.length; k++) {
                if (values[k] < 0) {
                    values[k] += wrap;
                }
            }
        }
        return NcAttribute.numbers(name, type, values);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    private static String text(Attribute a) {
        if (a == null) {
            return null;
        }
        Object data = a.getData();
        return data instanceof String s ? s : null;
    }
}
