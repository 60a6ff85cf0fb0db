package org.gsweather.netcdf;

import java.nio.ByteBuffer;
import org.gsweather.field.Missing;

/**
 * CF packing and missing data of a variable (CF 1.11 sections 2.5.1 and 8.1, NUG Appendix A), applied
 * as the netCDF-C tools and netCDF4-python do: a stored value is missing when it equals
 * {@code _FillValue} (or the type's default fill value, except for bytes), one of {@code missing_value},
 * or lies outside {@code valid_range}/{@code valid_min}/{@code valid_max}, all compared in stored units;
 * without a valid range, a positive fill value is a valid maximum and any other a valid minimum.
 * Otherwise the physical value is {@code stored * scale_factor + add_offset}. {@code _Unsigned = "true"}
 * makes signed integers (and the attributes above) unsigned.
 */
final class Unpacking {
    private final NcType type;
    private final double scale;
    private final double offset;
    private final double fill;
    private final double[] missingValues;
    private final double validMin;
    private final double validMax;
    private final float[] table;

    private Unpacking(
            NcType type,
            double scale,
            double offset,
            double fill,
            double[] missingValues,
            double validMin,
            double validMax) {
        this.type = type;
        this.scale = scale;
        this.offset = offset;
        this.fill = fill;
        this.missingValues = missingValues;
        this.validMin = validMin;
        this.validMax = validMax;
        this.table = type.integral && type.size <= 2 ? table() : null;
    }

    static Unpacking of(NcVariable v) {
        boolean unsigned = v.type().unsigned() || "true".equalsIgnoreCase(v.text("_Unsigned"));
        NcType type = unsigned ? v.type().asUnsigned() : v.type();
        double scale = numberOr(v, "scale_factor", 1);
        double offset = numberOr(v, "add_offset", 0);
        NcAttribute fillAttribute = v.attribute("_FillValue");
        double fill;
        if (fillAttribute != null && fillAttribute.length() > 0 && !fillAttribute.isText()) {
            fill = stored(fillAttribute.number(), fillAttribute.type(), unsigned);
        } else {
            fill = type == NcType.BYTE || type == NcType.UBYTE ? Double.NaN : type.defaultFill();
        }
        NcAttribute missing = v.attribute("missing_value");
        double[] missingValues = new double[0];
        if (missing != null && !missing.isText()) {
            missingValues = missing.numbers().clone();
            for (int k = 0; k < missingValues.length; k++) {
                missingValues[k] = stored(missingValues[k], missing.type(), unsigned);
            }
        }
        double validMin = Double.NaN;
        double validMax = Double.NaN;
        NcAttribute range = v.attribute("valid_range");
        if (range != null && !range.isText() && range.length() == 2) {
            validMin = stored(range.numbers()[0], range.type(), unsigned);
            validMax = stored(range.numbers()[1], range.type(), unsigned);
        } else {
            NcAttribute min = v.attribute("valid_min");
            NcAttribute max = v.attribute("valid_max");
            if (min != null && !min.isText()) {
                validMin = stored(min.number(), min.type(), unsigned);
            }
            if (max != null && !max.isText()) {
                validMax = stored(max.number(), max.type(), unsigned);
            }
        }
        if (Double.isNaN(validMin) && !Double.isNaN(fill) && fill <= 0) {
            validMin = fill;
        }
        if (Double.isNaN(validMax) && !Double.isNaN(fill) && fill > 0) {
            validMax = fill;
        }
        return new Unpacking(
                type,
                scale,
                offset,
                fill,
                missingValues,
                Double.isNaN(validMin) ? Double.NEGATIVE_INFINITY : validMin,
                Double.isNaN(validMax) ? Double.POSITIVE_INFINITY : validMax);
    }

    private static double numberOr(NcVariable v, String name, double otherwise) {
        double d = v.number(name);
        return Double.isNaN(d) ? otherwise : d;
    }

    /** An attribute value in the variable's stored units, unsigned when the variable is. */
    private static double stored(double value, NcType attributeType, boolean unsigned) {
        if (unsigned && value < 0 && attributeType.integral && !attributeType.unsigned()) {
            return value + Math.scalb(1.0, 8 * attributeType.size);
        }
        return value;
    }

    NcType type() {
        return type;
    }

    boolean packed() {
        return scale != 1 || offset != 0;
    }

    double scale() {
        return scale;
    }

    double offset() {
        return offset;
    }

    boolean isMissing(double stored) {
        if (stored != stored || stored == fill || stored < validMin || stored > validMax) {
            return true;
        }
        for (double m : missingValues) {
            if (stored == m) {
                return true;
            }
        }
        return false;
    }

    /** The physical value of a stored value, or NaN when missing. */
    double physical(double stored) {
        return isMissing(stored) ? Double.NaN : stored * scale + offset;
    }

    private float[] table() {
        int n = 1 << (8 * type.size);
        float[] t = new float[n];
        for (int code = 0; code < n; code++) {
            double stored = type.unsigned() ? code : (type.size == 1 ? (byte) code : (short) code);
            double v = physical(stored);
            t[code] = v != v ? Missing.VALUE : (float) v;
        }
        return t;
    }

    /** A sink that writes physical values as floats, {@link Missing#VALUE} where missing. */
    ElementSink floats(float[] out) {
        return new ElementSink() {
            @Override
            public void accept(ByteBuffer src, int at, int dst, int n) {
                toFloats(src, at, out, dst, n);
            }

            @Override
            public void fill(int dst, int n) {
                float v = (float) physical(fill);
                java.util.Arrays.fill(out, dst, dst + n, v != v ? Missing.VALUE : v);
            }
        };
    }

    /** A sink that writes physical values as doubles, NaN where missing. */
    ElementSink doubles(double[] out) {
        return new ElementSink() {
            @Override
            public void accept(ByteBuffer src, int at, int dst, int n) {
                for (int k = 0; k < n; k++) {
                    out[dst + k] = physical(storedAt(src, at, k));
                }
            }

            @Override
            public void fill(int dst, int n) {
                java.util.Arrays.fill(out, dst, dst + n, physical(fill));
            }
        };
    }

    /** Element {@code k} of a run, as a stored value. */
    private double storedAt(ByteBuffer src, int at, int k) {
        return switch (type) {
            case BYTE -> src.get(at + k);
            case UBYTE -> src.get(at + k) & 0xff;
            case SHORT -> src.getShort(at + 2 * k);
            case USHORT -> src.getShort(at + 2 * k) & 0xffff;
            case INT -> src.getInt(at + 4 * k);
            case UINT -> src.getInt(at + 4 * k) & 0xffffffffL;
            case INT64 -> src.getLong(at + 8 * k);
            case UINT64 -> unsignedLong(src.getLong(at + 8 * k));
            case FLOAT -> src.getFloat(at + 4 * k);
            case DOUBLE -> src.getDouble(at + 8 * k);
            default -> throw new IllegalStateException("not a numeric type: " + type);
        };
    }

    private static double unsignedLong(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    /** The hot path: stored elements to physical floats. */
    void toFloats(ByteBuffer src, int at, float[] out, int dst, int n) {
        float[] t = table;
        switch (type) {
            case BYTE, UBYTE -> {
                if (src.hasArray()) {
                    byte[] a = src.array();
                    int p = src.arrayOffset() + at;
                    for (int k = 0; k < n; k++) {
                        out[dst + k] = t[a[p + k] & 0xff];
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        out[dst + k] = t[src.get(at + k) & 0xff];
                    }
                }
            }
            case SHORT, USHORT -> {
                if (src.hasArray()) {
                    shortsToFloats(
                            src.array(),
                            src.arrayOffset() + at,
                            src.order() == java.nio.ByteOrder.LITTLE_ENDIAN,
                            out,
                            dst,
                            n);
                } else {
                    for (int k = 0; k < n; k++) {
                        out[dst + k] = t[src.getShort(at + 2 * k) & 0xffff];
                    }
                }
            }
            case FLOAT -> {
                boolean plain = !packed();
                for (int k = 0; k < n; k++) {
                    float s = src.getFloat(at + 4 * k);
                    if (isMissing(s)) {
                        out[dst + k] = Missing.VALUE;
                    } else {
                        out[dst + k] = plain ? s : (float) (s * scale + offset);
                    }
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    double v = physical(storedAt(src, at, k));
                    out[dst + k] = v != v ? Missing.VALUE : (float) v;
                }
            }
        }
    }

    /** Converts shorts stored little- or big-endian in a byte array (an inflated, unshuffled chunk). */
    void shortsToFloats(byte[] src, int at, boolean littleEndian, float[] out, int dst, int n) {
        float[] t = table;
        if (littleEndian) {
            for (int k = 0, p = at; k < n; k++, p += 2) {
                out[dst + k] = t[(src[p] & 0xff) | (src[p + 1] & 0xff) << 8];
            }
        } else {
            for (int k = 0, p = at; k < n; k++, p += 2) {
                out[dst + k] = t[(src[p] & 0xff) << 8 | (src[p + 1] & 0xff)];
            }
        }
    }
}
