package org.gsweather.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The built-in palettes, by name. */
public final class Palettes {
    private static final Map<String, Palette> BUILT_IN = new LinkedHashMap<>();

    static {
        // NWS NEXRAD base reflectivity, 5 dBZ bands
        add(
                "reflectivity",
                "Radar reflectivity",
                "dBZ",
                true,
                5,
                "#04e9e7",
                10,
                "#019ff4",
                15,
                "#0300f4",
                20,
                "#02fd02",
                25,
                "#01c501",
                30,
                "#008e00",
                35,
                "#fdf802",
                40,
                "#e5bc00",
                45,
                "#fd9500",
                50,
                "#fd0000",
                55,
                "#d40000",
                60,
                "#bc0000",
                65,
                "#f800fd",
                70,
                "#9854c6",
                75,
                "#fdfdfd");
        add(
                "temperature",
                "Temperature",
                "degC",
                false,
                -40,
                "#5e0a7a",
                -30,
                "#2c2ca6",
                -20,
                "#1f6fd1",
                -10,
                "#3fb7e6",
                0,
                "#c9f0f7",
                0,
                "#b6e3a0",
                10,
                "#5fbf55",
                20,
                "#f2e13c",
                30,
                "#f07d1c",
                40,
                "#b3001e");
        add(
                "precipitation-rate",
                "Precipitation rate",
                "mm/h",
                true,
                0.1,
                "#a4f0a4",
                0.5,
                "#4fc94f",
                1,
                "#1b8e1b",
                2,
                "#f5f500",
                4,
                "#f5b800",
                8,
                "#f56a00",
                16,
                "#e00000",
                32,
                "#a00050",
                64,
                "#ff00ff");
        add(
                "precipitation",
                "Precipitation accumulation",
                "mm",
                true,
                0.25,
                "#cfe8f3",
                2.5,
                "#9bd0ea",
                5,
                "#4fa3d8",
                10,
                "#2a6ebb",
                15,
                "#20a548",
                20,
                "#6ccf3f",
                25,
                "#f7f029",
                35,
                "#f7b52c",
                50,
                "#f06a23",
                75,
                "#d32020",
                100,
                "#9e1a48",
                150,
                "#c257d8");
        add(
                "wind-speed",
                "Wind speed",
                "kt",
                false,
                0,
                "#e6f2ff",
                10,
                "#9ecae1",
                20,
                "#4292c6",
                30,
                "#41ab5d",
                40,
                "#fee391",
                50,
                "#fe9929",
                60,
                "#ec7014",
                80,
                "#cc4c02",
                100,
                "#8c2d04",
                120,
                "#a0007f");
        add(
                "relative-humidity",
                "Relative humidity",
                "%",
                false,
                0,
                "#8c510a",
                30,
                "#d8b365",
                50,
                "#f6e8c3",
                70,
                "#c7eae5",
                90,
                "#5ab4ac",
                100,
                "#01665e");
        add(
                "cape", "CAPE", "J/kg", true, 100, "#e0f3db", 250, "#ccebc5", 500, "#a8ddb5", 1000, "#fee08b", 1500,
                "#fdae61", 2000, "#f46d43", 2500, "#d73027", 3000, "#a50026", 4000, "#7a0177", 5000, "#c51b8a");
        add("cloud-cover", "Cloud cover", "%", false, 0, "#ffffff00", 50, "#c8c8c8b0", 100, "#f5f5f5ff");
        add("ir-gray", "IR brightness temperature", "K", false, 180, "#ffffff", 330, "#000000");
        add(
                "ir-enhanced",
                "IR brightness temperature (enhanced)",
                "K",
                false,
                180,
                "#ffffff",
                190,
                "#c000c0",
                200,
                "#202020",
                210,
                "#ff0000",
                220,
                "#ffff00",
                230,
                "#00c000",
                240,
                "#0040ff",
                243,
                "#80c0ff",
                243,
                "#d8d8d8",
                330,
                "#000000");
        add("visible", "Visible reflectance", "1", false, 0, "#000000", 1, "#ffffff");
        add("gray", "Grayscale", "1", false, 0, "#000000", 1, "#ffffff");
    }

    private Palettes() {}

    private static void add(String name, String title, String units, boolean stepped, Object... stops) {
        int n = stops.length / 2;
        double[] v = new double[n];
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            v[k] = ((Number) stops[2 * k]).doubleValue();
            c[k] = Argb.parse((String) stops[2 * k + 1]);
        }
        BUILT_IN.put(name, new Palette(name, title, units, stepped, v, c));
    }

    /**
     * A built-in palette: {@code reflectivity} (NWS dBZ), {@code temperature}, {@code precipitation-rate},
     * {@code precipitation}, {@code wind-speed}, {@code relative-humidity}, {@code cape}, {@code
     * cloud-cover}, {@code ir-gray}, {@code ir-enhanced}, {@code visible}, {@code gray}.
     *
     * @throws StyleException listing the names when there is no such palette
     */
    public static Palette get(String name) {
        Palette p = BUILT_IN.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new StyleException("unknown palette '" + name + "': built-in are " + String.join(", ", names())
                    + "; or give palette=FILE (.cpt or SLD)");
        }
        return p;
    }

    public static Iterable<String> names() {
        return BUILT_IN.keySet();
    }
}
