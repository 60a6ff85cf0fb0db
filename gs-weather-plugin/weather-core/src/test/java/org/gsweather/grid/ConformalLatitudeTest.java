package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConformalLatitudeTest {
    private static final ConformalLatitude SPHERE = new ConformalLatitude(Ellipsoid.sphere(6371229));
    private static final ConformalLatitude WGS84 = new ConformalLatitude(Ellipsoid.WGS84);

    @Test
    void isometricLatitudeOfTheSphereIsTheInverseGudermannian() {
        assertThat(SPHERE.isometric(45)).isCloseTo(Math.log(Math.tan(Math.toRadians(67.5))), within(1e-15));
        assertThat(SPHERE.isometric(-30)).isCloseTo(-Math.log(Math.tan(Math.toRadians(60))), within(1e-15));
    }

    @Test
    void isometricLatitudeOfWgs84SubtractsTheEccentricityTerm() {
        double e = Ellipsoid.WGS84.e();
        double sin = Math.sin(Math.toRadians(45));
        double expected = Math.log(Math.tan(Math.toRadians(67.5)) * Math.pow((1 - e * sin) / (1 + e * sin), e / 2));
        assertThat(WGS84.isometric(45)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void polesAreInfiniteAndBeyondThemUndefined() {
        assertThat(WGS84.isometric(90)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(WGS84.isometric(-90)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(WGS84.isometric(90.5)).isNaN();
        assertThat(WGS84.latitude(Double.POSITIVE_INFINITY)).isEqualTo(90);
        assertThat(WGS84.latitude(Double.NaN)).isNaN();
    }

    @Test
    void latitudeInvertsIsometricLatitudeFromPoleToPole() {
        for (double lat = -89.999; lat <= 89.999; lat += 0.037) {
            assertThat(WGS84.latitude(WGS84.isometric(lat)))
                    .as("latitude %s", lat)
                    .isCloseTo(lat, within(1e-12));
            assertThat(SPHERE.latitude(SPHERE.isometric(lat)))
                    .as("latitude %s", lat)
                    .isCloseTo(lat, within(1e-12));
        }
    }

    @Test
    void parallelRadiusOfWgs84AtFortyFiveDegrees() {
        double e2 = Ellipsoid.WGS84.e2();
        double phi = Math.toRadians(45);
        assertThat(WGS84.parallelRadius(45))
                .isCloseTo(Math.cos(phi) / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi)), within(1e-16));
    }
}
