package org.gsweather.grib2;

import static org.gsweather.grib2.Octets.u1;
import static org.gsweather.grib2.Octets.u4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.io.MappedFile;

/**
 * Walks the messages and sections of a GRIB2 file (WMO Manual on Codes, FM 92 GRIB edition 2) and
 * builds the field index. Validates every length against the message and the file, so that a
 * truncated or lying file fails here with a precise message rather than later with wrong values.
 */
final class Grib2Scanner {
    private static final int SEARCH_CHUNK = 64 * 1024;
    private static final byte[] MAGIC = {'G', 'R', 'I', 'B'};

    private final Grib2File file;
    private final MappedFile mapped;
    private final String name;
    private final Map<ByteBuffer, GridDefinition> grids = new HashMap<>();
    private final List<Grib2Field> fields = new ArrayList<>();

    Grib2Scanner(Grib2File file) {
        this.file = file;
        this.mapped = file.mapped();
        this.name = file.path().getFileName().toString();
    }

    List<Grib2Field> scan() throws IOException {
        long size = mapped.size();
        if (size == 0) {
            throw new DataFormatException(name + ": empty file, not GRIB2");
        }
        long pos = 0;
        int message = 0;
        while (true) {
            long found = find(pos);
            if (found < 0) {
                break;
            }
            // A message right where one is expected is checked strictly; a "GRIB" inside junk between
            // messages (or in a text file) only counts if it looks like the start of a message.
            if (found != pos && !plausibleStart(found)) {
                pos = found + 1;
                continue;
            }
            message++;
            pos = found + scanMessage(found, message);
        }
        if (message == 0) {
            throw new DataFormatException(name + ": no GRIB message found in " + size + " bytes; not a GRIB file");
        }
        return List.copyOf(fields);
    }

    private boolean plausibleStart(long pos) throws IOException {
        if (pos + 16 > mapped.size()) {
            return false;
        }
        int edition = mapped.region(pos + 7, 1).get(0);
        return edition == 1 || edition == 2;
    }

    /** Offset of the next "GRIB" at or after {@code from}, or -1. */
    private long find(long from) throws IOException {
        long size = mapped.size();
        long pos = from;
        while (pos + 4 <= size) {
            int n = (int) Math.min(SEARCH_CHUNK + 3, size - pos);
            ByteBuffer b = mapped.region(pos, n);
            for (int k = 0; k + 4 <= n; k++) {
                if (b.get(k) == MAGIC[0]
                        && b.get(k + 1) == MAGIC[1]
                        && b.get(k + 2) == MAGIC[2]
                        && b.get(k + 3) == MAGIC[3]) {
                    return pos + k;
                }
            }
            pos += n - 3;
        }
        return -1;
    }

    private long scanMessage(long pos, int message) throws IOException {
        long size = mapped.size();
        String where = name + ": message " + message + " at offset " + pos;
        if (pos + 16 > size) {
            throw new DataFormatException(where + ": file ends inside section 0 (truncated)");
        }
        ByteBuffer s0 = mapped.region(pos, 16);
        int edition = s0.get(7) & 0xff;
        if (edition == 1) {
            throw new UnsupportedDataException(where + ": GRIB edition 1 is not supported, only GRIB2");
        }
        if (edition != 2) {
            throw new DataFormatException(where + ": unknown GRIB edition " + edition);
        }
        long length = s0.getLong(8);
        if (length < 16 + 21 + 4 || length > Integer.MAX_VALUE) {
            throw new DataFormatException(where + ": implausible total length " + length + " in section 0");
        }
        if (pos + length > size) {
            throw new DataFormatException(where + ": total length " + length + " runs past the end of the file ("
                    + (size - pos) + " octets left): file truncated or length wrong");
        }
        ByteBuffer m = mapped.region(pos, length);
        int end = (int) length - 4;
        if (m.get(end) != '7' || m.get(end + 1) != '7' || m.get(end + 2) != '7' || m.get(end + 3) != '7') {
            throw new DataFormatException(where + ": no \"7777\" at the end of the " + length
                    + " octets that section 0 announces: length wrong or message truncated");
        }
        new MessageScan(m, pos, message, where, m.get(6) & 0xff).run(end);
        return length;
    }

    /** State of the section walk of one message. */
    private final class MessageScan {
        private final ByteBuffer m;
        private final long offset;
        private final int message;
        private final String where;
        private final int discipline;

        private Identification identification;
        private GridDefinition grid;
        private ProductDefinition product;
        private DataRepresentation packing;
        private int packedCount;
        private int bitmapIndicator = -1;
        private int bitmapStart = -1;
        private int bitmapLength;
        private int lastDefinedBitmapStart = -1;
        private int lastDefinedBitmapLength;
        private int previous;
        private int submessage;

        MessageScan(ByteBuffer m, long offset, int message, String where, int discipline) {
            this.m = m;
            this.offset = offset;
            this.message = message;
            this.where = where;
            this.discipline = discipline;
        }

        void run(int end) throws DataFormatException {
            int p = 16;
            while (p < end) {
                if (p + 5 > end) {
                    throw new DataFormatException(where + ": " + (end - p) + " stray octets before \"7777\"");
                }
                long length = u4(m, p, 1);
                int number = u1(m, p, 5);
                if (length < 5 || p + length > end) {
                    throw new DataFormatException(where + ": section " + number + " at octet " + (p + 1)
                            + " has length " + length + ", which runs past the end of the message");
                }
                section(number, p, (int) length);
                previous = number;
                p += (int) length;
            }
            if (previous != 7) {
                throw new DataFormatException(
                        where + ": message ends after section " + previous + " instead of section 7");
            }
        }

        private void section(int number, int s, int length) throws DataFormatException {
            try {
                switch (number) {
                    case 1 -> {
                        expect(previous == 0, number);
                        identification = Identification.parse(m, s, length);
                    }
                    case 2 -> expect(previous == 1 || previous == 7, number);
                    case 3 -> {
                        expect(previous == 1 || previous == 2 || previous == 7, number);
                        grid = gridDefinition(s, length);
                    }
                    case 4 -> {
                        expect((previous == 3 || previous == 7) && grid != null, number);
                        product = ProductDefinition.parse(m, s, length);
                    }
                    case 5 -> {
                        expect(previous == 4, number);
                        if (length < 11) {
                            throw new DataFormatException("section 5 is " + length + " octets, at least 11 are needed");
                        }
                        long count = u4(m, s, 6);
                        if (count > Integer.MAX_VALUE - 8) {
                            throw new DataFormatException("section 5 announces " + count + " values");
                        }
                        packedCount = (int) count;
                        packing = DataRepresentations.parse(m, s, length);
                    }
                    case 6 -> {
                        expect(previous == 5, number);
                        bitmap(s, length);
                    }
                    case 7 -> {
                        expect(previous == 6, number);
                        field(s, length);
                    }
                    default -> throw new DataFormatException("unknown section number " + number);
                }
            } catch (DataFormatException e) {
                throw new DataFormatException(
                        where + ": section " + number + " at octet " + (s + 1) + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new DataFormatException(
                        where + ": section " + number + " at octet " + (s + 1) + " is malformed: " + e, e);
            }
        }

        private void expect(boolean ok, int number) throws DataFormatException {
            if (!ok) {
                throw new DataFormatException("out of order after section " + previous);
            }
        }

        private GridDefinition gridDefinition(int s, int length) throws DataFormatException {
            if (length < 14) {
                throw new DataFormatException("section 3 is " + length + " octets, at least 14 are needed");
            }
            ByteBuffer key = m.slice(s + 5, length - 5);
            GridDefinition known = grids.get(key);
            if (known != null) {
                return known;
            }
            GridDefinition parsed;
            try {
                parsed = GridDefinitions.parse(m, s, length);
            } catch (DataFormatException e) {
                parsed = GridDefinition.failed(Octets.u2(m, s, 13), u4(m, s, 7), e);
            }
            grids.put(key, parsed);
            return parsed;
        }

        private void bitmap(int s, int length) throws DataFormatException {
            if (length < 6) {
                throw new DataFormatException("section 6 is " + length + " octets, at least 6 are needed");
            }
            int indicator = u1(m, s, 6);
            switch (indicator) {
                case Grib2Field.BITMAP_FOLLOWS -> {
                    bitmapIndicator = indicator;
                    bitmapStart = s + 6;
                    bitmapLength = length - 6;
                    lastDefinedBitmapStart = bitmapStart;
                    lastDefinedBitmapLength = bitmapLength;
                }
                case 254 -> {
                    if (lastDefinedBitmapStart < 0) {
                        throw new DataFormatException(
                                "bitmap indicator 254 (previously defined bitmap) but no bitmap was defined before");
                    }
                    bitmapIndicator = Grib2Field.BITMAP_FOLLOWS;
                    bitmapStart = lastDefinedBitmapStart;
                    bitmapLength = lastDefinedBitmapLength;
                }
                default -> {
                    bitmapIndicator = indicator;
                    bitmapStart = -1;
                    bitmapLength = 0;
                }
            }
        }

        private void field(int s, int length) throws DataFormatException {
            submessage++;
            Grib2Field f = new Grib2Field(
                    file,
                    fields.size() + 1,
                    message,
                    submessage,
                    offset,
                    discipline,
                    identification,
                    grid,
                    product,
                    packing,
                    packedCount,
                    bitmapIndicator,
                    offset + Math.max(bitmapStart, 0),
                    bitmapLength,
                    offset + s + 5,
                    length - 5);
            fields.add(f);
        }
    }
}
