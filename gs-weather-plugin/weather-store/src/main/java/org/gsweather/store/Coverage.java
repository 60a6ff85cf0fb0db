package org.gsweather.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.gsweather.field.DataFormatException;
import org.gsweather.grid.Grid;

/**
 * One layer of a store: every field of one parameter and level type (and statistical process, ensemble
 * member, probability) across the store's files, with its valid times, levels and model runs as
 * dimensions. Immutable; a store builds new coverages when its files change.
 */
public final class Coverage {
    /** Orders slices by valid time, then level, then run. */
    static final Comparator<Slice> ORDER = Comparator.comparing(Slice::validTime)
            .thenComparingDouble(Slice::level)
            .thenComparing(Slice::run);

    private final String name;
    private final String title;
    private final String units;
    private final CoverageLevels levels;
    private final boolean wind;
    private final boolean gridRelativeWind;
    private final List<Slice> slices;
    private final Grid grid;
    private final List<Instant> validTimes;
    private final List<Double> levelValues;
    private final List<Instant> runs;

    Coverage(
            String name,
            String title,
            String units,
            CoverageLevels levels,
            boolean wind,
            boolean gridRelativeWind,
            List<Slice> slices)
            throws DataFormatException {
        this.name = name;
        this.title = title;
        this.units = units;
        this.levels = levels;
        this.wind = wind;
        this.gridRelativeWind = gridRelativeWind;
        List<Slice> sorted = new ArrayList<>(slices);
        sorted.sort(ORDER);
        this.slices = List.copyOf(sorted);
        Slice newest = sorted.stream()
                .max(Comparator.comparing(Slice::run).thenComparing(Slice::validTime))
                .orElseThrow();
        this.grid = (newest.isWind() ? newest.u() : newest.scalar()).field().grid();
        TreeSet<Instant> times = new TreeSet<>();
        TreeSet<Double> lv = new TreeSet<>();
        TreeSet<Instant> rs = new TreeSet<>();
        for (Slice s : sorted) {
            times.add(s.validTime());
            if (!Double.isNaN(s.level())) {
                lv.add(s.level());
            }
            rs.add(s.run());
        }
        this.validTimes = List.copyOf(times);
        this.levelValues = List.copyOf(lv);
        this.runs = List.copyOf(rs);
    }

    public String name() {
        return name;
    }

    /** Human title: parameter, long name, units, level type, statistical process. */
    public String title() {
        return title;
    }

    /** Units of the values (of each component for a wind). */
    public String units() {
        return units;
    }

    /** What the ELEVATION dimension means for this coverage. */
    public CoverageLevels levels() {
        return levels;
    }

    /** Whether this is a 2-band wind coverage (u, v). */
    public boolean isWind() {
        return wind;
    }

    /** Whether the file's wind components are along the grid's axes (turned to east/north when read). */
    public boolean gridRelativeWind() {
        return gridRelativeWind;
    }

    /** All slices, ordered by valid time, level, run. */
    public List<Slice> slices() {
        return slices;
    }

    /** The grid of the newest field: the coverage's native grid. */
    public Grid grid() {
        return grid;
    }

    /** Distinct valid times, ascending. */
    public List<Instant> validTimes() {
        return validTimes;
    }

    /** Distinct levels in {@link CoverageLevels#units()}, ascending; empty when the level type has no value. */
    public List<Double> levelValues() {
        return levelValues;
    }

    /** Distinct model runs, ascending. */
    public List<Instant> runs() {
        return runs;
    }

    /**
     * Whether the model run is a dimension of this coverage: always for GRIB2 (a message states its reference
     * time: the model run, or the observation time of radar and satellite products), for NetCDF when some
     * slice is a forecast (its reference time differs from its valid time).
     */
    public boolean hasRuns() {
        if (!slices.isEmpty() && slices.get(0).file().file() instanceof org.gsweather.grib2.Grib2File) {
            return true;
        }
        for (Slice s : slices) {
            if (!s.run().equals(s.validTime())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + " (" + slices.size() + " fields)";
    }
}
