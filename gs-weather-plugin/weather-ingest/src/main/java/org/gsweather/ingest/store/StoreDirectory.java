package org.gsweather.ingest.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory that a GeoServer store follows. Files appear in it only whole and verified: downloads are
 * written under its hidden {@code .partial/} directory (on the same file system) and moved in with one
 * atomic rename. Names starting with a dot are never data: stores skip them.
 */
public final class StoreDirectory {
    /** Hidden directory of downloads in progress, inside the store directory. */
    public static final String PARTIAL = ".partial";

    private final Path root;
    private final Path partial;

    public StoreDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.partial = this.root.resolve(PARTIAL);
    }

    public Path root() {
        return root;
    }

    /** Creates the directory and its partial directory when missing. */
    public void create() throws IOException {
        Files.createDirectories(partial);
    }

    /** Whether a finished file of that name is in the store. */
    public boolean contains(String name) {
        return Files.isRegularFile(root.resolve(name));
    }

    /** The path of a download in progress for the file {@code name}, e.g. {@code .partial/NAME.part}. */
    public Path partial(String name, String suffix) {
        return partial.resolve(name + suffix);
    }

    /**
     * Moves a verified file from the partial directory into the store under {@code name}, atomically:
     * readers see either no file or the whole file, never a part.
     *
     * @throws IOException when the file system cannot rename atomically (the partial directory is then
     *     not on the store's file system)
     */
    public Path publish(Path verified, String name) throws IOException {
        Path target = root.resolve(name);
        try {
            Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    root + ": cannot rename atomically from " + partial + " into the store: " + e.getMessage(), e);
        }
        return target;
    }

    /** Names of the data files of the store (not hidden ones), sorted. */
    public List<String> files() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(p)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the store directory " + root, e);
        }
        names.sort(null);
        return names;
    }

    /** Names of the files in the partial directory, sorted. */
    public List<String> partialFiles() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(partial)) {
            return names;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(partial)) {
            for (Path p : dir) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + partial, e);
        }
        names.sort(null);
        return names;
    }

    /** Deletes a data file of the store; false when it was not there. */
    public boolean delete(String name) throws IOException {
        return Files.deleteIfExists(root.resolve(name));
    }

    /** Deletes a file of the partial directory; false when it was not there. */
    public boolean deletePartial(String name) throws IOException {
        return Files.deleteIfExists(partial.resolve(name));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
