package org.gsweather.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The real operational files of {@code ../shared/testdata} (override with {@code
 * -Dgsweather.testdata=DIR}). Tests that need them are skipped, with a message saying where they were
 * looked for, when they are absent. Compressed files ({@code .xz}, {@code .gz}) are decompressed once
 * into {@code target/testdata-cache}; nothing is ever copied into the project's sources.
 */
public final class TestData {
    private static final String PROPERTY = "gsweather.testdata";

    private TestData() {}

    /** The test data directory; skips the calling test when it is absent. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path root = configured != null ? Path.of(configured) : Path.of("../../../shared/testdata");
        assumeTrue(
                Files.isDirectory(root),
                () -> "test data not found at " + root.toAbsolutePath().normalize()
                        + ": put ../shared/testdata beside the repository or pass -D" + PROPERTY + "=DIR");
        return root;
    }

    /** Whether the test data directory exists, for building parameter lists without skipping. */
    public static boolean available() {
        String configured = System.getProperty(PROPERTY);
        return configured != null && Files.isDirectory(Path.of(configured));
    }

    /**
     * A test file by its path relative to the test data directory, decompressed when it ends in
     * {@code .xz} or {@code .gz}; skips the calling test when it is absent.
     */
    public static Path file(String relative) {
        Path source = root().resolve(relative);
        assumeTrue(Files.isRegularFile(source), () -> "test file missing: " + source.toAbsolutePath());
        String name = source.getFileName().toString();
        if (!name.endsWith(".xz") && !name.endsWith(".gz")) {
            return source;
        }
        Path cache = cacheDir().resolve(relative.substring(0, relative.length() - 3));
        synchronized (TestData.class) {
            try {
                if (!Files.exists(cache)
                        || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(source)) < 0) {
                    Files.createDirectories(cache.getParent());
                    Path tmp = Files.createTempFile(cache.getParent(), name, ".part");
                    try (InputStream in = Files.newInputStream(source);
                            InputStream dec = name.endsWith(".xz") ? new XZInputStream(in) : new GZIPInputStream(in)) {
                        Files.copy(dec, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decompress " + source, e);
            }
        }
        return cache;
    }

    /** Raw float32 values of a file (decompressed as {@link #file}). */
    public static float[] floats(String relative, ByteOrder order) {
        return readFloats(file(relative), order);
    }

    /** Raw float32 values of any file. */
    public static float[] readFloats(Path path, ByteOrder order) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            float[] values = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(order).asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scratch directory of the module's build, for decompressed and generated files. */
    public static Path cacheDir() {
        return Path.of("target", "testdata-cache").toAbsolutePath();
    }
}
