package org.gsweather.codec.png;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.gsweather.codec.SampleSink;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;
import org.gsweather.field.UnsupportedDataException;

/**
 * Decodes a PNG image (ISO/IEC 15948, as GRIB2 template 5.41 embeds it) into one integer sample per
 * pixel, handed to a {@link SampleSink} a row at a time: the grey sample (1, 2, 4, 8 or 16 bits),
 * {@code R<<16 | G<<8 | B} for 8-bit RGB or {@code R<<24 | G<<16 | B<<8 | A} (unsigned) for 8-bit
 * RGBA, as ecCodes and wgrib2 read them. The sample layout is the IHDR's alone: ecCodes, for one,
 * writes values of 12 bits per value as 16-bit grey. The image data are inflated one row at a time
 * into two row buffers; every chunk's CRC is checked (CRC32 is an intrinsic: well under a millisecond
 * for MRMS), as is the zlib stream's Adler-32. Adam7 interlacing is supported; octets after IEND are
 * ignored.
 *
 * <p>With a {@link DecodePool}, a large image that is not interlaced decodes on two threads: one
 * inflates the rows (zlib, a third to a half of the work, cannot be split), the other unfilters them
 * and hands their samples on, a block of rows behind. When no second thread is free, the inflating one
 * unfilters the blocks itself.
 */
public final class PngDecoder {
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    /** Adam7 passes (8.2): first column, first row, column step, row step. */
    private static final int[][] ADAM7 = {
        {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}
    };

    private final ByteBuffer png;
    private final SampleSink sink;
    private PngHeader header;
    private int firstIdat = -1;
    private int idatEnd;
    private int nextIdat;
    private Inflater inflater;
    private byte[] row;
    private byte[] prev;
    /** The samples of one row. */
    private int[] samples;

    private int rowsDone;

    private PngDecoder(ByteBuffer png, SampleSink sink) {
        this.png = png;
        this.sink = sink;
    }

    /**
     * Decodes the PNG file {@code png} (from its position to its limit), which must have {@code count}
     * pixels, into {@code sink}.
     *
     * @throws DataFormatException when the file is malformed, or {@link UnsupportedDataException} when
     *     its layout holds no integer samples (palette, grey with alpha, 16-bit colour)
     */
    public static void decode(ByteBuffer png, int count, SampleSink sink) throws DataFormatException {
        decode(png, count, sink, DecodePool.sequential());
    }

    /** {@link #decode(ByteBuffer, int, SampleSink)} with the help of {@code pool} for large images. */
    public static void decode(ByteBuffer png, int count, SampleSink sink, DecodePool pool) throws DataFormatException {
        new PngDecoder(png.slice(), sink).decode(count, pool);
    }

    private void decode(int count, DecodePool pool) throws DataFormatException {
        readChunks();
        PngHeader h = header;
        if ((long) h.width() * h.height() != count) {
            throw new DataFormatException("PNG image of " + h.width() + " x " + h.height() + " = "
                    + (long) h.width() * h.height() + " pixels but section 5 announces " + count + " values");
        }
        checkLayout(h);
        long rowBytes = h.rowBytes(h.width());
        if (rowBytes > Integer.MAX_VALUE - 16) {
            throw new UnsupportedDataException("PNG rows of " + rowBytes + " octets are too long");
        }
        row = new byte[(int) rowBytes + 1];
        prev = new byte[(int) rowBytes + 1];
        samples = new int[h.width()];
        inflater = new Inflater();
        try {
            nextIdat = firstIdat;
            if (h.interlaced()) {
                for (int[] pass : ADAM7) {
                    pass(pass[0], pass[1], pass[2], pass[3]);
                }
            } else if (pool.parts(count) > 1 && h.height() > 1) {
                new Pipeline((int) rowBytes).run(pool);
            } else {
                pass(0, 0, 1, 1);
            }
            checkEnd();
        } finally {
            inflater.end();
        }
    }

    /** Walks the chunks up to IEND (5.3), checking CRCs, order and the IHDR. */
    private void readChunks() throws DataFormatException {
        int limit = png.limit();
        if (limit < 8 || u8(0) != SIGNATURE) {
            throw new DataFormatException("section 7 does not start with the PNG signature");
        }
        CRC32 crc = new CRC32();
        boolean idatClosed = false;
        int pos = 8;
        while (true) {
            if (pos == limit) {
                throw new DataFormatException("PNG ends at octet " + pos + " without an IEND chunk");
            }
            if (limit - pos < 12) {
                throw new DataFormatException("PNG truncated: " + (limit - pos) + " octets at octet " + pos
                        + " cannot hold a chunk (12 octets at least)");
            }
            long length = u4(png, pos);
            int type = png.get(pos + 4) << 24
                    | (png.get(pos + 5) & 0xff) << 16
                    | (png.get(pos + 6) & 0xff) << 8
                    | (png.get(pos + 7) & 0xff);
            String name = chunkName(type);
            if (name == null) {
                throw new DataFormatException("PNG chunk at octet " + pos + " has an invalid type");
            }
            if (length > limit - pos - 12) {
                throw new DataFormatException("PNG chunk " + name + " at octet " + pos + " declares " + length
                        + " data octets but only " + Math.max(0, limit - pos - 12) + " remain: truncated");
            }
            int data = pos + 8;
            int end = data + (int) length;
            crc.reset();
            crc.update(png.slice(pos + 4, (int) length + 4));
            if (crc.getValue() != u4(png, end)) {
                throw new DataFormatException("PNG chunk " + name + " at octet " + pos + " fails its CRC check");
            }
            if (pos == 8 && type != IHDR) {
                throw new DataFormatException("PNG starts with chunk " + name + " instead of IHDR");
            }
            switch (type) {
                case IHDR -> {
                    if (pos != 8) {
                        throw new DataFormatException("PNG has a second IHDR chunk at octet " + pos);
                    }
                    header = PngHeader.read(png, data, length);
                }
                case IDAT -> {
                    if (idatClosed) {
                        throw new DataFormatException("PNG IDAT chunks are not consecutive (octet " + pos + ")");
                    }
                    if (firstIdat < 0) {
                        firstIdat = pos;
                    }
                    idatEnd = end + 4;
                }
                case IEND -> {
                    if (firstIdat < 0) {
                        throw new DataFormatException("PNG has no IDAT chunk");
                    }
                    return;
                }
                default -> {
                    idatClosed = firstIdat >= 0;
                    boolean critical = (type & 0x20000000) == 0;
                    if (critical && type != PLTE) {
                        throw new UnsupportedDataException("PNG critical chunk " + name + " is not supported");
                    }
                }
            }
            pos = end + 4;
        }
    }

    private static void checkLayout(PngHeader h) throws DataFormatException {
        boolean grey = h.colourType() == PngHeader.GREY;
        boolean colour8 = (h.colourType() == PngHeader.RGB || h.colourType() == PngHeader.RGBA) && h.bitDepth() == 8;
        if (!grey && !colour8) {
            throw new UnsupportedDataException("PNG of colour type " + h.colourType() + " and bit depth " + h.bitDepth()
                    + " does not hold GRIB2 values (grey 1 to 16 bits, 8-bit RGB or 8-bit RGBA)");
        }
    }

    /** Decodes one pass: the pixels at columns x0 + k*dx of rows y0 + j*dy. */
    private void pass(int x0, int y0, int dx, int dy) throws DataFormatException {
        PngHeader h = header;
        int width = h.width() > x0 ? (h.width() - x0 + dx - 1) / dx : 0;
        int height = h.height() > y0 ? (h.height() - y0 + dy - 1) / dy : 0;
        if (width == 0 || height == 0) {
            return;
        }
        int n = (int) h.rowBytes(width);
        int step = h.filterStep();
        Arrays.fill(prev, 0, n + 1, (byte) 0);
        for (int j = 0; j < height; j++) {
            inflateRow(row, 0, n + 1);
            PngFilter.undo(row, prev, n, step);
            samples(row, width, samples);
            sink.accept(samples, width, (y0 + j * dy) * h.width() + x0, dx);
            byte[] t = prev;
            prev = row;
            row = t;
            rowsDone++;
        }
    }

    /** Inflates the next row of {@code length} octets into {@code dst[at..]} and checks its filter type. */
    private void inflateRow(byte[] dst, int at, int length) throws DataFormatException {
        int done = 0;
        while (done < length) {
            int k;
            try {
                k = inflater.inflate(dst, at + done, length - done);
            } catch (java.util.zip.DataFormatException e) {
                throw new DataFormatException("PNG image data are not a valid zlib stream: " + e.getMessage());
            }
            if (k > 0) {
                done += k;
            } else if (inflater.finished()) {
                throw new DataFormatException(
                        "PNG image data end after " + rowsDone + " complete rows, before the image is complete");
            } else {
                needInput();
            }
        }
        int filter = dst[at] & 0xff;
        if (filter > PngFilter.PAETH) {
            throw new DataFormatException("PNG row " + rowsDone + " has filter type " + filter + " (0 to 4 exist)");
        }
    }

    /** Gives the inflater the next non-empty IDAT chunk; false when there is none. */
    private boolean feed() {
        while (nextIdat < idatEnd) {
            int pos = nextIdat;
            int length = (int) u4(png, pos);
            nextIdat = pos + 12 + length;
            if (length > 0) {
                inflater.setInput(png.slice(pos + 8, length));
                return true;
            }
        }
        return false;
    }

    /** After the last row the zlib stream must end (checking its Adler-32) without further data. */
    private void checkEnd() throws DataFormatException {
        while (!inflater.finished()) {
            int k;
            try {
                k = inflater.inflate(row, 0, row.length);
            } catch (java.util.zip.DataFormatException e) {
                throw new DataFormatException("PNG image data are not a valid zlib stream: " + e.getMessage());
            }
            if (k > 0) {
                throw new DataFormatException("PNG image data hold more than the " + rowsDone + " rows of the image");
            }
            if (!inflater.finished()) {
                needInput();
            }
        }
    }

    /** Feeds the inflater when it needs input and fails when it cannot progress otherwise. */
    private void needInput() throws DataFormatException {
        if (inflater.needsDictionary()) {
            throw new DataFormatException("PNG image data need a preset zlib dictionary");
        }
        if (!inflater.needsInput()) {
            throw new DataFormatException("PNG image data: the inflater stopped after " + rowsDone + " rows");
        }
        if (!feed()) {
            throw new DataFormatException(
                    "PNG IDAT chunks end after " + rowsDone + " complete rows, in the middle of the zlib stream");
        }
    }

    /** The {@code count} samples of the unfiltered row {@code r} (its filter octet first) into {@code o}. */
    private void samples(byte[] r, int count, int[] o) {
        switch (header.bitsPerPixel()) {
            case 16 -> {
                for (int k = 0; k < count; k++) {
                    o[k] = (r[2 * k + 1] & 0xff) << 8 | (r[2 * k + 2] & 0xff);
                }
            }
            case 8 -> {
                for (int k = 0; k < count; k++) {
                    o[k] = r[k + 1] & 0xff;
                }
            }
            case 24 -> {
                for (int k = 0; k < count; k++) {
                    int i = 3 * k + 1;
                    o[k] = (r[i] & 0xff) << 16 | (r[i + 1] & 0xff) << 8 | (r[i + 2] & 0xff);
                }
            }
            case 32 -> {
                for (int k = 0; k < count; k++) {
                    int i = 4 * k + 1;
                    o[k] = (r[i] & 0xff) << 24 | (r[i + 1] & 0xff) << 16 | (r[i + 2] & 0xff) << 8 | (r[i + 3] & 0xff);
                }
            }
            default -> {
                int depth = header.bitDepth();
                int mask = (1 << depth) - 1;
                for (int k = 0; k < count; k++) {
                    int bit = k * depth;
                    o[k] = (r[1 + (bit >>> 3)] >>> (8 - depth - (bit & 7))) & mask;
                }
            }
        }
    }

    /**
     * The rows of an image that is not interlaced, inflated by one thread into a ring of blocks of rows
     * and unfiltered, a block at a time and in order, by whichever thread is free: the other thread, or
     * the inflating one when the ring is full and no other thread is unfiltering.
     */
    private final class Pipeline {
        /** Octets of inflated rows per block: small enough for the caches of both threads. */
        private static final int BLOCK_OCTETS = 1 << 17;

        private static final int SLOTS = 8;

        private final int n;
        private final int rowsPerBlock;
        private final int blocks;
        private final byte[][] slots;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition progress = lock.newCondition();
        /** Blocks inflated; blocks whose unfiltering started; blocks unfiltered (guarded by lock). */
        private int inflated;

        private int claimed;
        private int unfiltered;
        private boolean failed;

        Pipeline(int rowBytes) {
            n = rowBytes;
            rowsPerBlock = Math.max(1, BLOCK_OCTETS / (n + 1));
            blocks = (header.height() + rowsPerBlock - 1) / rowsPerBlock;
            slots = new byte[Math.min(SLOTS, blocks)][rowsPerBlock * (n + 1)];
        }

        void run(DecodePool pool) throws DataFormatException {
            Arrays.fill(prev, (byte) 0);
            pool.run(2, part -> {
                try {
                    if (part == 0) {
                        inflateAll();
                    } else {
                        unfilterAll();
                    }
                } catch (DataFormatException | RuntimeException | Error e) {
                    fail();
                    throw e;
                }
            });
        }

        private void inflateAll() throws DataFormatException {
            for (int b = 0; b < blocks; b++) {
                lock.lock();
                try {
                    while (b - unfiltered >= slots.length) { // ring full
                        if (failed) {
                            return;
                        }
                        if (!unfilterNextIfFree()) {
                            progress.awaitUninterruptibly();
                        }
                    }
                } finally {
                    lock.unlock();
                }
                byte[] slot = slots[b % slots.length];
                for (int r = 0, rows = rows(b); r < rows; r++) {
                    inflateRow(slot, r * (n + 1), n + 1);
                    rowsDone++;
                }
                lock.lock();
                try {
                    inflated++;
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        private void unfilterAll() {
            lock.lock();
            try {
                while (unfiltered < blocks && !failed) {
                    if (!unfilterNextIfFree()) {
                        progress.awaitUninterruptibly();
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        /**
         * With the lock held: unfilters the next block, without the lock, when it is inflated and no one
         * is unfiltering; returns whether it did.
         */
        private boolean unfilterNextIfFree() {
            if (claimed != unfiltered || unfiltered == inflated) {
                return false;
            }
            int b = claimed++;
            lock.unlock();
            try {
                unfilter(b);
            } finally {
                lock.lock();
            }
            unfiltered++;
            progress.signalAll();
            return true;
        }

        private void unfilter(int b) {
            byte[] slot = slots[b % slots.length];
            int width = header.width();
            int step = header.filterStep();
            for (int r = 0, rows = rows(b); r < rows; r++) {
                System.arraycopy(slot, r * (n + 1), row, 0, n + 1);
                PngFilter.undo(row, prev, n, step);
                samples(row, width, samples);
                sink.accept(samples, width, (b * rowsPerBlock + r) * width, 1);
                byte[] t = prev;
                prev = row;
                row = t;
            }
        }

        private int rows(int b) {
            return Math.min(rowsPerBlock, header.height() - b * rowsPerBlock);
        }

        private void fail() {
            lock.lock();
            try {
                failed = true;
                progress.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    static long u4(ByteBuffer b, int pos) {
        return (b.get(pos) & 0xffL) << 24
                | (b.get(pos + 1) & 0xff) << 16
                | (b.get(pos + 2) & 0xff) << 8
                | (b.get(pos + 3) & 0xff);
    }

    private long u8(int pos) {
        return u4(png, pos) << 32 | u4(png, pos + 4);
    }

    /** The four letters of a chunk type (5.3), or null when they are not all ASCII letters. */
    private static String chunkName(int type) {
        char[] c = new char[4];
        for (int k = 0; k < 4; k++) {
            int b = (type >>> (24 - 8 * k)) & 0xff;
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                return null;
            }
            c[k] = (char) b;
        }
        return new String(c);
    }
}
