package org.gsweather.ingest.inventory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.field.DataFormatException;

/**
 * A parsed {@code .idx} inventory (wgrib2 {@code -s} lines). A message's bytes run from its offset to
 * the next message's offset; the last message runs to the end of the file.
 */
public final class Inventory {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("'d='yyyyMMddHH");

    private final List<IdxEntry> entries;

    private Inventory(List<IdxEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses an inventory.
     *
     * @param name what to call the inventory in errors, e.g. its URL
     * @throws DataFormatException naming the inventory, the line number and what is wrong
     */
    public static Inventory parse(String text, String name) throws DataFormatException {
        List<IdxEntry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        long previousOffset = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + (i + 1);
            String[] col = line.split(":", -1);
            if (col.length < 6) {
                throw new DataFormatException(where + ": " + col.length
                        + " colon-separated columns, an inventory line has at least 6: " + line);
            }
            int message;
            int submessage = 1;
            long offset;
            try {
                int dot = col[0].indexOf('.');
                message = Integer.parseInt(dot < 0 ? col[0] : col[0].substring(0, dot));
                if (dot >= 0) {
                    submessage = Integer.parseInt(col[0].substring(dot + 1));
                }
                offset = Long.parseLong(col[1]);
            } catch (NumberFormatException e) {
                throw new DataFormatException(where + ": message number and byte offset must be integers: " + line, e);
            }
            if (offset < 0 || offset < previousOffset) {
                throw new DataFormatException(
                        where + ": byte offset " + offset + " is before the previous line's " + previousOffset);
            }
            previousOffset = offset;
            entries.add(new IdxEntry(message, submessage, offset, col[2], col[3], col[4], col[5], line));
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(name + ": empty inventory");
        }
        return new Inventory(entries);
    }

    public List<IdxEntry> entries() {
        return entries;
    }

    /**
     * Last byte (inclusive) of the message of entry {@code index}: one before the next message's
     * offset, or -1 for the last message, which runs to the end of the file.
     */
    public long endOf(int index) {
        long offset = entries.get(index).offset();
        for (int k = index + 1; k < entries.size(); k++) {
            if (entries.get(k).offset() > offset) {
                return entries.get(k).offset() - 1;
            }
        }
        return -1;
    }

    /** The reference time of a {@code d=YYYYMMDDHH} column, or null when it is not one. */
    public static Instant referenceTime(IdxEntry entry) {
        try {
            return LocalDateTime.parse(entry.date(), DATE).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
