package org.gsweather.loadtest.capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.gsweather.loadtest.tiles.TileMatrix;
import org.gsweather.loadtest.tiles.TileMatrixSet;
import org.gsweather.loadtest.tiles.TileRange;
import org.junit.jupiter.api.Test;

class WmtsCapabilitiesTest {
    private final WmtsCapabilities caps = GeoServerCapabilities.wmts();

    @Test
    void readsGeoServersLayersInDocumentOrder() {
        assertThat(caps.layers())
                .extracting(WmtsLayer::identifier)
                .containsExactly("nurc:Pk50095", "topp:states", "wx:frames", "tiger:poi");
    }

    @Test
    void readsStylesWithTheDefaultOne() {
        WmtsLayer states = caps.layer("topp:states");
        assertThat(states.styles()).containsExactly("polygon", "pophatch", "population");
        assertThat(states.defaultStyle()).isEqualTo("population");
        assertThat(states.formats()).containsExactly("image/png", "image/jpeg");
    }

    @Test
    void readsTheWgs84BoundingBox() {
        WmtsLayer pk = caps.layer("nurc:Pk50095");
        assertThat(pk.extent().west()).isEqualTo(12.99944682265046);
        assertThat(pk.extent().south()).isEqualTo(46.722110379286);
        assertThat(pk.extent().east()).isEqualTo(13.308182612644663);
        assertThat(pk.extent().north()).isEqualTo(46.91359611878293);
    }

    @Test
    void readsGeoServersTwoGridsetsWithEveryZoomLevel() {
        TileMatrixSet g900913 = caps.tileMatrixSets().get("EPSG:900913");
        TileMatrixSet g4326 = caps.tileMatrixSets().get("EPSG:4326");
        assertThat(g900913.crsIdentifier()).isEqualTo("urn:ogc:def:crs:EPSG::900913");
        assertThat(g900913.matrices()).hasSize(31);
        assertThat(g4326.matrices()).hasSize(22);
        TileMatrix z0 = g900913.matrix(0);
        assertThat(z0.identifier()).isEqualTo("EPSG:900913:0");
        assertThat(z0.scaleDenominator()).isEqualTo(5.590822639508929E8);
        // written as -2.003750834E7 2.0037508E7; both are the world's edge, which GWC tiles from
        assertThat(z0.originX()).isEqualTo(-20037508.3427892);
        assertThat(z0.originY()).isEqualTo(20037508.3427892);
        assertThat(g900913.matrix(30).matrixWidth()).isEqualTo(1073741824L);
    }

    @Test
    void swapsTheLatitudeFirstTopLeftCornerOfEpsg4326() {
        // GeoServer writes <TopLeftCorner>90.0 -180.0</TopLeftCorner>: EPSG:4326 axis order is latitude, longitude
        TileMatrix z0 = caps.tileMatrixSets().get("EPSG:4326").matrix(0);
        assertThat(z0.originX()).isEqualTo(-180.0);
        assertThat(z0.originY()).isEqualTo(90.0);
        assertThat(z0.matrixWidth()).isEqualTo(2);
        assertThat(z0.matrixHeight()).isEqualTo(1);
    }

    @Test
    void readsTileMatrixSetLimits() {
        TileRange z12 = caps.layer("nurc:Pk50095")
                .tileMatrixSetLimits()
                .get("EPSG:4326")
                .get("EPSG:4326:12");
        assertThat(z12).isEqualTo(new TileRange(4391, 980, 4398, 984));
    }

    @Test
    void readsTheTimeDimensionOfAGwcParameterFilter() {
        Dimension time = caps.layer("wx:frames").dimensions().get(0);
        assertThat(time.identifier()).isEqualTo("TIME");
        assertThat(time.defaultValue()).isEqualTo("2024-01-04T00:00:00.000Z");
        assertThat(time.values())
                .containsExactly(
                        "2024-01-01T00:00:00.000Z",
                        "2024-01-02T00:00:00.000Z",
                        "2024-01-03T00:00:00.000Z",
                        "2024-01-04T00:00:00.000Z");
        assertThat(time.parameter()).isEqualTo("TIME");
    }

    @Test
    void readsKvpEndpointAndRestTemplates() {
        assertThat(caps.getTileKvpHref()).isEqualTo("http://127.0.0.1:8095/geoserver/gwc/service/wmts?");
        assertThat(caps.layer("wx:frames").tileTemplates().get("image/png"))
                .isEqualTo("http://127.0.0.1:8095/geoserver/gwc/service/wmts/rest/wx:frames/{style}/{TileMatrixSet}/"
                        + "{TileMatrix}/{TileRow}/{TileCol}?format=image/png&TIME={TIME}");
    }

    @Test
    void namesTheLayersThereAreWhenOneIsMissing() {
        assertThatThrownBy(() -> caps.layer("wx:nope"))
                .isInstanceOf(CapabilitiesException.class)
                .hasMessage("no WMTS layer 'wx:nope'; the server has nurc:Pk50095, topp:states, wx:frames, tiger:poi");
    }

    @Test
    void saysWhatTheServerAnsweredInsteadOfCapabilities() {
        assertThatThrownBy(() -> WmtsCapabilities.parse(
                        GeoServerCapabilities.open(GeoServerCapabilities.WMTS_EXCEPTION), "server"))
                .isInstanceOf(CapabilitiesException.class)
                .hasMessage("server: not a WMTS capabilities document (root element <ExceptionReport>: Invalid request"
                        + " name 'getcapabilitiez'.)");
    }

    @Test
    void rejectsTextThatIsNotXml() {
        assertThatThrownBy(() -> WmtsCapabilities.parse(
                        new ByteArrayInputStream("<html><body>Bad gateway".getBytes(StandardCharsets.UTF_8)), "proxy"))
                .isInstanceOf(CapabilitiesException.class)
                .hasMessageStartingWith("proxy: not an XML document:");
    }
}
