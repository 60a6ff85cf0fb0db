package org.gsweather.render.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gsweather.render.FieldSource;
import org.gsweather.render.Style;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileMatrixSet;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.View;

/**
 * Thread CPU time and allocated bytes per tile (PNG included), for measuring on a machine whose cores
 * are shared with other work, where JMH's wall-clock times carry wide errors: the same tiles as {@link
 * TileBenchmark} (arguments: runs, and a part of the names of the tiles to measure). Prints median and best CPU milliseconds and the median bytes allocated per tile.
 */
public final class TileCpuTime {
    /** Only the tiles whose name contains this (second argument). */
    private static String only = "";

    private TileCpuTime() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        only = args.length > 1 ? args[1] : "";
        FieldSource gfsTmp = FieldSource.of(BenchFields.scalar(BenchFields.GFS, "TMP", "850 hPa"));
        FieldSource gfsWind = FieldSource.of(BenchFields.wind(BenchFields.GFS, "500 hPa"));
        FieldSource hrrr = FieldSource.of(BenchFields.scalar(BenchFields.HRRR, "TMP", ""));
        for (int size : new int[] {256, 512}) {
            View gfsTile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 2, 2, size);
            View hrrrTile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 8, 11, size);
            measure("ramp GFS bilinear", size, gfsTmp, "ramp:temperature,units=degC,sampling=bilinear", gfsTile, runs);
            measure("ramp HRRR Lambert", size, hrrr, "ramp:temperature,units=degC", hrrrTile, runs);
            measure(
                    "ramp HRRR Lambert bilinear",
                    size,
                    hrrr,
                    "ramp:temperature,units=degC,sampling=bilinear",
                    hrrrTile,
                    runs);
            measure("barbs GFS", size, gfsWind, "barbs", gfsTile, runs);
            measure("isolines+labels GFS", size, gfsTmp, "isolines:interval=2,units=degC,major=5", gfsTile, runs);
            // the worst case seen: HRRR's 3 km skin temperature over the Rockies, hundreds of small loops
            View rockies = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 6, 12, size);
            measure("isolines+labels HRRR", size, hrrr, "isolines:interval=5,units=degF,major=4", rockies, runs);
        }
    }

    private static void measure(String what, int size, FieldSource source, String style, View view, int runs) {
        if (!what.contains(only)) {
            return;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        List<Style> styles = StyleParser.parse(style);
        TileRenderer renderer = new TileRenderer();
        int bytes = 0;
        for (int k = 0; k < Math.max(200, runs); k++) {
            bytes += renderer.renderPng(source, styles, view).length;
        }
        double[] ms = new double[runs];
        long[] allocated = new long[runs];
        for (int k = 0; k < runs; k++) {
            long a0 = threads.getThreadAllocatedBytes(thread);
            long t0 = threads.getCurrentThreadCpuTime();
            bytes += renderer.renderPng(source, styles, view).length;
            ms[k] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            allocated[k] = threads.getThreadAllocatedBytes(thread) - a0;
        }
        Arrays.sort(ms);
        Arrays.sort(allocated);
        System.out.printf(
                Locale.ROOT,
                "%-22s %d px: CPU median %6.3f ms, best %6.3f ms, allocated %7.1f KB/tile (%d)%n",
                what,
                size,
                ms[runs / 2],
                ms[0],
                allocated[runs / 2] / 1024.0,
                bytes % 10);
    }
}
