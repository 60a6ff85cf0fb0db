package org.gsweather.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file seen through memory mapping, of any size: regions up to 2 GiB each are handed out
 * as big-endian {@link ByteBuffer}s that the caller may read concurrently with absolute gets. Files
 * below 1 GiB are mapped once; larger ones region by region on demand. Nothing is read into the heap
 * until touched.
 */
public final class MappedFile implements Closeable {
    private static final long WHOLE_MAPPING_LIMIT = 1L << 30;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final MappedByteBuffer whole;

    private MappedFile(Path path, FileChannel channel, long wholeMappingLimit) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
        this.whole = size > 0 && size <= wholeMappingLimit ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size) : null;
    }

    public static MappedFile open(Path path) throws IOException {
        return open(path, WHOLE_MAPPING_LIMIT);
    }

    /** Opens with another threshold between one whole mapping and mappings per region (for tests). */
    static MappedFile open(Path path, long wholeMappingLimit) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new MappedFile(path, channel, wholeMappingLimit);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /**
     * The bytes {@code [offset, offset + length)} as a big-endian buffer positioned at 0.
     *
     * @throws IllegalArgumentException when the region is not inside the file
     */
    public ByteBuffer region(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || length > Integer.MAX_VALUE || offset + length > size) {
            throw new IllegalArgumentException(
                    "region [" + offset + ", " + (offset + length) + ") outside " + path + " of " + size + " bytes");
        }
        ByteBuffer b;
        if (whole != null) {
            b = whole.slice((int) offset, (int) length);
        } else {
            b = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
        }
        return b.order(ByteOrder.BIG_ENDIAN);
    }

    /** Reads up to {@code dst.remaining()} bytes at {@code offset} without mapping (for small headers). */
    public int read(ByteBuffer dst, long offset) throws IOException {
        if (whole != null) {
            int n = (int) Math.min(dst.remaining(), size - offset);
            if (n <= 0) {
                return -1;
            }
            dst.put(whole.slice((int) offset, n));
            return n;
        }
        return channel.read(dst, offset);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
