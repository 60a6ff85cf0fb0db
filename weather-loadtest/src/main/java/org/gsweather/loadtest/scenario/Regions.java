package org.gsweather.loadtest.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gsweather.loadtest.tiles.LonLatBox;

/**
 * The named regions scenarios use ({@code regions.yaml}): population centres ranked by population, storm areas and
 * forecast domains.
 */
public final class Regions {

    public static final String POPULATION = "population";
    public static final String STORMS = "storms";

    private final Map<String, Region> byName;

    private Regions(Map<String, Region> byName) {
        this.byName = byName;
    }

    public static Regions builtIn() {
        try (InputStream in = Regions.class.getResourceAsStream("regions.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Region> all = new LinkedHashMap<>();
            root.fields().forEachRemaining(kind -> {
                for (JsonNode r : kind.getValue()) {
                    JsonNode b = r.get("bbox");
                    Region region = new Region(
                            r.get("name").asText(),
                            kind.getKey(),
                            new LonLatBox(
                                    b.get(0).asDouble(),
                                    b.get(1).asDouble(),
                                    b.get(2).asDouble(),
                                    b.get(3).asDouble()),
                            r.has("note") ? r.get("note").asText() : "");
                    all.put(region.name(), region);
                }
            });
            return new Regions(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in regions", e);
        }
    }

    public List<Region> all() {
        return List.copyOf(byName.values());
    }

    /** The regions of one kind in file order (population regions are ranked, largest first). */
    public List<Region> ofKind(String kind) {
        List<Region> out = new ArrayList<>();
        for (Region r : byName.values()) {
            if (r.kind().equals(kind)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A region by name, or a box written {@code west,south,east,north}; a kind name ({@code population},
     * {@code storms}) stands for all its regions.
     */
    public List<Region> resolve(String spec, String what) {
        String s = spec.trim();
        if (s.matches("[-+0-9., ]+")) {
            String[] p = s.split(",");
            if (p.length != 4) {
                throw new ScenarioException(what + ": '" + spec + "' is not west,south,east,north");
            }
            try {
                LonLatBox box = new LonLatBox(
                        Double.parseDouble(p[0].trim()),
                        Double.parseDouble(p[1].trim()),
                        Double.parseDouble(p[2].trim()),
                        Double.parseDouble(p[3].trim()));
                return List.of(new Region(s, "box", box, ""));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(what + ": " + e.getMessage());
            }
        }
        Region r = byName.get(s);
        if (r != null) {
            return List.of(r);
        }
        List<Region> kind = ofKind(s);
        if (!kind.isEmpty()) {
            return kind;
        }
        throw new ScenarioException(what + ": no region '" + spec + "'; use west,south,east,north, 'extent', a kind ("
                + String.join(", ", kinds()) + ") or one of " + String.join(", ", byName.keySet()));
    }

    private List<String> kinds() {
        return byName.values().stream().map(Region::kind).distinct().toList();
    }
}
