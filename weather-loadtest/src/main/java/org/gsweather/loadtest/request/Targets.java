package org.gsweather.loadtest.request;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gsweather.loadtest.capabilities.Dimension;
import org.gsweather.loadtest.capabilities.WmsCapabilities;
import org.gsweather.loadtest.capabilities.WmsLayer;
import org.gsweather.loadtest.capabilities.WmtsCapabilities;
import org.gsweather.loadtest.capabilities.WmtsLayer;
import org.gsweather.loadtest.scenario.Region;
import org.gsweather.loadtest.scenario.Regions;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.Service;
import org.gsweather.loadtest.tiles.Crs;
import org.gsweather.loadtest.tiles.LayerGrid;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileMatrixSet;

/** Resolves a scenario's layers against a server's capabilities into {@link LayerTarget}s. */
public final class Targets {

    /** Tile matrix sets preferred by "auto", in order: Web Mercator ones first, as web maps use. */
    private static final List<String> PREFERRED =
            List.of("EPSG:900913", "EPSG:3857", "WebMercatorQuad", "GoogleMapsCompatible", "GoogleMapsCompatible_256");

    /** Web Mercator's latitude limit, for layers without an extent. */
    private static final LonLatBox MERCATOR_WORLD = new LonLatBox(-180, -85.0511287798066, 180, 85.0511287798066);

    private Targets() {}

    /** The scenario's layers from WMTS capabilities (KVP or REST). */
    public static List<LayerTarget> fromWmts(ScenarioPlan plan, WmtsCapabilities caps, Regions regions) {
        List<LayerTarget> out = new ArrayList<>();
        requireLayers(plan);
        for (int i = 0; i < plan.layers().size(); i++) {
            WmtsLayer layer = caps.layer(plan.layers().get(i));
            String setId = tileMatrixSet(plan.tileMatrixSet(), layer);
            LayerGrid grid = caps.grid(layer, setId);
            if (!layer.formats().isEmpty() && !layer.formats().contains(plan.format())) {
                throw new TargetException("layer " + layer.identifier() + " has no format " + plan.format()
                        + "; it has " + String.join(", ", layer.formats()));
            }
            Dimension time = timeDimension(layer.dimensions());
            List<String> times = times(plan.times(), time, layer.identifier());
            TileUrl url;
            if (plan.service() == Service.WMTS_REST) {
                String template = layer.tileTemplates().get(plan.format());
                if (template == null) {
                    throw new TargetException("layer " + layer.identifier() + " has no RESTful ResourceURL for "
                            + plan.format() + "; use --service wmts (KVP)");
                }
                url = new TileUrl.WmtsRest(pathAndQuery(template), grid.set(), time == null ? null : time.identifier());
            } else {
                if (caps.getTileKvpHref() == null) {
                    throw new TargetException("the WMTS capabilities offer no KVP GetTile; use --service wmts-rest");
                }
                url = new TileUrl.WmtsKvp(
                        pathAndQuery(caps.getTileKvpHref()),
                        layer.identifier(),
                        grid.set(),
                        plan.format(),
                        time == null ? "TIME" : time.parameter());
            }
            List<String> styles = styles(plan.styles(), layer.styles(), layer.defaultStyle(), layer.identifier());
            out.add(target(plan, regions, layer.identifier(), grid, layer.extent(), styles, times, i, url));
        }
        return out;
    }

    /** The scenario's layers from WMS 1.3.0 capabilities, requested as tiles of a WebMercatorQuad or WorldCRS84Quad. */
    public static List<LayerTarget> fromWms(ScenarioPlan plan, WmsCapabilities caps, Regions regions) {
        List<LayerTarget> out = new ArrayList<>();
        requireLayers(plan);
        if (caps.getMapHref() == null) {
            throw new TargetException("the WMS capabilities offer no GetMap endpoint");
        }
        String set = plan.tileMatrixSet();
        boolean geographic = set.equalsIgnoreCase("WorldCRS84Quad") || set.equalsIgnoreCase("EPSG:4326");
        if (!geographic
                && !set.equalsIgnoreCase("auto")
                && !set.equalsIgnoreCase("WebMercatorQuad")
                && !set.equalsIgnoreCase("EPSG:3857")
                && !set.equalsIgnoreCase("EPSG:900913")) {
            throw new TargetException("WMS tiles are requested on WebMercatorQuad (EPSG:3857) or WorldCRS84Quad"
                    + " (EPSG:4326), not " + set);
        }
        TileMatrixSet grid = geographic ? TileMatrixSet.worldCrs84Quad(21) : TileMatrixSet.webMercatorQuad(24);
        String crs = geographic ? "EPSG:4326" : "EPSG:3857";
        if (!caps.getMapFormats().isEmpty() && !caps.getMapFormats().contains(plan.format())) {
            throw new TargetException("the WMS has no GetMap format " + plan.format());
        }
        for (int i = 0; i < plan.layers().size(); i++) {
            WmsLayer layer = caps.layer(plan.layers().get(i));
            if (!layer.crs().isEmpty() && !layer.crs().contains(crs)) {
                throw new TargetException("WMS layer " + layer.name() + " does not list CRS " + crs);
            }
            Dimension time = timeDimension(layer.dimensions());
            List<String> times = times(plan.times(), time, layer.name());
            TileUrl url = new TileUrl.WmsGetMap(
                    pathAndQuery(caps.getMapHref()),
                    layer.name(),
                    grid,
                    crs,
                    plan.format(),
                    time == null ? "TIME" : time.parameter());
            List<String> styles = styles(plan.styles(), layer.styles(), layer.defaultStyle(), layer.name());
            out.add(target(
                    plan,
                    regions,
                    layer.name(),
                    new LayerGrid(grid, java.util.Map.of()),
                    layer.extent(),
                    styles,
                    times,
                    i,
                    url));
        }
        return out;
    }

    private static void requireLayers(ScenarioPlan plan) {
        if (plan.layers().isEmpty()) {
            throw new TargetException("scenario " + plan.name() + " names no layers: give --layer NAME (repeatable)");
        }
    }

    private static LayerTarget target(
            ScenarioPlan plan,
            Regions regions,
            String name,
            LayerGrid grid,
            LonLatBox layerExtent,
            List<String> styles,
            List<String> times,
            int index,
            TileUrl url) {
        LonLatBox extent = layerExtent != null ? layerExtent : MERCATOR_WORLD;
        if (grid.set().crs() == Crs.WEB_MERCATOR) {
            LonLatBox clipped = extent.intersection(MERCATOR_WORLD);
            extent = clipped != null ? clipped : extent;
        }
        LonLatBox area;
        if (plan.region().equalsIgnoreCase("extent")) {
            area = extent;
        } else {
            List<Region> r = regions.resolve(plan.region(), "scenario " + plan.name() + ", region");
            if (r.size() != 1) {
                throw new TargetException("scenario " + plan.name() + ": region '" + plan.region()
                        + "' is a kind of region; name one region or a box (kinds go in pattern.hotSpots/targets)");
            }
            area = r.get(0).box().intersection(extent);
            if (area == null) {
                throw new TargetException("region " + plan.region() + " "
                        + r.get(0).box() + " does not overlap layer " + name + "'s extent " + extent);
            }
        }
        List<Integer> zooms = new ArrayList<>();
        for (int z = plan.zooms().min(); z <= Math.min(plan.zooms().max(), grid.zoomLevels() - 1); z++) {
            if (grid.covering(z, area) != null) {
                zooms.add(z);
            }
        }
        if (zooms.isEmpty()) {
            throw new TargetException("layer " + name + " has no tiles at zooms " + plan.zooms() + " in " + area
                    + " (tile matrix set " + grid.set().identifier() + " has zooms 0.." + (grid.zoomLevels() - 1)
                    + ")");
        }
        double weight = plan.layerWeights().isEmpty() ? 1 : plan.layerWeights().get(index);
        return new LayerTarget(
                name,
                grid,
                extent,
                area,
                zooms,
                styles,
                times,
                weight,
                url,
                plan.format().startsWith("image/"));
    }

    private static String tileMatrixSet(String wanted, WmtsLayer layer) {
        if (!wanted.equalsIgnoreCase("auto")) {
            return wanted;
        }
        for (String p : PREFERRED) {
            if (layer.tileMatrixSetLimits().containsKey(p)) {
                return p;
            }
        }
        if (layer.tileMatrixSetLimits().isEmpty()) {
            throw new TargetException("layer " + layer.identifier() + " links to no tile matrix set");
        }
        return layer.tileMatrixSetLimits().keySet().iterator().next();
    }

    private static Dimension timeDimension(List<Dimension> dimensions) {
        for (Dimension d : dimensions) {
            if (d.isTime()) {
                return d;
            }
        }
        return null;
    }

    /** The time values a scenario asks for; a list holding one null means "no TIME parameter". */
    static List<String> times(String spec, Dimension time, String layer) {
        String s = spec.trim();
        List<String> none = new ArrayList<>();
        none.add(null);
        if (s.equalsIgnoreCase("default")) {
            return none;
        }
        List<String> values = time == null ? List.of() : time.values();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("all") || lower.equals("latest") || lower.startsWith("first:") || lower.startsWith("last:")) {
            if (values.isEmpty()) {
                return none;
            }
            if (lower.equals("all")) {
                return values;
            }
            if (lower.equals("latest")) {
                return List.of(values.get(values.size() - 1));
            }
            int n;
            try {
                n = Integer.parseInt(s.substring(s.indexOf(':') + 1).trim());
            } catch (NumberFormatException e) {
                throw new TargetException("times '" + spec + "': N in first:N/last:N is not a number");
            }
            if (n <= 0) {
                throw new TargetException("times '" + spec + "': N must be positive");
            }
            n = Math.min(n, values.size());
            return lower.startsWith("first:") ? values.subList(0, n) : values.subList(values.size() - n, values.size());
        }
        if (time == null) {
            throw new TargetException("layer " + layer + " has no time dimension; times '" + spec + "' cannot apply");
        }
        List<String> out = new ArrayList<>();
        for (String v : s.split(",")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        return out;
    }

    private static List<String> styles(String spec, List<String> available, String dflt, String layer) {
        String s = spec.trim();
        if (s.equalsIgnoreCase("default")) {
            return List.of(dflt == null ? "" : dflt);
        }
        if (s.equalsIgnoreCase("all")) {
            return available.isEmpty() ? List.of(dflt == null ? "" : dflt) : available;
        }
        List<String> out = new ArrayList<>();
        for (String v : s.split(",")) {
            String style = v.trim();
            if (!available.isEmpty() && !available.contains(style)) {
                throw new TargetException(
                        "layer " + layer + " has no style '" + style + "'; it has " + String.join(", ", available));
            }
            out.add(style);
        }
        return out;
    }

    /** The path and query of a URL from the capabilities; requests go to the run's own server, not the advertised one. */
    static String pathAndQuery(String href) {
        URI u = URI.create(href.trim().replace("{", "%7B").replace("}", "%7D"));
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String q = u.getRawQuery();
        return (path + (q == null ? "" : "?" + q)).replace("%7B", "{").replace("%7D", "}");
    }
}
