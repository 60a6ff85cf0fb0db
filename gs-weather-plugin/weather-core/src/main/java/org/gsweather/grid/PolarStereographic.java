package org.gsweather.grid;

/** Polar stereographic (GRIB2 template 3.20, CF {@code polar_stereographic}). */
public record PolarStereographic(
        Ellipsoid ellipsoid, boolean southPole, double latitudeOfTrueScale, double centralMeridian)
        implements Projection {

    @Override
    public String name() {
        return "polar stereographic";
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
