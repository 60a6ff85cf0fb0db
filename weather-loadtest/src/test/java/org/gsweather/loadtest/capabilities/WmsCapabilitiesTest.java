package org.gsweather.loadtest.capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WmsCapabilitiesTest {
    private final WmsCapabilities caps = GeoServerCapabilities.wms();

    @Test
    void readsTheNamedLayersButNotTheUnnamedRoot() {
        assertThat(caps.layers())
                .extracting(WmsLayer::name)
                .containsExactly("nurc:Pk50095", "wx:frames", "tiger:poi", "topp:states");
    }

    @Test
    void readsStylesExtentAndInheritedCrs() {
        WmsLayer states = caps.layer("topp:states");
        assertThat(states.styles()).containsExactly("population", "pophatch", "polygon");
        assertThat(states.defaultStyle()).isEqualTo("population");
        assertThat(states.extent().west()).isEqualTo(-124.731422);
        assertThat(states.extent().north()).isEqualTo(49.371735);
        // EPSG:3857 is listed by the root layer only; WMS 1.3.0 layers inherit their parent's CRSs
        assertThat(states.crs()).contains("EPSG:3857", "EPSG:4326", "CRS:84");
    }

    @Test
    void readsTheTimeDimension() {
        Dimension time = caps.layer("wx:frames").dimensions().get(0);
        assertThat(time.identifier()).isEqualTo("time");
        assertThat(time.defaultValue()).isEqualTo("2024-01-04T00:00:00Z");
        assertThat(time.values()).hasSize(4).startsWith("2024-01-01T00:00:00.000Z");
        assertThat(time.parameter()).isEqualTo("TIME");
    }

    @Test
    void readsTheGetMapEndpointAndFormats() {
        assertThat(caps.getMapHref()).isEqualTo("http://127.0.0.1:8095/geoserver/ows?SERVICE=WMS&");
        assertThat(caps.getMapFormats()).contains("image/png", "image/jpeg", "image/png; mode=8bit");
    }

    @Test
    void rejectsAWmtsDocument() {
        assertThatThrownBy(() -> WmsCapabilities.parse(
                        new ByteArrayInputStream(GeoServerCapabilities.bytes(GeoServerCapabilities.WMTS)), "x"))
                .isInstanceOf(CapabilitiesException.class)
                .hasMessage("x: not a WMS 1.3.0 capabilities document (root element <Capabilities>)");
    }

    @Test
    void rejectsAWms111Document() {
        String wms111 = "<?xml version=\"1.0\"?><WMT_MS_Capabilities version=\"1.1.1\"/>";
        assertThatThrownBy(() ->
                        WmsCapabilities.parse(new ByteArrayInputStream(wms111.getBytes(StandardCharsets.UTF_8)), "old"))
                .hasMessage("old: not a WMS 1.3.0 capabilities document (root element <WMT_MS_Capabilities>)");
    }
}
