package org.gsweather;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.FieldFile;
import org.gsweather.grib2.Grib2File;
import org.gsweather.netcdf.NetcdfFile;

/** Opens a data file by what it contains, not by its name. */
public final class FieldFiles {
    private FieldFiles() {}

    /**
     * Opens a GRIB2 or NetCDF file (NetCDF-3 {@code CDF\001}, {@code CDF\002}, {@code CDF\005}; NetCDF-4
     * by the HDF5 signature): the format is recognized from the first bytes.
     *
     * @throws DataFormatException when the file is of no supported format, naming the file
     */
    public static FieldFile open(Path path) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return switch (Format.of(head, n)) {
            case NETCDF -> NetcdfFile.open(path);
            case GRIB, UNKNOWN -> Grib2File.open(path); // GRIB2 also finds messages after leading junk
        };
    }

    /** File formats recognized by their magic numbers. */
    enum Format {
        GRIB,
        NETCDF,
        UNKNOWN;

        private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

        static Format of(byte[] head, int n) {
            if (n >= 4 && head[0] == 'G' && head[1] == 'R' && head[2] == 'I' && head[3] == 'B') {
                return GRIB;
            }
            if (n >= 4
                    && head[0] == 'C'
                    && head[1] == 'D'
                    && head[2] == 'F'
                    && (head[3] == 1 || head[3] == 2 || head[3] == 5)) {
                return NETCDF;
            }
            if (n >= 8 && java.util.Arrays.equals(head, 0, 8, HDF5, 0, 8)) {
                return NETCDF;
            }
            return UNKNOWN;
        }
    }
}
