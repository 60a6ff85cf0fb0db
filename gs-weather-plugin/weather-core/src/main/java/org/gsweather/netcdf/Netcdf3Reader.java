package org.gsweather.netcdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gsweather.field.DataFormatException;
import org.gsweather.io.MappedFile;

/**
 * Reads the header of a NetCDF-3 file: classic ({@code CDF\001}), 64-bit offset ({@code CDF\002}) and
 * 64-bit data ({@code CDF\005}, CDF-5), following the NetCDF file format specification. Data stay in
 * the mapping; record variables interleave one record of each per record.
 */
final class Netcdf3Reader {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;
    private static final long STREAMING = 0xFFFFFFFFL;
    private static final int MAX_HEADER_ITEMS = 1 << 20;

    private final MappedFile file;
    private final String where;
    private final ByteBuffer header;
    private final int version;

    private Netcdf3Reader(MappedFile file) throws IOException {
        this.file = file;
        this.where = file.path().getFileName() + ": ";
        this.header = file.region(0, file.size());
        this.version = header.get(3);
    }

    static NcDataset read(MappedFile file) throws IOException {
        try {
            return new Netcdf3Reader(file).read();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new DataFormatException(file.path().getFileName() + ": NetCDF-3 header is truncated at byte "
                    + file.size() + " (the file is cut short)");
        }
    }

    private NcDataset read() throws IOException {
        if (version != 1 && version != 2 && version != 5) {
            throw new DataFormatException(where + "unknown NetCDF-3 version " + version + " (CDF\\00" + version + ")");
        }
        header.position(4);
        long numrecs = size();
        List<NcDimension> dims = new ArrayList<>();
        int tag = header.getInt();
        long n = size();
        if (tag == NC_DIMENSION) {
            for (long k = 0; k < count(n, "dimensions"); k++) {
                String name = name();
                long length = size();
                dims.add(new NcDimension(name, length, length == 0));
            }
        } else if (tag != 0 || n != 0) {
            throw new DataFormatException(where + "bad NetCDF-3 header: expected the dimension list, found tag " + tag);
        }
        Map<String, NcAttribute> globals = attributes();
        tag = header.getInt();
        n = size();
        List<Pending> pending = new ArrayList<>();
        if (tag == NC_VARIABLE) {
            for (long k = 0; k < count(n, "variables"); k++) {
                String name = name();
                long rank = size();
                List<NcDimension> vdims = new ArrayList<>();
                for (long d = 0; d < count(rank, "dimensions of " + name); d++) {
                    long id = size();
                    if (id < 0 || id >= dims.size()) {
                        throw new DataFormatException(
                                where + "variable " + name + " refers to dimension " + id + " of " + dims.size());
                    }
                    vdims.add(dims.get((int) id));
                }
                Map<String, NcAttribute> atts = attributes();
                int code = header.getInt();
                NcType type = NcType.ofCode(code);
                if (type == null) {
                    throw new DataFormatException(where + "variable " + name + " has unknown type code " + code);
                }
                long vsize = version == 5 ? header.getLong() : header.getInt() & 0xffffffffL;
                long begin = version == 1 ? header.getInt() & 0xffffffffL : header.getLong();
                pending.add(new Pending(name, type, vdims, atts, vsize, begin));
            }
        } else if (tag != 0 || n != 0) {
            throw new DataFormatException(where + "bad NetCDF-3 header: expected the variable list, found tag " + tag);
        }
        return build(numrecs, dims, globals, pending);
    }

    private record Pending(
            String name,
            NcType type,
            List<NcDimension> dims,
            Map<String, NcAttribute> attributes,
            long vsize,
            long begin) {
        boolean isRecord() {
            return !dims.isEmpty() && dims.get(0).unlimited();
        }

        /** Bytes of one record (record variables) or of the whole variable, unpadded. */
        long bytes() {
            long n = type.size;
            for (int d = isRecord() ? 1 : 0; d < dims.size(); d++) {
                n *= dims.get(d).length();
            }
            return n;
        }
    }

    private NcDataset build(
            long numrecs, List<NcDimension> dims, Map<String, NcAttribute> globals, List<Pending> pending)
            throws IOException {
        long recsize = 0;
        int records = 0;
        long firstRecord = Long.MAX_VALUE;
        for (Pending p : pending) {
            if (p.isRecord()) {
                records++;
                recsize += p.vsize;
                firstRecord = Math.min(firstRecord, p.begin);
            }
        }
        if (records == 1) {
            for (Pending p : pending) {
                if (p.isRecord()) {
                    recsize = p.bytes(); // a single record variable is not padded (format spec, "Note on vsize")
                }
            }
        }
        if (numrecs == STREAMING && version != 5 || version == 5 && numrecs == -1) {
            numrecs = recsize == 0 ? 0 : (file.size() - firstRecord) / recsize;
        }
        List<NcVariable> variables = new ArrayList<>();
        for (Pending p : pending) {
            List<NcDimension> vdims = p.dims;
            if (p.isRecord()) {
                vdims = new ArrayList<>(vdims);
                vdims.set(0, new NcDimension(vdims.get(0).name(), numrecs, true));
            }
            long end = p.isRecord()
                    ? (numrecs == 0 ? p.begin : p.begin + (numrecs - 1) * recsize + p.bytes())
                    : p.begin + p.bytes();
            if (p.begin < 0 || end > file.size()) {
                throw new DataFormatException(where + "file is truncated: variable " + p.name + " needs bytes up to "
                        + end + " but the file has " + file.size());
            }
            Netcdf3Storage storage =
                    new Netcdf3Storage(file, p.name, p.type, shape(vdims), p.begin, p.isRecord() ? recsize : 0);
            variables.add(new NcVariable(p.name, p.type, vdims, p.attributes, storage));
        }
        return new NcDataset(
                file.path(),
                version == 1
                        ? "NetCDF-3 classic"
                        : version == 2 ? "NetCDF-3 64-bit offset" : "NetCDF-3 64-bit data (CDF-5)",
                globals,
                variables,
                List.of(),
                Map.of(),
                file);
    }

    private static long[] shape(List<NcDimension> dims) {
        long[] s = new long[dims.size()];
        for (int d = 0; d < s.length; d++) {
            s[d] = dims.get(d).length();
        }
        return s;
    }

    private Map<String, NcAttribute> attributes() throws DataFormatException {
        Map<String, NcAttribute> atts = new LinkedHashMap<>();
        int tag = header.getInt();
        long n = size();
        if (tag == 0 && n == 0) {
            return atts;
        }
        if (tag != NC_ATTRIBUTE) {
            throw new DataFormatException(where + "bad NetCDF-3 header: expected an attribute list, found tag " + tag);
        }
        for (long k = 0; k < count(n, "attributes"); k++) {
            String name = name();
            int code = header.getInt();
            NcType type = NcType.ofCode(code);
            if (type == null) {
                throw new DataFormatException(where + "attribute " + name + " has unknown type code " + code);
            }
            int length = count(size(), "values of attribute " + name);
            int bytes = Math.multiplyExact(length, type.size);
            if (type == NcType.CHAR) {
                byte[] text = new byte[bytes];
                header.get(text);
                atts.put(name, NcAttribute.text(name, trimNul(new String(text, StandardCharsets.UTF_8))));
            } else {
                double[] values = new double[length];
                for (int i = 0; i < length; i++) {
                    values[i] = value(type);
                }
                atts.put(name, NcAttribute.numbers(name, type, values));
            }
            pad(bytes);
        }
        return atts;
    }

    private double value(NcType type) {
        return switch (type) {
            case BYTE -> header.get();
            case UBYTE -> header.get() & 0xff;
            case SHORT -> header.getShort();
            case USHORT -> header.getShort() & 0xffff;
            case INT -> header.getInt();
            case UINT -> header.getInt() & 0xffffffffL;
            case INT64, UINT64 -> header.getLong();
            case FLOAT -> header.getFloat();
            case DOUBLE -> header.getDouble();
            default -> throw new IllegalStateException(type.toString());
        };
    }

    private static String trimNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private String name() throws DataFormatException {
        int length = count(size(), "characters of a name");
        byte[] b = new byte[length];
        header.get(b);
        pad(length);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void pad(long bytes) {
        header.position(header.position() + (int) ((4 - bytes % 4) % 4));
    }

    /** NON_NEG: 4 bytes, 8 in CDF-5. */
    private long size() {
        return version == 5 ? header.getLong() : header.getInt() & 0xffffffffL;
    }

    private int count(long n, String what) throws DataFormatException {
        if (n < 0 || n > MAX_HEADER_ITEMS || n > header.remaining()) {
            throw new DataFormatException(where + "bad NetCDF-3 header: " + n + " " + what
                    + (n > header.remaining() ? " but only " + header.remaining() + " bytes remain" : ""));
        }
        return (int) n;
    }
}
