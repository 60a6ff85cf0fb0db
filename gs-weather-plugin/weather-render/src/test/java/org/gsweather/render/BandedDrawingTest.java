package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gsweather.field.DecodePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A large image drawn in bands by several threads has the pixels of the same image drawn on one thread. */
class BandedDrawingTest {
    /** Four threads, and bands of any size, so that every band boundary is exercised. */
    private static final DecodePool FOUR = DecodePool.create(4, 1 << 10);

    private final TileRenderer banded = new TileRenderer(PngEncoder.DEFAULT_LEVEL, FOUR);
    private final TileRenderer single = new TileRenderer(PngEncoder.DEFAULT_LEVEL, DecodePool.sequential());

    @AfterAll
    static void close() {
        FOUR.close();
    }

    private void assertSame(GridValues field, String style, View view) {
        List<Style> styles = StyleParser.parse(style);
        FieldSource src = FieldSource.of(field);
        int[] one = single.render(src, styles, view).pixels();
        int[] many = banded.render(src, styles, view).pixels();
        assertThat(many).as("pixels of %s drawn in bands", style).isEqualTo(one);
        long colored = java.util.Arrays.stream(one).filter(p -> p >>> 24 != 0).count();
        assertThat(colored).as("colored pixels").isGreaterThan(one.length / 4);
    }

    @Test
    void lambertGridInWebMercatorMetatile() {
        GridValues tmp = Sources.field(Sources.HRRR_TMP, 1);
        View metatile = TileMatrixSet.WEB_MERCATOR_QUAD.block(6, 12, 20, 4, 4, 256);
        assertSame(tmp, "ramp:temperature,units=degF,min=40,max=110", metatile);
        assertSame(tmp, "ramp:temperature,units=degF,min=40,max=110,sampling=bilinear", metatile);
        assertSame(tmp, "ramp:temperature,units=degF,min=40,max=110+isolines:interval=2,units=degC", metatile);
    }

    @Test
    void globalGridInWebMercatorOfAHeightNotAMultipleOfTheMappingBlock() {
        GridValues tmp = Sources.field(Sources.GFS, "TMP", "850 hPa");
        View view = View.of("EPSG:3857", -2.0e7, -1.2e7, 2.0e7, 1.3e7, 1056, 1001);
        assertSame(tmp, "ramp:temperature,units=degC", view);
        assertSame(tmp, "ramp:temperature,units=degC,sampling=bilinear", view);
    }

    @Test
    void lambertGridInAnotherLambertCrs() {
        GridValues tmp = Sources.field(Sources.HRRR_TMP, 1);
        View view = View.of("ESRI:102009", -2.4e6, -1.6e6, 2.2e6, 1.4e6, 900, 777);
        assertSame(tmp, "ramp:temperature,units=degF,min=40,max=110", view);
    }
}
