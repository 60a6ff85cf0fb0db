package org.gsweather.grid;

/** Lambert conformal conic, one or two standard parallels (GRIB2 template 3.30, CF {@code lambert_conformal_conic}). */
public record LambertConformal(
        Ellipsoid ellipsoid,
        double standardParallel1,
        double standardParallel2,
        double latitudeOfOrigin,
        double centralMeridian)
        implements Projection {

    @Override
    public String name() {
        return "Lambert conformal";
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
