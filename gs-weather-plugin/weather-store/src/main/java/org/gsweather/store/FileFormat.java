package org.gsweather.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/** The two formats a store serves, recognized by their first bytes (through gzip and xz compression). */
public enum FileFormat {
    GRIB2("GRIB2"),
    NETCDF("NetCDF");

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    private final String label;

    FileFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Compression a file is wrapped in, recognized by its magic number. */
    enum Compression {
        NONE,
        GZIP,
        XZ;

        static Compression of(byte[] head, int n) {
            if (n >= 2 && head[0] == 0x1f && head[1] == (byte) 0x8b) {
                return GZIP;
            }
            if (n >= 6 && Arrays.equals(head, 0, 6, XZ_MAGIC, 0, 6)) {
                return XZ;
            }
            return NONE;
        }

        InputStream open(InputStream in) throws IOException {
            return switch (this) {
                case NONE -> in;
                case GZIP -> new GZIPInputStream(in);
                case XZ -> new XZInputStream(in);
            };
        }
    }

    /**
     * The format of a file from its first bytes (decompressed when gzip or xz), or null when it is
     * neither GRIB2 nor NetCDF. GRIB2 is recognized by {@code GRIB} and edition 2.
     */
    public static FileFormat detect(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream raw = Files.newInputStream(file)) {
            n = raw.readNBytes(head, 0, head.length);
        }
        Compression c = Compression.of(head, n);
        if (c != Compression.NONE) {
            try (InputStream in = c.open(Files.newInputStream(file))) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                return null;
            }
        }
        return of(head, n);
    }

    static FileFormat of(byte[] head, int n) {
        if (n >= 8 && head[0] == 'G' && head[1] == 'R' && head[2] == 'I' && head[3] == 'B' && head[7] == 2) {
            return GRIB2;
        }
        if (n >= 4
                && head[0] == 'C'
                && head[1] == 'D'
                && head[2] == 'F'
                && (head[3] == 1 || head[3] == 2 || head[3] == 5)) {
            return NETCDF;
        }
        if (n >= 8 && Arrays.equals(head, 0, 8, HDF5, 0, 8)) {
            return NETCDF;
        }
        return null;
    }
}
