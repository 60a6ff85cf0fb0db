package org.gsweather.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.gsweather.FieldFiles;
import org.gsweather.field.Field;
import org.gsweather.field.FieldFile;

/**
 * One file a store serves: opened once, its index kept in memory for as long as the file is in the
 * store. A compressed file (gzip, xz: MRMS is published gzipped) is decompressed once into the store's
 * spool directory, never next to the data. Identity is the object: a file that changes on disk is a
 * new {@code StoreFile}.
 */
public final class StoreFile implements Closeable {
    private final Path path;
    private final long size;
    private final Instant modified;
    private final FieldFile file;
    private final Path spooled;
    private final Instant run;

    private StoreFile(Path path, long size, Instant modified, FieldFile file, Path spooled) {
        this.path = path;
        this.size = size;
        this.modified = modified;
        this.file = file;
        this.spooled = spooled;
        Instant newest = null;
        for (Field f : file.fields()) {
            Instant r = f.info().referenceTime();
            if (newest == null || r.isAfter(newest)) {
                newest = r;
            }
        }
        this.run = newest;
    }

    /**
     * Opens a file and reads its index.
     *
     * @param spool where compressed files are decompressed to
     * @throws IOException when the file cannot be read; the message names the file and what is wrong
     */
    static StoreFile open(Path path, long size, Instant modified, Path spool) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        FileFormat.Compression compression = FileFormat.Compression.of(head, n);
        Path readable = path;
        Path spooled = null;
        if (compression != FileFormat.Compression.NONE) {
            Files.createDirectories(spool);
            spooled = Files.createTempFile(spool, path.getFileName().toString(), ".raw");
            try (InputStream in = compression.open(Files.newInputStream(path))) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(spooled);
                throw new IOException(
                        compression.name().toLowerCase() + " stream is damaged or cut short: " + e.getMessage(), e);
            }
            readable = spooled;
        }
        try {
            FieldFile opened = FieldFiles.open(readable);
            if (opened.fields().isEmpty()) {
                opened.close();
                throw new IOException("no fields");
            }
            return new StoreFile(path, size, modified, opened, spooled);
        } catch (IOException | RuntimeException e) {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public Instant modified() {
        return modified;
    }

    /** The newest reference time (model run, observation time) of the file's fields. */
    public Instant run() {
        return run;
    }

    public FieldFile file() {
        return file;
    }

    public List<? extends Field> fields() {
        return file.fields();
    }

    @Override
    public void close() throws IOException {
        try {
            file.close();
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
