package org.gsweather.loadtest.capabilities;

import static org.gsweather.loadtest.capabilities.Elements.child;
import static org.gsweather.loadtest.capabilities.Elements.children;
import static org.gsweather.loadtest.capabilities.Elements.number;
import static org.gsweather.loadtest.capabilities.Elements.text;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gsweather.loadtest.tiles.Crs;
import org.gsweather.loadtest.tiles.LayerGrid;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileMatrix;
import org.gsweather.loadtest.tiles.TileMatrixSet;
import org.gsweather.loadtest.tiles.TileRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a run needs from a WMTS 1.0.0 GetCapabilities document (OGC 07-057r7): layers, styles, formats, dimensions,
 * tile matrix sets with their limits, and the GetTile KVP endpoint and REST templates.
 *
 * @param getTileKvpHref the GetTile endpoint for KVP requests, or null when the server offers none
 */
public record WmtsCapabilities(
        List<WmtsLayer> layers, Map<String, TileMatrixSet> tileMatrixSets, String getTileKvpHref) {

    private static final String XLINK = "http://www.w3.org/1999/xlink";

    public WmtsCapabilities {
        layers = List.copyOf(layers);
        tileMatrixSets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tileMatrixSets));
    }

    public static WmtsCapabilities parse(InputStream in, String source) {
        Document doc = Elements.parse(in, source);
        Element root = doc.getDocumentElement();
        if (!"Capabilities".equals(root.getLocalName())) {
            Element exception = Elements.descendant(root, "ExceptionText");
            throw new CapabilitiesException(source + ": not a WMTS capabilities document (root element <"
                    + root.getLocalName() + ">"
                    + (exception != null ? ": " + exception.getTextContent().trim() : "")
                    + ")");
        }
        Element contents = child(root, "Contents");
        if (contents == null) {
            throw new CapabilitiesException(source + ": WMTS capabilities without <Contents>");
        }
        Map<String, TileMatrixSet> sets = new LinkedHashMap<>();
        for (Element s : children(contents, "TileMatrixSet")) {
            TileMatrixSet set = tileMatrixSet(s, source);
            sets.put(set.identifier(), set);
        }
        List<WmtsLayer> layers = new ArrayList<>();
        for (Element l : children(contents, "Layer")) {
            layers.add(layer(l, source));
        }
        return new WmtsCapabilities(layers, sets, getTileKvpHref(root));
    }

    /** The named layer; the error lists the layers there are. */
    public WmtsLayer layer(String identifier) {
        for (WmtsLayer l : layers) {
            if (l.identifier().equals(identifier)) {
                return l;
            }
        }
        throw new CapabilitiesException("no WMTS layer '" + identifier + "'; the server has " + names());
    }

    private String names() {
        List<String> names = layers.stream().map(WmtsLayer::identifier).toList();
        return names.size() <= 30 ? String.join(", ", names) : String.join(", ", names.subList(0, 30)) + ", ...";
    }

    /** A layer's grid in a tile matrix set it links to. */
    public LayerGrid grid(WmtsLayer layer, String tileMatrixSet) {
        Map<String, TileRange> limits = layer.tileMatrixSetLimits().get(tileMatrixSet);
        if (limits == null) {
            throw new CapabilitiesException(
                    "layer " + layer.identifier() + " is not tiled in '" + tileMatrixSet + "'; it is tiled in "
                            + String.join(", ", layer.tileMatrixSetLimits().keySet()));
        }
        TileMatrixSet set = tileMatrixSets.get(tileMatrixSet);
        if (set == null) {
            throw new CapabilitiesException("layer " + layer.identifier() + " links to tile matrix set " + tileMatrixSet
                    + ", which the" + " capabilities do not define");
        }
        return new LayerGrid(set, limits);
    }

    private static TileMatrixSet tileMatrixSet(Element s, String source) {
        String id = text(s, "Identifier");
        String crs = text(s, "SupportedCRS");
        String where = source + ": tile matrix set " + id;
        List<TileMatrix> matrices = new ArrayList<>();
        for (Element m : children(s, "TileMatrix")) {
            String mid = text(m, "Identifier");
            String mwhere = where + ", tile matrix " + mid;
            String[] corner = text(m, "TopLeftCorner").trim().split("\\s+");
            if (corner.length != 2) {
                throw new CapabilitiesException(mwhere + ": TopLeftCorner is not two numbers");
            }
            double a = number(corner[0], "TopLeftCorner", mwhere);
            double b = number(corner[1], "TopLeftCorner", mwhere);
            boolean latFirst = Crs.latitudeFirst(crs);
            double x = latFirst ? b : a;
            double y = latFirst ? a : b;
            if (Crs.of(crs) == Crs.WEB_MERCATOR) {
                x = snapToMercatorEdge(x);
                y = snapToMercatorEdge(y);
            }
            matrices.add(new TileMatrix(
                    mid,
                    number(text(m, "ScaleDenominator"), "ScaleDenominator", mwhere),
                    x,
                    y,
                    (int) number(text(m, "TileWidth"), "TileWidth", mwhere),
                    (int) number(text(m, "TileHeight"), "TileHeight", mwhere),
                    (long) number(text(m, "MatrixWidth"), "MatrixWidth", mwhere),
                    (long) number(text(m, "MatrixHeight"), "MatrixHeight", mwhere)));
        }
        matrices.sort(Comparator.comparingDouble(TileMatrix::scaleDenominator).reversed());
        try {
            return new TileMatrixSet(id, crs, matrices);
        } catch (IllegalArgumentException e) {
            throw new CapabilitiesException(where + ": " + e.getMessage());
        }
    }

    /**
     * GeoServer 2.26 writes the Web Mercator TopLeftCorner northing as 2.0037508E7, 0.34 m short of the world's edge
     * (20037508.3427892) it tiles from; at zoom 23 and beyond, where tiles are a few metres, that would shift rows.
     * A corner within a metre of the edge is the edge.
     */
    private static double snapToMercatorEdge(double v) {
        double edge = 20037508.3427892;
        return Math.abs(Math.abs(v) - edge) < 1 ? Math.copySign(edge, v) : v;
    }

    private static WmtsLayer layer(Element l, String source) {
        String id = text(l, "Identifier");
        String where = source + ": layer " + id;
        List<String> styles = new ArrayList<>();
        String defaultStyle = null;
        for (Element s : children(l, "Style")) {
            String sid = text(s, "Identifier");
            styles.add(sid);
            if ("true".equals(s.getAttribute("isDefault")) && defaultStyle == null) {
                defaultStyle = sid;
            }
        }
        if (defaultStyle == null && !styles.isEmpty()) {
            defaultStyle = styles.get(0);
        }
        List<String> formats = new ArrayList<>();
        for (Element f : children(l, "Format")) {
            formats.add(f.getTextContent().trim());
        }
        Map<String, Map<String, TileRange>> links = new LinkedHashMap<>();
        for (Element link : children(l, "TileMatrixSetLink")) {
            Map<String, TileRange> limits = new TreeMap<>();
            Element all = child(link, "TileMatrixSetLimits");
            if (all != null) {
                for (Element lim : children(all, "TileMatrixLimits")) {
                    String lwhere = where + ", limits of " + text(lim, "TileMatrix");
                    limits.put(
                            text(lim, "TileMatrix"),
                            new TileRange(
                                    (long) number(text(lim, "MinTileCol"), "MinTileCol", lwhere),
                                    (long) number(text(lim, "MinTileRow"), "MinTileRow", lwhere),
                                    (long) number(text(lim, "MaxTileCol"), "MaxTileCol", lwhere),
                                    (long) number(text(lim, "MaxTileRow"), "MaxTileRow", lwhere)));
                }
            }
            links.put(text(link, "TileMatrixSet"), limits);
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (Element d : children(l, "Dimension")) {
            String did = text(d, "Identifier");
            List<String> values = new ArrayList<>();
            for (Element v : children(d, "Value")) {
                values.addAll(DimensionValues.expand(v.getTextContent(), where + ", dimension " + did));
            }
            dimensions.add(new Dimension(did, text(d, "Default"), values));
        }
        Map<String, String> templates = new LinkedHashMap<>();
        for (Element r : children(l, "ResourceURL")) {
            if ("tile".equals(r.getAttribute("resourceType"))) {
                templates.putIfAbsent(r.getAttribute("format"), r.getAttribute("template"));
            }
        }
        return new WmtsLayer(
                id,
                text(l, "Title"),
                wgs84Box(child(l, "WGS84BoundingBox"), where),
                styles,
                defaultStyle,
                formats,
                links,
                dimensions,
                templates);
    }

    private static LonLatBox wgs84Box(Element box, String where) {
        if (box == null) {
            return null;
        }
        String[] lo = text(box, "LowerCorner").split("\\s+");
        String[] hi = text(box, "UpperCorner").split("\\s+");
        double w = number(lo[0], "WGS84BoundingBox", where);
        double s = number(lo[1], "WGS84BoundingBox", where);
        double e = number(hi[0], "WGS84BoundingBox", where);
        double n = number(hi[1], "WGS84BoundingBox", where);
        if (!(w < e && s < n)) {
            return null;
        }
        return new LonLatBox(Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, n));
    }

    private static String getTileKvpHref(Element root) {
        Element ops = child(root, "OperationsMetadata");
        if (ops == null) {
            return null;
        }
        for (Element op : children(ops, "Operation")) {
            if (!"GetTile".equals(op.getAttribute("name"))) {
                continue;
            }
            for (Element dcp : children(op, "DCP")) {
                for (Element http : children(dcp, "HTTP")) {
                    for (Element get : children(http, "Get")) {
                        String encoding = getEncoding(get);
                        if (encoding == null || encoding.equalsIgnoreCase("KVP")) {
                            return get.getAttributeNS(XLINK, "href");
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String getEncoding(Element get) {
        for (Element c : children(get, "Constraint")) {
            if ("GetEncoding".equals(c.getAttribute("name"))) {
                Element value = Elements.descendant(c, "Value");
                return value == null ? null : value.getTextContent().trim();
            }
        }
        return null;
    }
}
