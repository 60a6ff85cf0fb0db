package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NanPropagationTest {

    static List<Projection> projections() {
        return List.of(
                new LambertConformal(Ellipsoid.WGS84, 33, 45, 40, -97),
                new PolarStereographic(Ellipsoid.WGS84, true, -71, 0),
                new Mercator(Ellipsoid.sphere(6371229), 20, -150),
                new RotatedPole(Ellipsoid.sphere(6371229), -36.08852, 245.305142, 0),
                new Geostationary(Ellipsoid.WGS84, 35786023, -75, true));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void forwardOfAnUndefinedOrInfiniteCoordinateIsNaN(Projection projection) {
        double[] xy = new double[2];
        projection.forward(Double.NaN, 10, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        projection.forward(10, Double.NaN, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
        projection.forward(Double.POSITIVE_INFINITY, 10, xy);
        assertThat(xy).containsExactly(Double.NaN, Double.NaN);
    }

    @ParameterizedTest
    @MethodSource("projections")
    void inverseOfAnUndefinedCoordinateIsNaN(Projection projection) {
        double[] lonLat = new double[2];
        projection.inverse(Double.NaN, 0, lonLat);
        assertThat(lonLat).containsExactly(Double.NaN, Double.NaN);
        projection.inverse(0, Double.NaN, lonLat);
        assertThat(lonLat).containsExactly(Double.NaN, Double.NaN);
    }
}
