package org.gsweather;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.FieldFile;
import org.gsweather.grib2.Grib2File;

/** Opens a data file by what it contains, not by its name. */
public final class FieldFiles {
    private FieldFiles() {}

    /**
     * Opens a GRIB2 file (or, later, NetCDF): the format is recognized from the first bytes.
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
            case GRIB, UNKNOWN -> Grib2File.open(path); // GRIB2 also finds messages after leading junk
        };
    }

    /** File formats recognized by their magic numbers. */
    enum Format {
        GRIB,
        UNKNOWN;

        static Format of(byte[] head, int n) {
            if (n >= 4 && head[0] == 'G' && head[1] == 'R' && head[2] == 'I' && head[3] == 'B') {
                return GRIB;
            }
            return UNKNOWN;
        }
    }
}
