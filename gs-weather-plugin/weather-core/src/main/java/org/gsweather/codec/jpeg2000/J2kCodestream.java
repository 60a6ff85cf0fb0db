package org.gsweather.codec.jpeg2000;

import java.util.ArrayList;
import java.util.List;
import org.gsweather.field.DataFormatException;

/**
 * The markers of a JPEG 2000 code stream (ISO/IEC 15444-1 Annex A) with one component: image and tile
 * geometry from SIZ, coding style and quantization of the main header and of each tile, and where the
 * packet data of each tile lies.
 */
final class J2kCodestream {
    static final int SOC = 0xff4f;
    static final int CAP = 0xff50;
    static final int SIZ = 0xff51;
    static final int COD = 0xff52;
    static final int COC = 0xff53;
    static final int TLM = 0xff55;
    static final int PLM = 0xff57;
    static final int PLT = 0xff58;
    static final int QCD = 0xff5c;
    static final int QCC = 0xff5d;
    static final int RGN = 0xff5e;
    static final int POC = 0xff5f;
    static final int PPM = 0xff60;
    static final int PPT = 0xff61;
    static final int CRG = 0xff63;
    static final int COM = 0xff64;
    static final int SOT = 0xff90;
    static final int SOD = 0xff93;
    static final int EOC = 0xffd9;

    final byte[] data;
    /** Image area on the reference grid: [x0, x1) x [y0, y1). */
    int x0, y0, x1, y1;
    /** Tile grid: origin, tile size and number of tiles across and down. */
    int tileX0, tileY0, tileWidth, tileHeight, tilesX, tilesY;
    /** Bit depth of the component. */
    int precision;

    final List<Tile> tiles = new ArrayList<>();

    /** One tile: its coding parameters and the packet data of its tile-parts, in order. */
    static final class Tile {
        final int index;
        J2kCodingStyle style;
        J2kQuantization quantization;
        int parts;
        int expectedParts;
        /** Start and end offsets into {@link #data} of each tile-part's packet data. */
        int[] ranges = new int[2];

        Tile(int index) {
            this.index = index;
        }

        void addPart(int start, int end) {
            if (2 * parts == ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, 4 * parts);
            }
            ranges[2 * parts] = start;
            ranges[2 * parts + 1] = end;
            parts++;
        }
    }

    private J2kCodestream(byte[] data) {
        this.data = data;
    }

    int width() {
        return x1 - x0;
    }

    int height() {
        return y1 - y0;
    }

    /**
     * Reads the headers of {@code data}, a code stream of an image of {@code count} samples; every tile
     * ends up with its coding style, quantization and packet data.
     */
    static J2kCodestream read(byte[] data, long count) throws DataFormatException, J2kUnsupportedException {
        J2kCodestream c = new J2kCodestream(data);
        c.readHeaders(count);
        return c;
    }

    private void readHeaders(long count) throws DataFormatException, J2kUnsupportedException {
        if (data.length < 2 || marker(0) != SOC) {
            throw new DataFormatException("JPEG 2000 code stream does not start with SOC (FF4F)");
        }
        int p = 2;
        if (p + 4 > data.length || marker(p) != SIZ) {
            throw new DataFormatException("JPEG 2000 code stream: no SIZ marker segment after SOC");
        }
        p = readSiz(p, count);
        J2kCodingStyle cod = null;
        J2kCodingStyle coc = null;
        J2kQuantization qcd = null;
        J2kQuantization qcc = null;
        int[] cocAt = null;
        // main header (A.4.1) up to the first SOT
        while (true) {
            int m = marker(p);
            if (m == SOT) {
                break;
            }
            int length = segmentLength(p, m);
            int body = p + 4;
            switch (m) {
                case COD -> cod = J2kCodingStyle.readCod(data, body, length - 2);
                case COC -> cocAt = new int[] {component(body, length), body + 1, length - 3};
                case QCD -> qcd = J2kQuantization.read(data, body, length - 2);
                case QCC -> qcc = J2kQuantization.read(data, body + 1, length - 3 - component(body, length));
                case RGN -> checkRgn(body, length);
                case TLM, PLM, CRG, COM -> {}
                case POC -> throw new J2kUnsupportedException("progression order change (POC)");
                case PPM -> throw new J2kUnsupportedException("packed packet headers (PPM)");
                default -> throw unexpected(m, p, "main header");
            }
            p += 2 + length;
        }
        if (cod == null || qcd == null) {
            throw new DataFormatException("JPEG 2000 main header without " + (cod == null ? "COD" : "QCD"));
        }
        if (cocAt != null) {
            coc = cod.withCoc(data, cocAt[1], cocAt[2]);
        }
        J2kCodingStyle mainStyle = coc != null ? coc : cod;
        J2kQuantization mainQuantization = qcc != null ? qcc : qcd;
        int tileCount = tilesX * tilesY;
        Tile[] byIndex = new Tile[tileCount];
        // tile-parts (A.4.2) up to EOC or the end of the data
        while (p < data.length) {
            int m = marker(p);
            if (m == EOC) {
                break;
            }
            if (m != SOT) {
                throw unexpected(m, p, "place of a tile-part");
            }
            p = readTilePart(p, byIndex, cod, mainStyle, mainQuantization);
        }
        for (int t = 0; t < tileCount; t++) {
            Tile tile = byIndex[t];
            if (tile == null) {
                throw new DataFormatException(
                        "JPEG 2000 code stream truncated: no data for tile " + t + " of " + tileCount);
            }
            if (tile.expectedParts != 0 && tile.parts != tile.expectedParts) {
                throw new DataFormatException("JPEG 2000 code stream truncated: tile " + t + " has " + tile.parts
                        + " of its " + tile.expectedParts + " tile-parts");
            }
            tiles.add(tile);
        }
    }

    private int readSiz(int p, long count) throws DataFormatException, J2kUnsupportedException {
        int length = segmentLength(p, SIZ);
        int b = p + 4;
        if (length < 41) {
            throw new DataFormatException("JPEG 2000 SIZ marker segment of " + length + " octets");
        }
        int rsiz = u2(b);
        long xsiz = u4(b + 2);
        long ysiz = u4(b + 6);
        long xo = u4(b + 10);
        long yo = u4(b + 14);
        long xt = u4(b + 18);
        long yt = u4(b + 22);
        long xto = u4(b + 26);
        long yto = u4(b + 30);
        int components = u2(b + 34);
        if (components == 0 || length != 38 + 3 * components) {
            throw new DataFormatException(
                    "JPEG 2000 SIZ marker segment of " + length + " octets for " + components + " components");
        }
        if (xsiz <= xo
                || ysiz <= yo
                || xt == 0
                || yt == 0
                || xto > xo
                || yto > yo
                || xto + xt <= xo
                || yto + yt <= yo) {
            throw new DataFormatException("JPEG 2000 SIZ: inconsistent image and tile geometry (image " + xo + ".."
                    + xsiz + " x " + yo + ".." + ysiz + ", tiles " + xt + "x" + yt + " from " + xto + "," + yto + ")");
        }
        if ((xsiz - xo) * (ysiz - yo) != count) {
            throw new DataFormatException("JPEG 2000 image of " + (xsiz - xo) + "x" + (ysiz - yo) + " samples for "
                    + count + " packed values");
        }
        if (xsiz > Integer.MAX_VALUE || ysiz > Integer.MAX_VALUE) {
            throw new J2kUnsupportedException("reference grid of " + xsiz + "x" + ysiz);
        }
        x0 = (int) xo;
        y0 = (int) yo;
        x1 = (int) xsiz;
        y1 = (int) ysiz;
        tileX0 = (int) xto;
        tileY0 = (int) yto;
        tileWidth = (int) Math.min(xt, xsiz - xto);
        tileHeight = (int) Math.min(yt, ysiz - yto);
        long across = (xsiz - xto + xt - 1) / xt;
        long down = (ysiz - yto + yt - 1) / yt;
        if (across * down > 65535) {
            throw new DataFormatException("JPEG 2000 SIZ: " + across * down + " tiles (at most 65535)");
        }
        tilesX = (int) across;
        tilesY = (int) down;
        if ((rsiz & 0xc000) != 0) {
            throw new J2kUnsupportedException("capabilities Rsiz " + Integer.toHexString(rsiz) + " (Part 2 or 15)");
        }
        if (components != 1) {
            throw new J2kUnsupportedException(components + " components");
        }
        int ssiz = data[b + 36] & 0xff;
        int xr = data[b + 37] & 0xff;
        int yr = data[b + 38] & 0xff;
        if (xr == 0 || yr == 0) {
            throw new DataFormatException("JPEG 2000 SIZ: component sub-sampling 0");
        }
        if ((ssiz & 0x80) != 0) {
            throw new J2kUnsupportedException("signed samples");
        }
        precision = (ssiz & 0x7f) + 1;
        if (precision > 38) {
            throw new DataFormatException("JPEG 2000 SIZ: " + precision + " bits per sample (at most 38)");
        }
        if (precision > 30) {
            throw new J2kUnsupportedException(precision + " bits per sample");
        }
        if (xr != 1 || yr != 1) {
            throw new J2kUnsupportedException("component sub-sampling " + xr + "x" + yr);
        }
        return p + 2 + length;
    }

    private int readTilePart(
            int p, Tile[] byIndex, J2kCodingStyle cod, J2kCodingStyle mainStyle, J2kQuantization mainQuantization)
            throws DataFormatException, J2kUnsupportedException {
        int length = segmentLength(p, SOT);
        if (length != 10) {
            throw new DataFormatException("JPEG 2000 SOT marker segment of " + length + " octets, not 10");
        }
        int index = u2(p + 4);
        long psot = u4(p + 6);
        int part = data[p + 10] & 0xff;
        int parts = data[p + 11] & 0xff;
        if (index >= byIndex.length) {
            throw new DataFormatException("JPEG 2000 tile-part of tile " + index + ", the image has " + byIndex.length);
        }
        long end;
        if (psot == 0) {
            end = data.length >= p + 2 && marker(data.length - 2) == EOC ? data.length - 2 : data.length;
        } else {
            end = p + psot;
            if (psot < 14 || end > data.length) {
                throw new DataFormatException("JPEG 2000 code stream truncated: tile-part at octet " + p + " of " + psot
                        + " octets, " + (data.length - p) + " left");
            }
        }
        Tile tile = byIndex[index];
        if (tile == null) {
            tile = byIndex[index] = new Tile(index);
            tile.style = mainStyle;
            tile.quantization = mainQuantization;
        }
        if (part != tile.parts) {
            throw new DataFormatException(
                    "JPEG 2000 tile-part " + part + " of tile " + index + " where part " + tile.parts + " belongs");
        }
        if (parts != 0) {
            if (tile.expectedParts != 0 && parts != tile.expectedParts || parts <= part) {
                throw new DataFormatException("JPEG 2000 tile " + index + ": tile-part " + part + " of " + parts);
            }
            tile.expectedParts = parts;
        }
        int q = p + 12;
        J2kCodingStyle tileCod = null;
        int[] tileCoc = null;
        J2kQuantization tileQcd = null;
        J2kQuantization tileQcc = null;
        while (true) {
            if (q + 2 > end) {
                throw new DataFormatException(
                        "JPEG 2000 code stream truncated: tile-part header of tile " + index + " without SOD");
            }
            int m = marker(q);
            if (m == SOD) {
                q += 2;
                break;
            }
            int l = segmentLength(q, m);
            if (q + 2 + l > end) {
                throw new DataFormatException(
                        "JPEG 2000 marker segment " + Integer.toHexString(m) + " runs past the end of its tile-part");
            }
            int body = q + 4;
            boolean first = part == 0;
            switch (m) {
                case COD -> tileCod = first ? J2kCodingStyle.readCod(data, body, l - 2) : misplaced(m);
                case COC -> tileCoc = first ? new int[] {component(body, l), body + 1, l - 3} : misplaced(m);
                case QCD -> tileQcd = first ? J2kQuantization.read(data, body, l - 2) : misplaced(m);
                case QCC ->
                    tileQcc = first ? J2kQuantization.read(data, body + 1, l - 3 - component(body, l)) : misplaced(m);
                case RGN -> checkRgn(body, l);
                case PLT, COM -> {}
                case POC -> throw new J2kUnsupportedException("progression order change (POC)");
                case PPT -> throw new J2kUnsupportedException("packed packet headers (PPT)");
                default -> throw unexpected(m, q, "tile-part header");
            }
            q += 2 + l;
        }
        if (part == 0) {
            // A.6.1: tile-part COC > tile-part COD > main COC > main COD, and likewise for QCC and QCD
            if (tileCoc != null) {
                tile.style = (tileCod != null ? tileCod : cod).withCoc(data, tileCoc[1], tileCoc[2]);
            } else if (tileCod != null) {
                tile.style = tileCod;
            }
            if (tileQcc != null) {
                tile.quantization = tileQcc;
            } else if (tileQcd != null) {
                tile.quantization = tileQcd;
            }
        }
        tile.addPart(q, (int) end);
        return (int) end;
    }

    private static <T> T misplaced(int marker) throws DataFormatException {
        throw new DataFormatException(
                "JPEG 2000 marker " + Integer.toHexString(marker) + " in a tile-part other than the first of its tile");
    }

    private void checkRgn(int body, int length) throws DataFormatException, J2kUnsupportedException {
        if (length < 5) {
            throw new DataFormatException("JPEG 2000 RGN marker segment of " + length + " octets");
        }
        if ((data[body + 2] & 0xff) != 0) {
            throw new J2kUnsupportedException("region of interest shift (RGN)");
        }
    }

    /** Ccoc or Cqcc of a marker segment of {@code length}: 0, the only component, else unsupported. */
    private int component(int at, int length) throws DataFormatException, J2kUnsupportedException {
        if (length < 4) {
            throw new DataFormatException("JPEG 2000 COC/QCC marker segment of " + (length + 2) + " octets");
        }
        if ((data[at] & 0xff) != 0) {
            throw new DataFormatException(
                    "JPEG 2000 COC/QCC for component " + (data[at] & 0xff) + " of an image of one component");
        }
        return 0;
    }

    private static DataFormatException unexpected(int m, int p, String where) throws J2kUnsupportedException {
        if (m >= 0xff30 && m <= 0xff3f || m == CAP || m == 0xff59 || (m >= 0xff50 && m <= 0xff6f)) {
            throw new J2kUnsupportedException("marker " + Integer.toHexString(m).toUpperCase() + " in the " + where);
        }
        return new DataFormatException("JPEG 2000 code stream: "
                + (m >>> 8 == 0xff ? "marker " + Integer.toHexString(m).toUpperCase() : "no marker")
                + " at octet " + p + " in the " + where);
    }

    /** Lsiz-style length of the marker segment at {@code p}, checked against the data. */
    private int segmentLength(int p, int m) throws DataFormatException {
        if (p + 4 > data.length) {
            throw new DataFormatException("JPEG 2000 code stream truncated in marker " + Integer.toHexString(m));
        }
        int length = u2(p + 2);
        if (length < 2 || p + 2 + length > data.length) {
            throw new DataFormatException(
                    "JPEG 2000 marker segment " + Integer.toHexString(m).toUpperCase() + " at octet " + p + " of "
                            + length + " octets, " + (data.length - p - 2) + " left");
        }
        return length;
    }

    private int marker(int p) throws DataFormatException {
        if (p + 2 > data.length) {
            throw new DataFormatException("JPEG 2000 code stream truncated at octet " + p);
        }
        return u2(p);
    }

    private int u2(int p) {
        return (data[p] & 0xff) << 8 | (data[p + 1] & 0xff);
    }

    private long u4(int p) {
        return (long) u2(p) << 16 | u2(p + 2);
    }
}
