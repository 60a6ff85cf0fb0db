package org.gsweather.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gsweather.FieldFiles;
import org.gsweather.field.Field;
import org.gsweather.field.FieldFile;
import org.gsweather.render.FieldSource;
import org.gsweather.render.GridValues;
import org.gsweather.render.Legend;
import org.gsweather.render.PngEncoder;
import org.gsweather.render.Style;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileMatrixSet;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.View;
import org.gsweather.render.WindPair;
import org.gsweather.store.GoesCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = "Render a field (or a u/v pair) as a PNG map tile or image.",
        footer = {
            "",
            "STYLE examples: ramp:temperature,min=-40,max=40,units=degC   barbs   arrows,scaled",
            "  isolines:interval=4,units=hPa   ramp:reflectivity+isolines:interval=10 (layers joined by +)",
            "TILE: WebMercatorQuad/z/x/y or WorldCRS84Quad/z/x/y (rows from the top)."
        })
final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 or NetCDF file")
    Path file;

    @Option(
            names = "--field",
            paramLabel = "N[,M]",
            description = "Field number(s) from 1 (see inspect); U,V for a wind.")
    String field;

    @Option(
            names = "--variable",
            paramLabel = "V[,W]",
            description = "Short name (TMP, UGRD,VGRD; CF variable names); the first match, or the one at --time.")
    String variable;

    @Option(names = "--level", paramLabel = "LABEL", description = "With --variable: the level, e.g. '850 hPa'.")
    String level;

    @Option(names = "--time", paramLabel = "INSTANT", description = "With --variable: valid time, ISO 8601.")
    String time;

    @Option(names = "--style", required = true, paramLabel = "STYLE", description = "How to draw, see below.")
    String style;

    @Option(names = "--tile", paramLabel = "TMS/z/x/y", description = "A tile of a tile matrix set.")
    String tile;

    @Option(names = "--bbox", paramLabel = "MINX,MINY,MAXX,MAXY", description = "Area in CRS x/y order.")
    String bbox;

    @Option(names = "--size", paramLabel = "WxH", description = "Image size (default 256x256; for --tile: 256 or 512).")
    String size;

    @Option(names = "--crs", paramLabel = "EPSG:n", description = "CRS of --bbox (default EPSG:4326).")
    String crs = "EPSG:4326";

    @Option(
            names = "--calibrate",
            paramLabel = "bt|reflectance",
            description = "GOES ABI L1b: draw brightness temperature (K) or reflectance factor, not radiance.")
    String calibrate;

    @Option(
            names = "--deflate",
            paramLabel = "0-9",
            description = "PNG deflate level (default 2: fast; 6-9 for smaller files).")
    int deflate = PngEncoder.DEFAULT_LEVEL;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output PNG file.")
    Path out;

    @Option(
            names = "--legend",
            paramLabel = "WxH",
            description = "Write the legend of the style's ramp instead of a map, e.g. 120x260.")
    String legend;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((field == null) == (variable == null)) {
            throw new IllegalArgumentException("give either --field N (or U,V) or --variable NAME (or U,V)");
        }
        if (legend == null && (tile == null) == (bbox == null)) {
            throw new IllegalArgumentException("give either --tile TMS/z/x/y or --bbox with --size and --crs");
        }
        List<Style> styles = StyleParser.parse(style);
        boolean wantsWind = styles.stream().anyMatch(Style::needsVector);
        View view = legend == null ? view() : null;
        byte[] png;
        try (FieldFile f = FieldFiles.open(file)) {
            List<Field> chosen = choose(f);
            FieldSource source;
            if (chosen.size() == 2) {
                source =
                        FieldSource.of(WindPair.of(chosen.get(0), chosen.get(1)).read());
            } else if (wantsWind) {
                source = FieldSource.of(WindPair.find(f.fields(), chosen.get(0)).read());
            } else {
                GridValues values = GridValues.read(chosen.get(0));
                source = FieldSource.of(
                        calibrate == null
                                ? values
                                : GoesCalibration.of(calibrate).apply(f, values));
            }
            png = legend != null ? legend(source, styles) : new TileRenderer(deflate).renderPng(source, styles, view);
        }
        Path dir = out.toAbsolutePath().getParent();
        // a sibling file moved into place: readers never see half a PNG (and it keeps the usual permissions)
        Path tmp = dir.resolve(
                "." + out.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.write(tmp, png);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (view != null) {
            o.printf(
                    Locale.ROOT,
                    "%s: %dx%d %s, %d bytes%n",
                    out,
                    view.width(),
                    view.height(),
                    view.crs().code(),
                    png.length);
        } else {
            o.printf(Locale.ROOT, "%s: legend %s, %d bytes%n", out, legend, png.length);
        }
        o.flush();
        return 0;
    }

    /** The legend of the whole style (color bars, line samples, speed keys), as GetLegendGraphic draws it. */
    private byte[] legend(FieldSource source, List<Style> styles) {
        String[] s = legend.toLowerCase(Locale.ROOT).split("x");
        if (s.length != 2) {
            throw new IllegalArgumentException("--legend " + legend + ": write WIDTHxHEIGHT, e.g. 120x260");
        }
        return Legend.stack(styles, source.scalar(), integer("width", s[0]), integer("height", s[1]), 11)
                .toPng(new PngEncoder());
    }

    private View view() {
        if (tile != null) {
            String[] p = tile.split("/");
            if (p.length != 4) {
                throw new IllegalArgumentException("--tile " + tile + ": write TMS/z/x/y, e.g. WebMercatorQuad/4/3/5");
            }
            int tileSize = size == null ? 256 : Integer.parseInt(size.split("x")[0]);
            if (tileSize != 256 && tileSize != 512) {
                throw new IllegalArgumentException("--size " + size + ": tiles are 256 or 512 pixels");
            }
            return TileMatrixSet.of(p[0]).tile(integer("z", p[1]), integer("x", p[2]), integer("y", p[3]), tileSize);
        }
        String[] b = bbox.split(",");
        if (b.length != 4) {
            throw new IllegalArgumentException("--bbox " + bbox + ": write minx,miny,maxx,maxy");
        }
        String[] s = (size == null ? "256x256" : size).toLowerCase(Locale.ROOT).split("x");
        if (s.length != 2) {
            throw new IllegalArgumentException("--size " + size + ": write WIDTHxHEIGHT, e.g. 512x256");
        }
        return View.of(
                crs,
                Double.parseDouble(b[0]),
                Double.parseDouble(b[1]),
                Double.parseDouble(b[2]),
                Double.parseDouble(b[3]),
                integer("width", s[0]),
                integer("height", s[1]));
    }

    private List<Field> choose(FieldFile f) {
        List<? extends Field> all = f.fields();
        List<Field> chosen = new ArrayList<>();
        if (field != null) {
            for (String n : field.split(",")) {
                int k = integer("--field", n);
                if (k < 1 || k > all.size()) {
                    throw new IllegalArgumentException(
                            file + ": no field " + k + " (the file has fields 1 to " + all.size() + ")");
                }
                chosen.add(all.get(k - 1));
            }
        } else {
            for (String name : variable.split(",")) {
                chosen.add(byName(all, name.trim()));
            }
        }
        if (chosen.size() > 2) {
            throw new IllegalArgumentException("give one field, or two (U,V) for a wind");
        }
        return chosen;
    }

    private Field byName(List<? extends Field> all, String name) {
        Instant at = time == null ? null : Instant.parse(time);
        for (Field x : all) {
            if (!x.info().parameter().shortName().equalsIgnoreCase(name)) {
                continue;
            }
            if (at != null && !x.info().validTime().equals(at)) {
                continue;
            }
            if (level != null && !x.info().level().label().startsWith(level)) {
                continue;
            }
            return x;
        }
        throw new IllegalArgumentException(file + ": no field " + name + (level != null ? " at level " + level : "")
                + (at != null ? " valid at " + at : "") + " (see wx inspect)");
    }

    private static int integer(String what, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is not an integer");
        }
    }
}
