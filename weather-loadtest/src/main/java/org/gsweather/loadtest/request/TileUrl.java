package org.gsweather.loadtest.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.loadtest.tiles.Crs;
import org.gsweather.loadtest.tiles.TileMatrix;
import org.gsweather.loadtest.tiles.TileMatrixSet;

/** Writes the request target (path and query) of one tile of one layer. */
public sealed interface TileUrl {

    String target(String style, String time, int zoom, long col, long row);

    /** WMTS 1.0.0 GetTile with key-value pairs (07-057r7 section 8.2.2). */
    record WmtsKvp(String endpoint, String layer, TileMatrixSet set, String format, String timeParameter, String prefix)
            implements TileUrl {

        private static final List<String> KEYS = List.of(
                "SERVICE",
                "REQUEST",
                "VERSION",
                "LAYER",
                "STYLE",
                "TILEMATRIXSET",
                "TILEMATRIX",
                "TILEROW",
                "TILECOL",
                "FORMAT");

        public WmtsKvp(String endpoint, String layer, TileMatrixSet set, String format, String timeParameter) {
            this(endpoint, layer, set, format, timeParameter, QueryString.prefix(endpoint, KEYS));
        }

        @Override
        public String target(String style, String time, int zoom, long col, long row) {
            StringBuilder b = new StringBuilder(prefix)
                    .append("SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=")
                    .append(QueryString.encode(layer))
                    .append("&STYLE=")
                    .append(QueryString.encode(style))
                    .append("&TILEMATRIXSET=")
                    .append(QueryString.encode(set.identifier()))
                    .append("&TILEMATRIX=")
                    .append(QueryString.encode(set.matrix(zoom).identifier()))
                    .append("&TILEROW=")
                    .append(row)
                    .append("&TILECOL=")
                    .append(col)
                    .append("&FORMAT=")
                    .append(QueryString.encode(format));
            if (time != null) {
                b.append('&').append(timeParameter).append('=').append(QueryString.encode(time));
            }
            return b.toString();
        }
    }

    /**
     * WMTS 1.0.0 GetTile in the RESTful encoding (07-057r7 section 10): the layer's ResourceURL template with its
     * variables filled in, dimension variables included.
     */
    record WmtsRest(String template, TileMatrixSet set, String timeIdentifier) implements TileUrl {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

        @Override
        public String target(String style, String time, int zoom, long col, long row) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String v = m.group(1);
                String value = switch (v.toLowerCase(Locale.ROOT)) {
                    case "style" -> style;
                    case "tilematrixset" -> set.identifier();
                    case "tilematrix" -> set.matrix(zoom).identifier();
                    case "tilerow" -> Long.toString(row);
                    case "tilecol" -> Long.toString(col);
                    default -> {
                        if (timeIdentifier != null && v.equalsIgnoreCase(timeIdentifier) && time != null) {
                            yield time;
                        }
                        throw new IllegalStateException("REST template variable {" + v + "} has no value");
                    }
                };
                m.appendReplacement(b, Matcher.quoteReplacement(QueryString.encode(value)));
            }
            m.appendTail(b);
            return b.toString();
        }
    }

    /**
     * WMS 1.3.0 GetMap of one tile of a grid, as tiled web clients (OpenLayers TileWMS, Leaflet) send it. EPSG:4326
     * boxes are written latitude first, as WMS 1.3.0 requires (06-042 section 6.7.3.3).
     */
    record WmsGetMap(
            String endpoint,
            String layer,
            TileMatrixSet grid,
            String crs,
            String format,
            String timeParameter,
            String prefix)
            implements TileUrl {

        private static final List<String> KEYS = List.of(
                "SERVICE",
                "VERSION",
                "REQUEST",
                "LAYERS",
                "STYLES",
                "CRS",
                "BBOX",
                "WIDTH",
                "HEIGHT",
                "FORMAT",
                "TRANSPARENT");

        public WmsGetMap(
                String endpoint, String layer, TileMatrixSet grid, String crs, String format, String timeParameter) {
            this(endpoint, layer, grid, crs, format, timeParameter, QueryString.prefix(endpoint, KEYS));
        }

        @Override
        public String target(String style, String time, int zoom, long col, long row) {
            TileMatrix m = grid.matrix(zoom);
            Crs kind = grid.crs();
            double[] box = m.bounds(kind, col, row);
            boolean latFirst = Crs.latitudeFirst(crs);
            StringBuilder b = new StringBuilder(prefix)
                    .append("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=")
                    .append(QueryString.encode(layer))
                    .append("&STYLES=")
                    .append(QueryString.encode(style))
                    .append("&CRS=")
                    .append(QueryString.encode(crs))
                    .append("&BBOX=");
            int[] order = latFirst ? new int[] {1, 0, 3, 2} : new int[] {0, 1, 2, 3};
            int decimals = decimals(m.pixelSpan(kind));
            for (int i = 0; i < 4; i++) {
                b.append(i == 0 ? "" : ",").append(plain(box[order[i]], decimals));
            }
            b.append("&WIDTH=")
                    .append(m.tileWidth())
                    .append("&HEIGHT=")
                    .append(m.tileHeight())
                    .append("&FORMAT=")
                    .append(QueryString.encode(format))
                    .append("&TRANSPARENT=TRUE");
            if (time != null) {
                b.append('&').append(timeParameter).append('=').append(QueryString.encode(time));
            }
            return b.toString();
        }

        /**
         * Decimals that resolve a millionth of a pixel: the box is exact for any renderer, and free of the float
         * noise of scale denominators (5009377.0856972635 for 5009377.0856973).
         */
        private static int decimals(double pixelSpan) {
            return Math.max(0, Math.min(12, (int) Math.ceil(-Math.log10(pixelSpan * 1e-6))));
        }

        /** A plain decimal, never in E notation (some servers reject it). */
        private static String plain(double v, int decimals) {
            BigDecimal d = BigDecimal.valueOf(v)
                    .setScale(decimals, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
    }
}
