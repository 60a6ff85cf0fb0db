package org.gsweather.grib2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;
import org.gsweather.field.Field;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.Level;
import org.gsweather.field.MissingCode;
import org.gsweather.field.Parameter;
import org.gsweather.field.TimeRange;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.Grid;

/**
 * One field of a GRIB2 file: a message, or one repetition of sections 2-7, 3-7 or 4-7 inside a
 * multi-field message. Immutable; {@link #read()} decodes on each call and may run concurrently.
 */
public final class Grib2Field implements Field {
    /** Bitmap indicator of section 6 (code table 6.0). */
    static final int BITMAP_FOLLOWS = 0;

    static final int BITMAP_NONE = 255;

    /** Largest field decoded into one float array (2 GiB). */
    static final long MAX_POINTS = 1L << 29;

    private final Grib2File file;
    private final int number;
    private final int message;
    private final int submessage;
    private final long messageOffset;
    private final int discipline;
    private final Identification identification;
    private final GridDefinition gridDefinition;
    private final ProductDefinition product;
    private final DataRepresentation packing;
    private final int packedCount;
    private final int bitmapIndicator;
    private final long bitmapOffset;
    private final int bitmapLength;
    private final long dataOffset;
    private final int dataLength;
    private final FieldInfo info;

    Grib2Field(
            Grib2File file,
            int number,
            int message,
            int submessage,
            long messageOffset,
            int discipline,
            Identification identification,
            GridDefinition gridDefinition,
            ProductDefinition product,
            DataRepresentation packing,
            int packedCount,
            int bitmapIndicator,
            long bitmapOffset,
            int bitmapLength,
            long dataOffset,
            int dataLength)
            throws DataFormatException {
        this.file = file;
        this.number = number;
        this.message = message;
        this.submessage = submessage;
        this.messageOffset = messageOffset;
        this.discipline = discipline;
        this.identification = identification;
        this.gridDefinition = gridDefinition;
        this.product = product;
        this.packing = packing;
        this.packedCount = packedCount;
        this.bitmapIndicator = bitmapIndicator;
        this.bitmapOffset = bitmapOffset;
        this.bitmapLength = bitmapLength;
        this.dataOffset = dataOffset;
        this.dataLength = dataLength;
        this.info = describe();
    }

    private FieldInfo describe() throws DataFormatException {
        Parameter parameter = Grib2Tables.parameter(
                discipline, product.category(), product.number(), identification.center(), identification.subcenter());
        Instant reference = identification.referenceTime();
        Instant valid = product.layoutKnown() ? product.validTime(reference) : reference;
        TimeRange range = product.statisticalProcess() >= 0
                ? new TimeRange(
                        Grib2Tables.statisticalProcess(product.statisticalProcess()),
                        product.forecastStart(reference),
                        product.periodEnd(reference))
                : null;
        return new FieldInfo(
                parameter,
                level(),
                reference,
                valid,
                range,
                product.ensemble(),
                product.probability(),
                MissingCodes.of(discipline));
    }

    private Level level() {
        if (!product.layoutKnown() || product.surface1() == 255) {
            return new Level("none", "no level", Double.NaN, Double.NaN, "");
        }
        LevelType first = Grib2Tables.levelType(product.surface1());
        String type = first.shortName();
        double value2 = Double.NaN;
        if (product.surface2() != 255) {
            value2 = product.value2();
            if (product.surface2() != product.surface1()) {
                type = type + "-" + Grib2Tables.levelType(product.surface2()).shortName();
            }
        }
        if ("-".equals(first.units()) || first.units().isEmpty()) {
            return new Level(type, first.description(), Double.NaN, Double.NaN, ""); // a level without a value
        }
        return new Level(type, first.description(), product.value1(), value2, first.units());
    }

    @Override
    public FieldInfo info() {
        return info;
    }

    @Override
    public Grid grid() throws DataFormatException {
        return gridDefinition.requireGrid(where());
    }

    @Override
    public boolean gridRelativeVectors() {
        return gridDefinition.gridRelativeVectors();
    }

    @Override
    public float[] read() throws IOException {
        return read(DecodePool.sequential());
    }

    /**
     * {@link #read()} with the help of {@code pool}: the same values, bit for bit; fields too small to
     * gain from several threads are decoded on the calling thread alone.
     */
    @Override
    public float[] read(DecodePool pool) throws IOException {
        float[] stored = readStored(pool);
        Grid grid = grid();
        return gridDefinition.needsReorder()
                ? ScanOrder.toRows(stored, grid.nx(), grid.ny(), gridDefinition.scanningMode(), pool)
                : stored;
    }

    /**
     * Decodes the values in the order the file stores them (as {@code wgrib2 -order raw}), missing
     * values as {@link org.gsweather.field.Missing} NaNs.
     */
    public float[] readStored() throws IOException {
        return readStored(DecodePool.sequential());
    }

    /** {@link #readStored()} with the help of {@code pool}. */
    public float[] readStored(DecodePool pool) throws IOException {
        Grid grid = grid();
        if ((long) grid.nx() * grid.ny() > MAX_POINTS) {
            throw new UnsupportedDataException(where() + ": grid of " + (long) grid.nx() * grid.ny()
                    + " points is larger than the " + MAX_POINTS + " one field may hold");
        }
        int points = grid.size();
        float[] values = new float[points];
        Unpacking how = new Unpacking(info.missingCodes(), pool);
        try {
            ByteBuffer data = file.mapped().region(dataOffset, dataLength);
            if (bitmapIndicator == BITMAP_NONE) {
                if (packedCount != points) {
                    throw new DataFormatException(
                            "section 5 packs " + packedCount + " values for " + points + " grid points and no bitmap");
                }
                packing.unpack(data, points, values, how);
            } else if (bitmapIndicator != BITMAP_FOLLOWS) {
                throw new UnsupportedDataException(
                        "predefined bitmap " + bitmapIndicator + " (code table 6.0) is not supported");
            } else {
                if (packedCount > points) {
                    throw new DataFormatException(
                            "section 5 packs " + packedCount + " values for " + points + " grid points");
                }
                if (bitmapLength < (points + 7) / 8) {
                    throw new DataFormatException(
                            "bitmap of " + bitmapLength + " octets is too short for " + points + " grid points");
                }
                packing.unpack(data, packedCount, values, how);
                Bitmap.expand(file.mapped().region(bitmapOffset, bitmapLength), values, points, packedCount);
            }
        } catch (UnsupportedDataException e) {
            throw new UnsupportedDataException(where() + ": " + e.getMessage());
        } catch (DataFormatException e) {
            throw new DataFormatException(where() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Decoders check what they can; anything else they stumble on is still a malformed field.
            throw new DataFormatException(where() + ": corrupt data section (" + packing.describe() + "): " + e, e);
        }
        return values;
    }

    /** "file: field N (message M.S)", the prefix of every error about this field. */
    String where() {
        return file.path().getFileName() + ": field " + number + " (message " + message + "." + submessage
                + " at offset " + messageOffset + ")";
    }

    /** Field number, counted from 1 in file order, each field of a multi-field message counting as one. */
    public int number() {
        return number;
    }

    /** Message number, counted from 1. */
    public int message() {
        return message;
    }

    /** Position of the field in its message, counted from 1 (wgrib2's {@code message.submessage}). */
    public int submessage() {
        return submessage;
    }

    public long messageOffset() {
        return messageOffset;
    }

    public int discipline() {
        return discipline;
    }

    public int category() {
        return product.category();
    }

    public int parameterNumber() {
        return product.number();
    }

    public int center() {
        return identification.center();
    }

    public int productTemplate() {
        return product.template();
    }

    public int gridTemplate() {
        return gridDefinition.template();
    }

    public int packingTemplate() {
        return packing.template();
    }

    DataRepresentation packing() {
        return packing;
    }

    /** Scanning mode of the grid (flag table 3.4). */
    int scanningMode() {
        return gridDefinition.scanningMode();
    }

    public boolean hasBitmap() {
        return bitmapIndicator != BITMAP_NONE;
    }

    /** Grid template, size and any reason it cannot be used, e.g. {@code 3.30 Lambert conformal 1799x1059}. */
    public String gridDescription() {
        return gridDefinition.describe();
    }

    /** Packing template and its parameters, e.g. {@code 5.3 complex+spatial diff. order 2}. */
    public String packingDescription() {
        return packing.describe();
    }

    /** Half the step between representable values: the tolerance of comparisons with other decoders. */
    public double halfStep() {
        return packing.halfStep();
    }

    public List<MissingCode> missingCodes() {
        return info.missingCodes();
    }

    @Override
    public String toString() {
        return where() + " " + info.parameter().shortName() + " " + info.level().label();
    }
}
