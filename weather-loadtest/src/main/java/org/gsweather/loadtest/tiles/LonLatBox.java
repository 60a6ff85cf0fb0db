package org.gsweather.loadtest.tiles;

/** A box in longitude and latitude degrees (WGS 84), west/south/east/north. */
public record LonLatBox(double west, double south, double east, double north) {

    public static final LonLatBox WORLD = new LonLatBox(-180, -90, 180, 90);

    public LonLatBox {
        if (!(west < east) || !(south < north) || west < -180 || east > 180 || south < -90 || north > 90) {
            throw new IllegalArgumentException("not a lon/lat box (west < east, south < north, within -180..180 and"
                    + " -90..90): [" + west + ", " + south + ", " + east + ", " + north + "]");
        }
    }

    /** The overlap of two boxes, or null when they do not overlap. */
    public LonLatBox intersection(LonLatBox other) {
        double w = Math.max(west, other.west);
        double s = Math.max(south, other.south);
        double e = Math.min(east, other.east);
        double n = Math.min(north, other.north);
        return w < e && s < n ? new LonLatBox(w, s, e, n) : null;
    }

    public double centerLon() {
        return (west + east) / 2;
    }

    public double centerLat() {
        return (south + north) / 2;
    }

    @Override
    public String toString() {
        return "[" + west + ", " + south + ", " + east + ", " + north + "]";
    }
}
