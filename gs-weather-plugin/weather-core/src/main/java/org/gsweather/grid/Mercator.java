package org.gsweather.grid;

/** Mercator (GRIB2 template 3.10, CF {@code mercator}). */
public record Mercator(Ellipsoid ellipsoid, double latitudeOfTrueScale, double centralMeridian) implements Projection {

    @Override
    public String name() {
        return "Mercator";
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
