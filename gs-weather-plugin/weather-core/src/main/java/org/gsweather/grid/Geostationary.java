package org.gsweather.grid;

/** Geostationary satellite view (GRIB2 template 3.90, CF {@code geostationary}); coordinates are scan angles times the perspective height, in metres, as PROJ {@code +proj=geos}. */
public record Geostationary(Ellipsoid ellipsoid, double perspectiveHeight, double subSatelliteLon, boolean sweepX)
        implements Projection {

    @Override
    public String name() {
        return "geostationary";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String toProj() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String toWkt() {
        throw new UnsupportedOperationException("not yet");
    }
}
