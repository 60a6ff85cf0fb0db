package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a specific error that says what would be right. */
class StyleAndCrsErrorsTest {

    @Test
    void layeredStylesParseInOrder() {
        List<Style> s = StyleParser.parse("ramp:temperature,min=-40,max=40,units=degC+isolines:interval=4+barbs");
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).isInstanceOf(RampStyle.class);
        assertThat(((RampStyle) s.get(0)).min()).isEqualTo(-40);
        assertThat(((IsolineStyle) s.get(1)).interval()).isEqualTo(4);
        assertThat(s.get(2)).isInstanceOf(BarbStyle.class);
        assertThat(((ArrowStyle) StyleParser.parse("arrows,scaled").get(0)).scaled())
                .isTrue();
    }

    @Test
    void unknownStylesParametersPalettesAndNumbersAreNamed() {
        assertThatThrownBy(() -> StyleParser.parse("heatmap:x=1"))
                .isInstanceOf(StyleException.class)
                .hasMessageContaining("unknown style 'heatmap'");
        assertThatThrownBy(() -> StyleParser.parse("ramp:temperature,maximum=3"))
                .hasMessageContaining("unknown parameter 'maximum'")
                .hasMessageContaining("max");
        assertThatThrownBy(() -> StyleParser.parse("ramp:rainbow"))
                .hasMessageContaining("unknown palette 'rainbow'")
                .hasMessageContaining("reflectivity");
        assertThatThrownBy(() -> StyleParser.parse("isolines:interval=four")).hasMessageContaining("interval='four'");
        assertThatThrownBy(() -> StyleParser.parse("isolines")).hasMessageContaining("give interval=N");
        assertThatThrownBy(() -> StyleParser.parse("barbs:spacing=2"))
                .hasMessageContaining("spacing=2.0 px out of range");
        assertThatThrownBy(() -> StyleParser.parse("ramp:temperature,below=#12"))
                .hasMessageContaining("#rrggbb");
    }

    @Test
    void everyKeyAStyleListsIsAcceptedByTheParser() {
        assertThat(StyleParser.keys("barbs")).containsExactly("color", "colors", "size", "spacing", "width");
        for (String kind : List.of("ramp", "barbs", "arrows", "isolines")) {
            for (String key : StyleParser.keys(kind)) {
                Throwable error = catchThrowable(() -> StyleParser.parse(kind + ":" + key + "=?"));
                assertThat(error == null ? "" : error.getMessage()).doesNotContain("unknown parameter");
            }
        }
        assertThatThrownBy(() -> StyleParser.keys("heatmap")).hasMessageContaining("unknown style 'heatmap'");
    }

    @Test
    void crsCodesAndTheirErrors() {
        assertThat(OutputCrs.of("EPSG:900913")).isSameAs(OutputCrs.WEB_MERCATOR);
        assertThat(OutputCrs.of("urn:ogc:def:crs:EPSG::4326")).isSameAs(OutputCrs.WGS84);
        assertThat(OutputCrs.of("EPSG:4326").northingFirst()).isTrue();
        assertThat(OutputCrs.of("LCC:25,25,25,-95").projection().toProj()).startsWith("+proj=lcc +lat_1=25 +lat_2=25");
        assertThatThrownBy(() -> OutputCrs.of("EPSG:32633"))
                .isInstanceOf(UnknownCrsException.class)
                .hasMessageContaining("unknown CRS EPSG:32633")
                .hasMessageContaining("EPSG:3413");
        assertThatThrownBy(() -> OutputCrs.of("LCC:25,x,25,-95")).hasMessageContaining("'x' is not a number");
    }

    @Test
    void wms130WritesEpsg4326LatitudeFirstButCrs84AndWms111LongitudeFirst() {
        View v = View.ofWms("1.3.0", "EPSG:4326", "20,-10,40,30", 256, 256);
        assertThat(List.of(v.minX(), v.minY(), v.maxX(), v.maxY())).containsExactly(-10.0, 20.0, 30.0, 40.0);
        View crs84 = View.ofWms("1.3.0", "CRS:84", "-10,20,30,40", 256, 256);
        assertThat(crs84.minX()).isEqualTo(-10.0);
        View old = View.ofWms("1.1.1", "EPSG:4326", "-10,20,30,40", 256, 256);
        assertThat(old.minX()).isEqualTo(-10.0);
        assertThat(View.ofWms("1.3.0", "EPSG:3857", "0,0,1000,1000", 256, 256).maxX())
                .isEqualTo(1000.0);
        assertThatThrownBy(() -> View.ofWms("1.3.0", "EPSG:4326", "1,2,3", 256, 256))
                .hasMessageContaining("four numbers");
    }

    @Test
    void bboxOutsideTheDomainAndBadSizesAreRefused() {
        assertThatThrownBy(() -> View.of("EPSG:3857", -8e7, 0, -6.1e7, 1e6, 256, 256))
                .hasMessageContaining("outside the domain of EPSG:3857")
                .hasMessageContaining("one turn");
        assertThatThrownBy(() -> View.of("EPSG:3413", -1.3e7, 0, -1.2e7, 1e6, 256, 256))
                .hasMessageContaining("outside the domain of EPSG:3413")
                .hasMessageNotContaining("turn");
        assertThatThrownBy(() -> View.of("EPSG:4326", 0, 91, 10, 95, 256, 256))
                .hasMessageContaining("outside the domain");
        assertThatThrownBy(() -> View.of("EPSG:4326", 10, 0, 0, 10, 256, 256)).hasMessageContaining("min < max");
        assertThatThrownBy(() -> View.of("EPSG:4326", 0, 0, 10, 10, 0, 256)).hasMessageContaining("image size");
    }

    @Test
    void tileMatrixSetsFollowOgcTms() {
        View z1 = TileMatrixSet.WEB_MERCATOR_QUAD.tile(1, 1, 0, 256);
        assertThat(z1.minX()).isEqualTo(0);
        assertThat(z1.maxY()).isEqualTo(OutputCrs.WEB_MERCATOR_LIMIT);
        assertThat(TileMatrixSet.WORLD_CRS84_QUAD.columns(0)).isEqualTo(2);
        View w = TileMatrixSet.WORLD_CRS84_QUAD.tile(0, 1, 0, 256);
        assertThat(List.of(w.minX(), w.minY(), w.maxX(), w.maxY())).containsExactly(0.0, -90.0, 180.0, 90.0);
        assertThatThrownBy(() -> TileMatrixSet.WEB_MERCATOR_QUAD.tile(2, 4, 0, 256))
                .hasMessageContaining("does not exist in WebMercatorQuad");
        assertThatThrownBy(() -> TileMatrixSet.of("EPSG:4326grid")).hasMessageContaining("WorldCRS84Quad");
    }

    @Test
    void windComponentsMustPairOnOneGrid() {
        GridValues gfs = Sources.field(Sources.GFS, "TMP", "850 hPa");
        GridValues hrrr = Sources.field(Sources.HRRR_TMP, 1);
        assertThatThrownBy(() -> new WindValues(gfs, hrrr, false))
                .hasMessageContaining("u and v lie on different grids");
        assertThatThrownBy(() -> new TileRenderer()
                        .render(
                                FieldSource.of(gfs),
                                StyleParser.parse("barbs"),
                                View.of("EPSG:4326", 0, 0, 10, 10, 64, 64)))
                .hasMessageContaining("barbs and arrows need a u/v pair");
    }
}
