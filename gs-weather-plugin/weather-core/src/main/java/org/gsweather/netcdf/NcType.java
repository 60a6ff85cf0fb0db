package org.gsweather.netcdf;

/** Element types of NetCDF variables and attributes (NetCDF-3 classic/CDF-5 codes, and HDF5 equivalents). */
enum NcType {
    BYTE(1, true, true),
    CHAR(1, false, false),
    SHORT(2, true, true),
    INT(4, true, true),
    FLOAT(4, true, false),
    DOUBLE(8, true, false),
    UBYTE(1, true, true),
    USHORT(2, true, true),
    UINT(4, true, true),
    INT64(8, true, true),
    UINT64(8, true, true),
    STRING(0, false, false);

    final int size;
    final boolean numeric;
    final boolean integral;

    NcType(int size, boolean numeric, boolean integral) {
        this.size = size;
        this.numeric = numeric;
        this.integral = integral;
    }

    /** The type of a NetCDF-3/CDF-5 header code ({@code NC_BYTE} = 1 ... {@code NC_UINT64} = 11), or null. */
    static NcType ofCode(int code) {
        return switch (code) {
            case 1 -> BYTE;
            case 2 -> CHAR;
            case 3 -> SHORT;
            case 4 -> INT;
            case 5 -> FLOAT;
            case 6 -> DOUBLE;
            case 7 -> UBYTE;
            case 8 -> USHORT;
            case 9 -> UINT;
            case 10 -> INT64;
            case 11 -> UINT64;
            default -> null;
        };
    }

    boolean unsigned() {
        return this == UBYTE || this == USHORT || this == UINT || this == UINT64;
    }

    /** The unsigned type of the same size (for {@code _Unsigned = "true"}), or this type. */
    NcType asUnsigned() {
        return switch (this) {
            case BYTE -> UBYTE;
            case SHORT -> USHORT;
            case INT -> UINT;
            case INT64 -> UINT64;
            default -> this;
        };
    }

    /** NetCDF default fill value of the type ({@code NC_FILL_*} of netcdf.h). */
    double defaultFill() {
        return switch (this) {
            case BYTE -> -127;
            case UBYTE -> 255;
            case SHORT -> -32767;
            case USHORT -> 65535;
            case INT -> -2147483647;
            case UINT -> 4294967295.0;
            case INT64 -> -9223372036854775806.0;
            case UINT64 -> 18446744073709551614.0;
            case FLOAT -> 9.9692099683868690e+36f;
            case DOUBLE -> 9.9692099683868690e+36;
            default -> Double.NaN;
        };
    }

    String cdlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
