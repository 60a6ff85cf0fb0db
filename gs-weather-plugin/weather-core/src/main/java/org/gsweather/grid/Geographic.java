package org.gsweather.grid;

/** Plain longitude/latitude: projected coordinates are the degrees themselves. */
public record Geographic(Ellipsoid ellipsoid) implements Projection {

    @Override
    public String name() {
        return "lat/lon";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        xy[0] = lon;
        xy[1] = lat;
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        lonLat[0] = x;
        lonLat[1] = y;
    }

    @Override
    public String toProj() {
        return "+proj=longlat " + ellipsoid.toProj() + " +no_defs";
    }

    @Override
    public String toWkt() {
        return ellipsoid.geogcsWkt();
    }
}
