package org.gsweather.grib2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.FieldFile;
import org.gsweather.io.MappedFile;

/**
 * A GRIB2 file, memory-mapped and indexed: every field of every message, identified and georeferenced,
 * values decoded on demand. Opening scans the section headers only; the data sections are not touched.
 * Thread-safe; close it to release the mapping.
 */
public final class Grib2File implements FieldFile {
    private final MappedFile mapped;
    private final List<Grib2Field> fields;

    private Grib2File(MappedFile mapped) throws IOException {
        this.mapped = mapped;
        this.fields = new Grib2Scanner(this).scan();
    }

    /**
     * Opens and indexes a GRIB2 file.
     *
     * @throws DataFormatException when the file is not GRIB2, or a message is truncated or malformed; the
     *     message names the file, the message number and offset, and what is wrong
     */
    public static Grib2File open(Path path) throws IOException {
        MappedFile mapped = MappedFile.open(path);
        try {
            return new Grib2File(mapped);
        } catch (IOException | RuntimeException e) {
            mapped.close();
            throw e;
        }
    }

    @Override
    public Path path() {
        return mapped.path();
    }

    /** All fields in file order. */
    @Override
    public List<Grib2Field> fields() {
        return fields;
    }

    /**
     * Field by number, counted from 1.
     *
     * @throws IllegalArgumentException naming the valid range when there is no such field
     */
    public Grib2Field field(int number) {
        if (number < 1 || number > fields.size()) {
            throw new IllegalArgumentException(path().getFileName() + ": no field " + number + "; the file has "
                    + fields.size() + " field" + (fields.size() == 1 ? "" : "s"));
        }
        return fields.get(number - 1);
    }

    MappedFile mapped() {
        return mapped;
    }

    @Override
    public void close() throws IOException {
        mapped.close();
    }
}
