package org.gsweather.loadtest.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.gsweather.loadtest.capabilities.GeoServerCapabilities;
import org.gsweather.loadtest.capabilities.WmsCapabilities;
import org.gsweather.loadtest.capabilities.WmtsCapabilities;
import org.gsweather.loadtest.scenario.Regions;
import org.gsweather.loadtest.scenario.ScenarioOverrides;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.Scenarios;
import org.gsweather.loadtest.tiles.TileRange;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private final WmtsCapabilities wmts = GeoServerCapabilities.wmts();
    private final WmsCapabilities wms = GeoServerCapabilities.wms();
    private final Regions regions = Regions.builtIn();

    private static ScenarioPlan plan(String yaml) {
        return Scenarios.parse("t", yaml + "\nstages: [{duration: 1s}]", ScenarioOverrides.NONE);
    }

    @Test
    void wmtsKvpTargetsUseTheDefaultStyleAndWebMercator() {
        LayerTarget t =
                Targets.fromWmts(plan("layers: [topp:states]"), wmts, regions).get(0);
        assertThat(t.grid().set().identifier()).isEqualTo("EPSG:900913");
        assertThat(t.styles()).containsExactly("population");
        assertThat(t.times()).containsExactly((String) null);
        assertThat(t.request("population", null, 3, 2, 3, -1).target())
                .isEqualTo("/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=topp:states"
                        + "&STYLE=population&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:3&TILEROW=3&TILECOL=2"
                        + "&FORMAT=image%2Fpng");
    }

    @Test
    void wmtsRestTargetsFillTheTemplateWithTheTime() {
        LayerTarget t = Targets.fromWmts(
                        plan("service: wmts-rest\nlayers: [wx:frames]\ntimes: all\ntileMatrixSet: EPSG:4326"),
                        wmts,
                        regions)
                .get(0);
        assertThat(t.times()).hasSize(4);
        assertThat(t.request("raster", t.times().get(1), 6, 68, 15, -1).target())
                .isEqualTo("/geoserver/gwc/service/wmts/rest/wx:frames/raster/EPSG:4326/EPSG:4326:6/15/68"
                        + "?format=image/png&TIME=2024-01-02T00:00:00.000Z");
    }

    @Test
    void wmsTargetsAreGetMapTilesWithPlainNumbers() {
        LayerTarget t = Targets.fromWms(plan("service: wms\nlayers: [topp:states]"), wms, regions)
                .get(0);
        assertThat(t.request("population", null, 3, 2, 3, -1).target())
                .isEqualTo("/geoserver/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=topp:states"
                        + "&STYLES=population&CRS=EPSG:3857&BBOX=-10018754.17,0,-5009377.09,5009377.09"
                        + "&WIDTH=256&HEIGHT=256&FORMAT=image%2Fpng&TRANSPARENT=TRUE");
    }

    @Test
    void wmsEpsg4326BoxesAreLatitudeFirst() {
        LayerTarget t = Targets.fromWms(
                        plan("service: wms\nlayers: [wx:frames]\ntileMatrixSet: EPSG:4326\ntimes: latest"),
                        wms,
                        regions)
                .get(0);
        String target = t.request("raster", t.times().get(0), 5, 34, 7, -1).target();
        // tile col 34 row 7 of zoom 5 is lon 11.25..16.875, lat 45..50.625
        assertThat(target).contains("&CRS=EPSG:4326&BBOX=45,11.25,50.625,16.875&");
        assertThat(target).endsWith("&TIME=2024-01-04T00:00:00.000Z");
    }

    @Test
    void theAreaIsTheRegionWithinTheLayerExtent() {
        LayerTarget t = Targets.fromWmts(plan("layers: [topp:states]\nregion: new_york\nzooms: 0-12"), wmts, regions)
                .get(0);
        assertThat(t.area().west()).isEqualTo(-74.26);
        // OpenStreetMap's slippy-map tiles of the box's corners at zoom 10: (300, 384) and (302, 385)
        assertThat(t.areaRange(10)).isEqualTo(new TileRange(300, 384, 302, 385));
        assertThat(t.zooms()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void timeSelections() {
        List<String> all = Targets.fromWmts(plan("layers: [wx:frames]\ntimes: all"), wmts, regions)
                .get(0)
                .times();
        assertThat(all).hasSize(4);
        assertThat(Targets.fromWmts(plan("layers: [wx:frames]\ntimes: first:2"), wmts, regions)
                        .get(0)
                        .times())
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(Targets.fromWmts(plan("layers: [wx:frames]\ntimes: last:1"), wmts, regions)
                        .get(0)
                        .times())
                .containsExactly(all.get(3));
        assertThat(Targets.fromWmts(plan("layers: [wx:frames]\ntimes: '2024-01-02T00:00:00Z'"), wmts, regions)
                        .get(0)
                        .times())
                .containsExactly("2024-01-02T00:00:00Z");
        // a layer without a time dimension is requested without TIME by "all"
        assertThat(Targets.fromWmts(plan("layers: [topp:states]\ntimes: all"), wmts, regions)
                        .get(0)
                        .times())
                .containsExactly((String) null);
    }

    @Test
    void mismatchesSayWhatTheServerHas() {
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\nstyles: pink"), wmts, regions))
                .hasMessage("layer topp:states has no style 'pink'; it has polygon, pophatch, population");
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\nregion: london"), wmts, regions))
                .hasMessageStartingWith(
                        "region london [-0.51, 51.28, 0.33, 51.69] does not overlap layer topp:states's" + " extent");
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\nzooms: 40-41"), wmts, regions))
                .hasMessageStartingWith("layer topp:states has no tiles at zooms 40-41");
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\ntileMatrixSet: UTM33"), wmts, regions))
                .hasMessage("layer topp:states is not tiled in 'UTM33'; it is tiled in EPSG:4326, EPSG:900913");
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\nformat: image/webp"), wmts, regions))
                .hasMessage("layer topp:states has no format image/webp; it has image/png, image/jpeg");
        assertThatThrownBy(() -> Targets.fromWmts(plan("layers: [topp:states]\ntimes: '2024-01-01'"), wmts, regions))
                .hasMessage("layer topp:states has no time dimension; times '2024-01-01' cannot apply");
        assertThatThrownBy(() -> Targets.fromWmts(plan("zooms: 1"), wmts, regions))
                .hasMessage("scenario t names no layers: give --layer NAME (repeatable)");
    }

    @Test
    void labelsReadLayerAndZoomBackFromRequests() {
        assertThat(RequestLabels.of("/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=topp%3Astates"
                        + "&TILEMATRIX=EPSG:900913:12&FORMAT=image/png"))
                .isEqualTo(new RequestLabels("topp:states", 12, true));
        assertThat(RequestLabels.of("/geoserver/gwc/service/wmts/rest/wx:frames/raster/EPSG:4326/EPSG:4326:6/15/68"
                        + "?format=image/png"))
                .isEqualTo(new RequestLabels("wx:frames", 6, true));
        assertThat(RequestLabels.of("/geoserver/gwc/service/tms/1.0.0/topp:states@EPSG:900913@png/4/3/9.png"))
                .isEqualTo(new RequestLabels("topp:states", 4, true));
        assertThat(RequestLabels.of("/geoserver/ows?SERVICE=WMS&REQUEST=GetMap&LAYERS=topp:states&FORMAT=image/png"))
                .isEqualTo(new RequestLabels("topp:states", -1, true));
        assertThat(RequestLabels.of("/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"))
                .isEqualTo(new RequestLabels("-", -1, false));
    }

    @Test
    void endpointQueriesKeepTheirOwnParameters() {
        // a MapServer endpoint carries its map file; our SERVICE replaces its own
        assertThat(QueryString.prefix("/cgi-bin/mapserv?map=/maps/wx.map&SERVICE=WMS&", Arrays.asList("SERVICE")))
                .isEqualTo("/cgi-bin/mapserv?map=/maps/wx.map&");
    }
}
