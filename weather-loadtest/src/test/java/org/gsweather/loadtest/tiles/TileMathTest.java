package org.gsweather.loadtest.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gsweather.loadtest.capabilities.GeoServerCapabilities;
import org.gsweather.loadtest.capabilities.WmtsCapabilities;
import org.gsweather.loadtest.capabilities.WmtsLayer;
import org.junit.jupiter.api.Test;

class TileMathTest {
    private final WmtsCapabilities caps = GeoServerCapabilities.wmts();

    /** The slippy-map tile of a point (OpenStreetMap's formula, written with asinh instead of our log-tan). */
    private static long[] osmTile(double lon, double lat, int z) {
        double n = Math.pow(2, z);
        double latRad = Math.toRadians(lat);
        double asinh = Math.log(Math.tan(latRad) + Math.sqrt(Math.tan(latRad) * Math.tan(latRad) + 1));
        return new long[] {(long) Math.floor((lon + 180) / 360 * n), (long) Math.floor((1 - asinh / Math.PI) / 2 * n)};
    }

    private static TileRange tileAt(TileMatrixSet set, int z, double lon, double lat) {
        LayerGrid g = new LayerGrid(set, Map.of());
        return g.covering(z, new LonLatBox(lon - 1e-9, lat - 1e-9, lon + 1e-9, lat + 1e-9));
    }

    @Test
    void webMercatorQuadTilesAreOpenStreetMapsTiles() {
        double[][] points = {
            {-73.9857, 40.7484},
            {151.2153, -33.8568},
            {-21.9426, 64.1466},
            {2.2945, 48.8584},
            {-157.8583, 21.3069},
            {18.4241, -33.9249}
        };
        TileMatrixSet quad = TileMatrixSet.webMercatorQuad(20);
        for (double[] p : points) {
            for (int z = 0; z <= 20; z++) {
                long[] osm = osmTile(p[0], p[1], z);
                TileRange t = tileAt(quad, z, p[0], p[1]);
                assertThat(new long[] {t.minCol(), t.minRow()})
                        .as("%s,%s at z%d", p[0], p[1], z)
                        .containsExactly(osm);
            }
        }
    }

    @Test
    void geoServersEpsg900913GridsetIsWebMercatorQuad() {
        TileMatrixSet gs = caps.tileMatrixSets().get("EPSG:900913");
        TileMatrixSet quad = TileMatrixSet.webMercatorQuad(30);
        for (int z = 0; z <= 30; z++) {
            TileMatrix a = gs.matrix(z);
            TileMatrix b = quad.matrix(z);
            assertThat(a.matrixWidth()).isEqualTo(b.matrixWidth());
            assertThat(a.matrixHeight()).isEqualTo(b.matrixHeight());
            assertThat(a.pixelSpan(gs.crs()))
                    .isCloseTo(b.pixelSpan(quad.crs()), within(b.pixelSpan(quad.crs()) * 1e-9));
        }
    }

    @Test
    void geoServersEpsg4326GridsetIsWorldCrs84Quad() {
        TileMatrixSet gs = caps.tileMatrixSets().get("EPSG:4326");
        TileMatrixSet quad = TileMatrixSet.worldCrs84Quad(21);
        assertThat(gs.crs()).isEqualTo(Crs.GEOGRAPHIC);
        for (int z = 0; z <= 21; z++) {
            TileMatrix a = gs.matrix(z);
            TileMatrix b = quad.matrix(z);
            assertThat(a.matrixWidth()).isEqualTo(b.matrixWidth());
            assertThat(a.matrixHeight()).isEqualTo(b.matrixHeight());
            assertThat(a.pixelSpan(gs.crs()) * 256).isCloseTo(180.0 / (1L << z), within(1e-12));
            assertThat(new double[] {a.originX(), a.originY()}).containsExactly(b.originX(), b.originY());
        }
    }

    /** GWC tiles Web Mercator from +-20037508.34, OGC from +-20037508.3427892: a few millimetres apart. */
    private static final double MERCATOR_TOLERANCE_METRES = 0.01;

    @Test
    void tileBoundsAreWhatGeoWebCacheAnswers() {
        // geowebcache-tile-bounds headers of GeoServer 2.26.2 GetTile answers (EPSG:4326:5 row 7 col 34,
        // EPSG:900913:9 row 190 col 150, EPSG:900913:3 row 3 col 2)
        TileMatrixSet g4326 = caps.tileMatrixSets().get("EPSG:4326");
        assertThat(g4326.matrix(5).bounds(Crs.GEOGRAPHIC, 34, 7))
                .containsExactly(new double[] {11.25, 45.0, 16.875, 50.625}, within(1e-12));
        TileMatrixSet g900913 = caps.tileMatrixSets().get("EPSG:900913");
        assertThat(g900913.matrix(9).bounds(Crs.WEB_MERCATOR, 150, 190))
                .containsExactly(
                        new double[] {-8296780.79703125, 5087648.6019531265, -8218509.280078124, 5165920.118906248},
                        within(MERCATOR_TOLERANCE_METRES));
        assertThat(g900913.matrix(3).bounds(Crs.WEB_MERCATOR, 2, 3))
                .containsExactly(
                        new double[] {-10018754.17, 0.0, -5009377.085000001, 5009377.085000001},
                        within(MERCATOR_TOLERANCE_METRES));
    }

    /**
     * GWC computes each layer's TileMatrixSetLimits from its native bounds; ours come from the WGS84BoundingBox.
     * They must agree down to tiles of a few metres (zoom 24 in Web Mercator, 2.4 m); below, the centimetres
     * between the two boxes decide edge tiles.
     */
    private static final int LIMITS_AGREE_TO_ZOOM = 24;

    @Test
    void tileRangesOfALayerExtentAreGeoWebCachesLimits() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (WmtsLayer layer : caps.layers()) {
            for (String set : layer.tileMatrixSetLimits().keySet()) {
                LayerGrid grid = caps.grid(layer, set);
                LayerGrid unlimited = new LayerGrid(grid.set(), Map.of());
                for (int z = 0; z < Math.min(grid.zoomLevels(), LIMITS_AGREE_TO_ZOOM + 1); z++) {
                    TileRange gwc = grid.limits(z);
                    TileRange ours = unlimited.covering(z, layer.extent());
                    compared++;
                    if (!gwc.equals(ours)) {
                        mismatches.add(layer.identifier() + " " + set + " z" + z + ": GWC " + gwc + " ours " + ours);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(4 * (25 + 22));
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aBoxOnTileEdgesTakesNoNeighbour() {
        TileMatrixSet quad = TileMatrixSet.worldCrs84Quad(5);
        LayerGrid g = new LayerGrid(quad, Map.of());
        // z1 tiles are 90 degrees wide: [0, 90] x [0, 90] is exactly tile col 2, row 0
        assertThat(g.covering(1, new LonLatBox(0, 0, 90, 90))).isEqualTo(new TileRange(2, 0, 2, 0));
    }

    @Test
    void limitsClipTheRange() {
        WmtsLayer pk = caps.layer("nurc:Pk50095");
        LayerGrid grid = caps.grid(pk, "EPSG:4326");
        assertThat(grid.covering(12, LonLatBox.WORLD)).isEqualTo(new TileRange(4391, 980, 4398, 984));
        assertThat(grid.covering(12, new LonLatBox(-10, -10, 10, 10))).isNull();
    }
}
