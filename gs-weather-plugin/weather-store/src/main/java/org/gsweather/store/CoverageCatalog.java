package org.gsweather.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Field;
import org.gsweather.field.FieldInfo;
import org.gsweather.grid.Grid;
import org.gsweather.netcdf.NetcdfField;
import org.gsweather.netcdf.NetcdfFile;
import org.gsweather.render.WindPair;

/**
 * Groups the fields of a store's files into coverages ({@link CoverageNames}) and pairs wind components
 * into 2-band wind coverages. Fields whose grid cannot be georeferenced are left out, logged once per
 * file.
 */
final class CoverageCatalog {
    private static final Logger LOG = Logger.getLogger(CoverageCatalog.class.getName());

    private CoverageCatalog() {}

    /** Coverages by name, sorted by name. */
    static Map<String, Coverage> build(List<StoreFile> files) {
        Map<String, Group> groups = new TreeMap<>();
        for (StoreFile file : files) {
            String band = bandSuffix(file);
            GoesCalibration calibration = file.file() instanceof NetcdfFile nc ? GoesCalibration.of(nc) : null;
            List<? extends Field> fields = file.fields();
            for (int k = 0; k < fields.size(); k++) {
                Field f = fields.get(k);
                Grid grid;
                try {
                    grid = f.grid();
                } catch (DataFormatException e) {
                    LOG.log(
                            Level.FINE,
                            () -> file.path() + ": field "
                                    + f.info().parameter().shortName() + " left out: " + e.getMessage());
                    continue;
                }
                String name = CoverageNames.of(f, band);
                groups.computeIfAbsent(name, n -> new Group(n, f)).add(slice(f, new FieldRef(file, k)), grid);
                if (calibration != null
                        && f instanceof NetcdfField n
                        && n.variable().equals("Rad")) {
                    // GOES ABI L1b: the band also as forecasters look at it, BT_C13 (K) or REFL_C02
                    String calibrated = CoverageNames.clean(calibration.prefix() + band);
                    groups.computeIfAbsent(calibrated, x -> Group.calibrated(x, f, calibration))
                            .add(slice(f, new FieldRef(file, k, calibration)), grid);
                }
            }
        }
        Map<String, Coverage> coverages = new TreeMap<>();
        for (Group g : groups.values()) {
            put(coverages, g.scalarCoverage());
        }
        for (Group u : groups.values()) {
            if (u.component != 'u') {
                continue;
            }
            Group v = partner(u, groups);
            if (v != null) {
                put(coverages, wind(u, v));
            }
        }
        return Collections.unmodifiableMap(coverages);
    }

    private static Slice slice(Field f, FieldRef ref) {
        FieldInfo info = f.info();
        return new Slice(
                info.validTime(),
                info.referenceTime(),
                CoverageLevels.value(info.level()),
                info.timeRange(),
                ref,
                null,
                null);
    }

    private static void put(Map<String, Coverage> coverages, Coverage c) {
        if (c != null) {
            coverages.put(c.name(), c);
        }
    }

    /** The v group of a u group: by name (UGRD_x and VGRD_x, uwnd and vwnd), else the only v group. */
    private static Group partner(Group u, Map<String, Group> groups) {
        String name = CoverageNames.partner(u.name);
        Group v = name != null ? groups.get(name) : null;
        if (v != null && v.component == 'v' && v.levels.type().equals(u.levels.type())) {
            return v;
        }
        if (u.grib2) {
            return null;
        }
        List<Group> us =
                groups.values().stream().filter(g -> g.component == 'u').toList();
        List<Group> vs =
                groups.values().stream().filter(g -> g.component == 'v').toList();
        return us.size() == 1 && vs.size() == 1 ? vs.get(0) : null;
    }

    private static Coverage wind(Group u, Group v) {
        Map<Key, Slice> vSlices = new HashMap<>();
        for (Slice s : v.slices) {
            vSlices.putIfAbsent(new Key(s), s);
        }
        List<Slice> slices = new ArrayList<>();
        for (Slice s : u.slices) {
            Slice w = vSlices.get(new Key(s));
            if (w == null || !sameGrid(s.scalar(), w.scalar())) {
                continue;
            }
            slices.add(new Slice(s.validTime(), s.run(), s.level(), s.timeRange(), null, s.scalar(), w.scalar()));
        }
        if (slices.isEmpty()) {
            return null;
        }
        String name = CoverageNames.wind(u.name, v.name, u.grib2);
        try {
            return new Coverage(
                    name,
                    "Wind from " + u.name + " and " + v.name + " [" + u.units + "], " + u.levels.description(),
                    u.units,
                    u.levels,
                    true,
                    u.gridRelative,
                    slices);
        } catch (DataFormatException e) {
            return null;
        }
    }

    private static boolean sameGrid(FieldRef a, FieldRef b) {
        try {
            return a.field().grid().equals(b.field().grid());
        } catch (DataFormatException e) {
            return false;
        }
    }

    /** GOES ABI files name their band in a one-value {@code band_id} variable: {@code _C13}. */
    private static String bandSuffix(StoreFile file) {
        if (!(file.file() instanceof NetcdfFile nc) || !nc.variableNames().contains("band_id")) {
            return "";
        }
        try {
            float[] band = nc.read("band_id", Map.of()).values();
            if (band.length == 1 && band[0] == band[0]) {
                return String.format("_C%02d", (int) band[0]);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, () -> file.path() + ": band_id unreadable: " + e.getMessage());
        }
        return "";
    }

    /** Identity of a slice within a coverage: valid time, run, level. */
    private record Key(java.time.Instant valid, java.time.Instant run, long levelBits) {
        Key(Slice s) {
            this(s.validTime(), s.run(), Double.doubleToLongBits(s.level()));
        }
    }

    /** The fields of one coverage name while the catalog is built. */
    private static final class Group {
        final String name;
        final String title;
        final String units;
        final CoverageLevels levels;
        final char component;
        final boolean grib2;
        final boolean gridRelative;
        final Map<Key, Slice> byKey = new LinkedHashMap<>();
        final List<Slice> slices = new ArrayList<>();

        Group(String name, Field first) {
            this(name, CoverageNames.title(first), first.info().parameter().units(), first);
        }

        private Group(String name, String title, String units, Field first) {
            this.name = name;
            this.title = title;
            this.units = units;
            this.levels = CoverageLevels.of(first.info().level());
            this.component = WindPair.component(first);
            this.grib2 = CoverageNames.isGrib2(first);
            this.gridRelative = first.gridRelativeVectors();
        }

        /** A GOES ABI band calibrated from its radiances. */
        static Group calibrated(String name, Field radiance, GoesCalibration calibration) {
            String what = calibration == GoesCalibration.BT ? "Brightness temperature" : "Reflectance factor";
            return new Group(
                    name,
                    what + " [" + calibration.units() + "] of " + CoverageNames.title(radiance),
                    calibration.units(),
                    radiance);
        }

        /** Adds a slice; of two fields at the same time, level and run the newer file's wins. */
        void add(Slice s, Grid grid) {
            Objects.requireNonNull(grid);
            Key k = new Key(s);
            Slice old = byKey.get(k);
            if (old != null && !old.file().modified().isBefore(s.file().modified())) {
                return;
            }
            if (old != null) {
                slices.remove(old);
            }
            byKey.put(k, s);
            slices.add(s);
        }

        Coverage scalarCoverage() {
            try {
                return new Coverage(name, title, units, levels, false, false, slices);
            } catch (DataFormatException e) {
                return null;
            }
        }
    }
}
