package org.gsweather.grid;

/**
 * Rotated latitude/longitude (GRIB2 template 3.1, CF {@code rotated_latitude_longitude}): projected
 * coordinates are rotated longitude and latitude in degrees.
 *
 * @param southPoleLat latitude of the southern pole of the rotated system, degrees (GRIB2 convention)
 * @param southPoleLon longitude of the southern pole of the rotated system, degrees
 * @param angleOfRotation rotation about the new polar axis, degrees (GRIB2 template 3.1 octets 81-84)
 */
public record RotatedPole(Ellipsoid ellipsoid, double southPoleLat, double southPoleLon, double angleOfRotation)
        implements Projection {

    @Override
    public String name() {
        return "rotated lat/lon";
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
