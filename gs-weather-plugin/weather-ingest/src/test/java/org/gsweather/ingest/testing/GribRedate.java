package org.gsweather.ingest.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Serves one real GRIB2 file as other runs and forecast hours: rewrites the reference time (section 1
 * octets 13-19) and the forecast time (section 4 octets 19-22; for template 4.8 also the end of the
 * overall time interval, octets 35-41) of every message, leaving the data alone. Hours are in units of
 * hours, as in the NCEP test files; a statistical field keeps its period length.
 */
public final class GribRedate {
    private GribRedate() {}

    public static byte[] redate(byte[] grib, Instant run, int hour) {
        byte[] out = grib.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        int pos = 0;
        while (pos + 16 <= out.length) {
            if (out[pos] != 'G' || out[pos + 1] != 'R' || out[pos + 2] != 'I' || out[pos + 3] != 'B') {
                pos++;
                continue;
            }
            long length = b.getLong(pos + 8);
            int p = pos + 16;
            Instant oldRef = null;
            while (p < pos + length - 4) {
                int sectionLength = b.getInt(p);
                int number = out[p + 4];
                if (number == 1) {
                    oldRef = readTime(b, p + 12);
                    writeTime(b, p + 12, run);
                } else if (number == 4) {
                    int template = b.getShort(p + 7) & 0xffff;
                    if (template != 0 && template != 8) {
                        throw new IllegalArgumentException("template 4." + template + " is not re-dated");
                    }
                    int unit = out[p + 17];
                    if (unit != 1) {
                        throw new IllegalArgumentException("forecast time unit " + unit + " is not hours");
                    }
                    int ft = b.getInt(p + 18);
                    int end = template == 8
                            ? (int) Duration.between(oldRef, readTime(b, p + 34))
                                    .toHours()
                            : ft;
                    int newFt = ft + (hour - end);
                    if (newFt < 0) {
                        throw new IllegalArgumentException("hour " + hour + " is shorter than a statistical period");
                    }
                    b.putInt(p + 18, newFt);
                    if (template == 8) {
                        writeTime(b, p + 34, run.plus(Duration.ofHours(hour)));
                    }
                }
                p += sectionLength;
            }
            pos += (int) length;
        }
        return out;
    }

    private static Instant readTime(ByteBuffer b, int at) {
        return LocalDateTime.of(
                        b.getShort(at) & 0xffff,
                        b.get(at + 2),
                        b.get(at + 3),
                        b.get(at + 4),
                        b.get(at + 5),
                        b.get(at + 6))
                .toInstant(ZoneOffset.UTC);
    }

    private static void writeTime(ByteBuffer b, int at, Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        b.putShort(at, (short) d.getYear());
        b.put(at + 2, (byte) d.getMonthValue());
        b.put(at + 3, (byte) d.getDayOfMonth());
        b.put(at + 4, (byte) d.getHour());
        b.put(at + 5, (byte) d.getMinute());
        b.put(at + 6, (byte) d.getSecond());
    }
}
