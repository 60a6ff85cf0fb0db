package org.gsweather.store;

import java.io.IOException;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Field;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;
import org.gsweather.grid.Grid;
import org.gsweather.render.GridValues;
import org.gsweather.render.WindValues;

/**
 * The value of a slice at a longitude/latitude: the nearest grid point's, as {@code wx locate} reports
 * it. For winds also the speed and the direction the wind blows from, in degrees clockwise from true
 * north (grid-relative winds are turned to true north first).
 *
 * @param state whether there is a value: {@code VALUE}, {@code MISSING} (no data at the point),
 *     {@code OUTSIDE} (the point lies off the grid or off a geostationary disk)
 * @param value the value (the u component for a wind), NaN unless {@code VALUE}
 * @param v the v component of a wind, NaN otherwise
 * @param missingMeaning what a missing value's in-band code means (e.g. MRMS "no coverage"), or null
 * @param gridLon longitude of the grid point
 * @param gridLat latitude of the grid point
 * @param i column of the grid point
 * @param j row of the grid point
 */
public record PointValue(
        State state, double value, double v, String missingMeaning, double gridLon, double gridLat, int i, int j) {

    public enum State {
        VALUE,
        MISSING,
        OUTSIDE
    }

    /** Wind speed, NaN for scalars. */
    public double speed() {
        return Math.hypot(value, v);
    }

    /** Direction the wind blows from, degrees clockwise from true north in [0, 360); NaN for scalars or calm. */
    public double directionFrom() {
        if (Double.isNaN(v) || (value == 0 && v == 0)) {
            return Double.NaN;
        }
        double d = Math.toDegrees(Math.atan2(-value, -v));
        return d < 0 ? d + 360 : d;
    }

    /** The value of a slice at a point, decoding through the cache. */
    public static PointValue at(Slice slice, double lon, double lat, FieldCache cache) throws IOException {
        if (slice.isWind()) {
            WindValues w = cache.wind(slice);
            return lookup(w.grid(), w.u().values(), w.v().values(), slice.u().field(), lon, lat);
        }
        GridValues g = cache.scalar(slice.scalar());
        return lookup(g.grid(), g.values(), null, slice.scalar().field(), lon, lat);
    }

    private static PointValue lookup(Grid grid, float[] values, float[] v, Field field, double lon, double lat)
            throws DataFormatException {
        double[] ij = new double[2];
        grid.index(lon, lat, ij);
        long ni = Math.round(ij[0]);
        long nj = Math.round(ij[1]);
        if (grid.wrapsLongitude() && ni == grid.nx()) {
            ni = 0;
        }
        if (Double.isNaN(ij[0]) || Double.isNaN(ij[1]) || ni < 0 || nj < 0 || ni >= grid.nx() || nj >= grid.ny()) {
            return new PointValue(State.OUTSIDE, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN, -1, -1);
        }
        double[] ll = new double[2];
        grid.lonLat(ni, nj, ll);
        int k = (int) (nj * grid.nx() + ni);
        float value = values[k];
        if (Missing.isMissing(value) || v != null && Missing.isMissing(v[k])) {
            List<MissingCode> codes = field.info().missingCodes();
            MissingCode code = Missing.codeOf(value, codes);
            return new PointValue(
                    State.MISSING,
                    Double.NaN,
                    Double.NaN,
                    code == null ? null : code.meaning(),
                    ll[0],
                    ll[1],
                    (int) ni,
                    (int) nj);
        }
        return new PointValue(
                State.VALUE, value, v == null ? Double.NaN : v[k], null, ll[0], ll[1], (int) ni, (int) nj);
    }
}
