package org.gsweather.loadtest.capabilities;

import static org.gsweather.loadtest.capabilities.Elements.child;
import static org.gsweather.loadtest.capabilities.Elements.children;
import static org.gsweather.loadtest.capabilities.Elements.number;
import static org.gsweather.loadtest.capabilities.Elements.text;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a run needs from a WMS 1.3.0 GetCapabilities document (OGC 06-042): the named layers with their styles, CRSs,
 * geographic extents and dimensions, the GetMap formats and endpoint.
 */
public record WmsCapabilities(List<WmsLayer> layers, List<String> getMapFormats, String getMapHref) {

    private static final String XLINK = "http://www.w3.org/1999/xlink";

    public WmsCapabilities {
        layers = List.copyOf(layers);
        getMapFormats = List.copyOf(getMapFormats);
    }

    public static WmsCapabilities parse(InputStream in, String source) {
        Document doc = Elements.parse(in, source);
        Element root = doc.getDocumentElement();
        if (!"WMS_Capabilities".equals(root.getLocalName())) {
            Element exception = Elements.descendant(root, "ServiceException");
            throw new CapabilitiesException(source + ": not a WMS 1.3.0 capabilities document (root element <"
                    + root.getLocalName() + ">"
                    + (exception != null ? ": " + exception.getTextContent().trim() : "")
                    + ")");
        }
        Element capability = child(root, "Capability");
        if (capability == null) {
            throw new CapabilitiesException(source + ": WMS capabilities without <Capability>");
        }
        List<String> formats = new ArrayList<>();
        String href = null;
        Element getMap = Elements.path(capability, "Request", "GetMap");
        if (getMap != null) {
            for (Element f : children(getMap, "Format")) {
                formats.add(f.getTextContent().trim());
            }
            Element resource = Elements.path(getMap, "DCPType", "HTTP", "Get", "OnlineResource");
            if (resource != null) {
                href = resource.getAttributeNS(XLINK, "href");
            }
        }
        List<WmsLayer> layers = new ArrayList<>();
        for (Element l : children(capability, "Layer")) {
            collect(l, new Inherited(null, List.of(), List.of(), Map.of()), layers, source);
        }
        return new WmsCapabilities(layers, formats, href);
    }

    /** The named layer; the error lists the layers there are. */
    public WmsLayer layer(String name) {
        for (WmsLayer l : layers) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        List<String> names = layers.stream().map(WmsLayer::name).toList();
        throw new CapabilitiesException("no WMS layer '" + name + "'; the server has "
                + (names.size() <= 30 ? String.join(", ", names) : String.join(", ", names.subList(0, 30)) + ", ..."));
    }

    private record Inherited(
            LonLatBox extent, List<String> styles, List<String> crs, Map<String, Dimension> dimensions) {}

    private static void collect(Element l, Inherited parent, List<WmsLayer> out, String source) {
        String name = text(l, "Name");
        String where = source + ": layer " + (name != null ? name : text(l, "Title"));
        LonLatBox extent = parent.extent();
        Element box = child(l, "EX_GeographicBoundingBox");
        if (box != null) {
            double w = number(text(box, "westBoundLongitude"), "westBoundLongitude", where);
            double e = number(text(box, "eastBoundLongitude"), "eastBoundLongitude", where);
            double s = number(text(box, "southBoundLatitude"), "southBoundLatitude", where);
            double n = number(text(box, "northBoundLatitude"), "northBoundLatitude", where);
            if (w < e && s < n) {
                extent = new LonLatBox(Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, n));
            }
        }
        Set<String> styles = new LinkedHashSet<>(parent.styles());
        for (Element s : children(l, "Style")) {
            styles.add(text(s, "Name"));
        }
        Set<String> crs = new LinkedHashSet<>(parent.crs());
        for (Element c : children(l, "CRS")) {
            crs.add(c.getTextContent().trim());
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>(parent.dimensions());
        for (Element d : children(l, "Dimension")) {
            String dname = d.getAttribute("name");
            String def = d.hasAttribute("default") ? d.getAttribute("default") : null;
            dimensions.put(
                    dname.toLowerCase(java.util.Locale.ROOT),
                    new Dimension(
                            dname, def, DimensionValues.expand(d.getTextContent(), where + ", dimension " + dname)));
        }
        Inherited mine = new Inherited(extent, List.copyOf(styles), List.copyOf(crs), dimensions);
        if (name != null && !name.isEmpty()) {
            out.add(new WmsLayer(
                    name, text(l, "Title"), extent, mine.styles(), mine.crs(), List.copyOf(dimensions.values())));
        }
        for (Element c : children(l, "Layer")) {
            collect(c, mine, out, source);
        }
    }
}
