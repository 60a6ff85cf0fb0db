package org.gsweather.netcdf;

import io.jhdf.Superblock;
import io.jhdf.checksum.ChecksumUtils;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/**
 * The managed objects of an HDF5 fractal heap (File Format Specification III.G), found by heap ID: the
 * object's heap offset selects a row and column of the root indirect block's doubling table, and rows too
 * large for a direct block lead to child indirect blocks with doubling tables of their own. Every block on
 * the way is checked (signature, owning heap, heap offset, checksum), so a corrupt heap fails instead of
 * returning wrong bytes. Heaps with I/O filters, and huge or tiny objects, are not supported.
 */
final class FractalHeapObjects {
    private static final int CHECKSUM = 4;

    private final HdfBackingStorage storage;
    private final long address;
    private final String where;
    private final int sizeOfOffsets;
    private final long undefinedAddress;
    private final int idLength;
    private final boolean directBlocksChecksummed;
    private final long maxManagedObjectSize;
    private final int tableWidth;
    private final long startingBlockSize;
    private final int maxHeapSizeBits;
    private final int offsetBytes;
    private final int lengthBytes;
    private final int maxDirectRows;
    private final long rootAddress;
    private final int rootRows;
    private final Map<Long, ByteBuffer> checkedIndirectBlocks = new HashMap<>();
    private final Map<Long, ByteBuffer> checkedDirectBlocks = new HashMap<>();

    /**
     * @param where the file and object the heap belongs to, for messages
     */
    FractalHeapObjects(HdfBackingStorage storage, long address, String where) throws DataFormatException {
        this.storage = storage;
        this.address = address;
        this.where = where + ": fractal heap at " + address;
        Superblock sb = storage.getSuperblock();
        this.sizeOfOffsets = sb.getSizeOfOffsets();
        this.undefinedAddress = sizeOfOffsets >= 8 ? -1L : (1L << (8 * sizeOfOffsets)) - 1;
        int sizeOfLengths = sb.getSizeOfLengths();
        // III.G Fractal Heap Header, without the I/O filter fields
        int headerSize = 4 + 1 + 2 + 2 + 1 + 4 + 12 * sizeOfLengths + 3 * sizeOfOffsets + 2 + 2 + 2 + 2 + CHECKSUM;
        ByteBuffer h = read(address, headerSize, "header");
        expectSignature(h, "FRHP", "header", address);
        idLength = (int) unsigned(h, 2);
        int ioFiltersLength = (int) unsigned(h, 2);
        if (ioFiltersLength > 0) {
            throw new UnsupportedDataException(this.where + ": heaps with I/O filters are not supported");
        }
        verifyChecksum(h, headerSize - CHECKSUM, "header", address);
        directBlocksChecksummed = (h.get() & 0x02) != 0;
        maxManagedObjectSize = unsigned(h, 4);
        h.position(h.position() + 10 * sizeOfLengths + 2 * sizeOfOffsets); // huge objects, free space, statistics
        tableWidth = (int) unsigned(h, 2);
        startingBlockSize = unsigned(h, sizeOfLengths);
        long maxDirectBlockSize = unsigned(h, sizeOfLengths);
        maxHeapSizeBits = (int) unsigned(h, 2);
        h.position(h.position() + 2); // starting number of rows
        rootAddress = unsigned(h, sizeOfOffsets);
        rootRows = (int) unsigned(h, 2);
        if (!powerOfTwo(tableWidth)
                || !powerOfTwo(startingBlockSize)
                || !powerOfTwo(maxDirectBlockSize)
                || maxDirectBlockSize < startingBlockSize
                || maxDirectBlockSize > 1L << 30
                || maxHeapSizeBits < 1
                || maxHeapSizeBits > 64) {
            throw corrupt("header has an impossible doubling table (width " + tableWidth + ", block sizes "
                    + startingBlockSize + " to " + maxDirectBlockSize + ", " + maxHeapSizeBits + "-bit offsets)");
        }
        offsetBytes = (maxHeapSizeBits + 7) / 8;
        lengthBytes = bytesFor(Math.min(maxDirectBlockSize, maxManagedObjectSize));
        maxDirectRows = log2(maxDirectBlockSize) - log2(startingBlockSize) + 2;
    }

    /** The bytes of the object with this heap ID, little-endian, position 0. */
    ByteBuffer get(ByteBuffer heapId) throws DataFormatException {
        ByteBuffer id = heapId.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (id.remaining() != idLength) {
            throw corrupt("heap ID of " + id.remaining() + " bytes, the heap's are " + idLength);
        }
        int flags = id.get() & 0xff;
        int version = flags >>> 6;
        int type = (flags >>> 4) & 0x3;
        if (version != 0) {
            throw corrupt("heap ID version " + version);
        }
        if (type == 1 || type == 2) {
            throw new UnsupportedDataException(
                    where + ": " + (type == 1 ? "huge" : "tiny") + " objects are not supported");
        }
        if (type != 0 || id.remaining() < offsetBytes + lengthBytes) {
            throw corrupt("heap ID of type " + type);
        }
        long offset = unsigned(id, offsetBytes);
        long length = unsigned(id, lengthBytes);
        if (length == 0 || length > maxManagedObjectSize || (maxHeapSizeBits < 64 && offset >>> maxHeapSizeBits != 0)) {
            throw corrupt("heap ID for " + length + " bytes at heap offset " + offset);
        }
        if (rootRows == 0) {
            return object(rootAddress, 0, startingBlockSize, offset, length);
        }
        long blockAddress = rootAddress;
        long blockOffset = 0;
        int rows = rootRows;
        while (true) {
            ByteBuffer iblock = indirectBlock(blockAddress, blockOffset, rows);
            long relative = offset - blockOffset;
            int row = row(relative);
            if (row >= rows) {
                throw corrupt("heap offset " + offset + " lies beyond the " + rows + " rows of the indirect block at "
                        + blockAddress);
            }
            long size = blockSize(row);
            long column = (relative - rowOffset(row)) / size;
            long childOffset = blockOffset + rowOffset(row) + column * size;
            iblock.position(4 + 1 + sizeOfOffsets + offsetBytes + (int) (row * tableWidth + column) * sizeOfOffsets);
            long child = unsigned(iblock, sizeOfOffsets);
            if (child == undefinedAddress) {
                throw corrupt("heap offset " + offset + " lies in an unallocated block (row " + row + ", column "
                        + column + " of the indirect block at " + blockAddress + ")");
            }
            if (row < maxDirectRows) {
                return object(child, childOffset, size, offset, length);
            }
            // III.G Fractal Heap Indirect Block: rows = log2(block size) - log2(starting block size * table width) + 1
            int childRows = log2(size) - log2(startingBlockSize * tableWidth) + 1;
            if (childRows < 1 || childRows >= rows) {
                throw corrupt("indirect block at " + child + " would have " + childRows + " rows");
            }
            blockAddress = child;
            blockOffset = childOffset;
            rows = childRows;
        }
    }

    /** The row of the doubling table holding a heap offset relative to an indirect block. */
    private int row(long relative) {
        long firstRowSpan = startingBlockSize * tableWidth;
        return relative < firstRowSpan ? 0 : log2(relative / firstRowSpan) + 1;
    }

    /** Rows 0 and 1 hold blocks of the starting size, each later row blocks twice the size of the row before. */
    private long blockSize(int row) {
        return row == 0 ? startingBlockSize : startingBlockSize << (row - 1);
    }

    private long rowOffset(int row) {
        return row == 0 ? 0 : (startingBlockSize * tableWidth) << (row - 1);
    }

    private ByteBuffer indirectBlock(long blockAddress, long blockOffset, int rows) throws DataFormatException {
        ByteBuffer cached = checkedIndirectBlocks.get(blockAddress);
        if (cached != null) {
            return cached;
        }
        long entries = (long) rows * tableWidth; // direct rows, then indirect rows: one address each without filters
        long size = 4 + 1 + sizeOfOffsets + offsetBytes + entries * sizeOfOffsets + CHECKSUM;
        ByteBuffer b = read(blockAddress, size, "indirect block");
        expectSignature(b, "FHIB", "indirect block", blockAddress);
        expectOwnerAndOffset(b, "indirect block", blockAddress, blockOffset);
        verifyChecksum(b, b.limit() - CHECKSUM, "indirect block", blockAddress);
        checkedIndirectBlocks.put(blockAddress, b);
        return b;
    }

    private ByteBuffer object(long blockAddress, long blockOffset, long blockSize, long offset, long length)
            throws DataFormatException {
        ByteBuffer block = checkedDirectBlocks.get(blockAddress);
        if (block == null) {
            block = read(blockAddress, blockSize, "direct block");
            expectSignature(block, "FHDB", "direct block", blockAddress);
            expectOwnerAndOffset(block, "direct block", blockAddress, blockOffset);
            if (directBlocksChecksummed) {
                // III.G Fractal Heap Direct Block: the checksum covers the whole block with the checksum field zeroed
                int at = block.position();
                int stored = block.getInt(at);
                byte[] bytes = new byte[(int) blockSize];
                block.get(0, bytes);
                Arrays.fill(bytes, at, at + CHECKSUM, (byte) 0);
                if (ChecksumUtils.checksum(bytes) != stored) {
                    throw corrupt("direct block at " + blockAddress + " fails its checksum");
                }
            }
            checkedDirectBlocks.put(blockAddress, block);
        }
        int header = 4 + 1 + sizeOfOffsets + offsetBytes + (directBlocksChecksummed ? CHECKSUM : 0);
        long start = offset - blockOffset;
        if (start < header || start + length > blockSize) {
            throw corrupt(length + " bytes at heap offset " + offset + " do not fit the direct block at " + blockAddress
                    + " (heap offsets " + blockOffset + " to " + (blockOffset + blockSize) + ")");
        }
        return block.slice((int) start, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer read(long at, long length, String what) throws DataFormatException {
        long end = at + storage.getSuperblock().getBaseAddressByte() + length;
        if (at < 0 || length > Integer.MAX_VALUE || end < at || end > storage.size()) {
            throw corrupt(what + " at " + at + " (" + length + " bytes) lies beyond the end of the file");
        }
        return storage.readBufferFromAddress(at, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void expectSignature(ByteBuffer b, String signature, String what, long at) throws DataFormatException {
        byte[] actual = new byte[4];
        b.get(actual);
        int version = b.get();
        if (!signature.equals(new String(actual, StandardCharsets.ISO_8859_1)) || version != 0) {
            throw corrupt(what + " at " + at + " has no " + signature + " version 0 signature");
        }
    }

    private void expectOwnerAndOffset(ByteBuffer b, String what, long at, long blockOffset) throws DataFormatException {
        long owner = unsigned(b, sizeOfOffsets);
        long recorded = unsigned(b, offsetBytes);
        if (owner != address || recorded != blockOffset) {
            throw corrupt(what + " at " + at + " belongs to heap " + owner + " at heap offset " + recorded
                    + ", expected heap offset " + blockOffset);
        }
    }

    private void verifyChecksum(ByteBuffer b, int length, String what, long at) throws DataFormatException {
        byte[] bytes = new byte[length];
        b.get(0, bytes);
        if (ChecksumUtils.checksum(bytes) != b.getInt(length)) {
            throw corrupt(what + " at " + at + " fails its checksum");
        }
    }

    private DataFormatException corrupt(String what) {
        return new DataFormatException(where + ": " + what + " (corrupt file)");
    }

    private static long unsigned(ByteBuffer b, int bytes) {
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            v |= (b.get() & 0xffL) << (8 * k);
        }
        return v;
    }

    private static boolean powerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }

    private static int log2(long v) {
        return 63 - Long.numberOfLeadingZeros(v);
    }

    private static int bytesFor(long v) {
        return Math.max(1, (log2(v) + 8) / 8);
    }
}
