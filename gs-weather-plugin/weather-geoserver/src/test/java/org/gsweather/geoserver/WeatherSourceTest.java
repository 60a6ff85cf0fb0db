package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.geoserver.platform.GeoServerEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Store URLs with GeoServer's environment placeholders, as the data directory template writes them. */
class WeatherSourceTest {
    @AfterEach
    void restore() {
        System.clearProperty("ALLOW_ENV_PARAMETRIZATION");
        System.clearProperty("WX_TEST_DATA");
        GeoServerEnvironment.reloadAllowEnvParametrization();
    }

    @Test
    void placeholdersAreExpandedWhenGeoServerAllowsThem() {
        System.setProperty("ALLOW_ENV_PARAMETRIZATION", "true");
        System.setProperty("WX_TEST_DATA", "/srv/weather");
        GeoServerEnvironment.reloadAllowEnvParametrization();

        String url = WeatherSource.expand(
                "file:${WX_TEST_DATA}/grib2/noaa?pattern=hrrr.*.grib2", new GeoServerEnvironment());
        WeatherSource source = WeatherSource.of(url);

        assertThat(url).isEqualTo("file:/srv/weather/grib2/noaa?pattern=hrrr.*.grib2");
        assertThat(source.location()).isEqualTo(Path.of("/srv/weather/grib2/noaa"));
        assertThat(source.query()).isEqualTo("pattern=hrrr.*.grib2");
    }

    @Test
    void aDefaultAfterAColonIsUsedWhenTheVariableIsUnset() {
        System.setProperty("ALLOW_ENV_PARAMETRIZATION", "true");
        GeoServerEnvironment.reloadAllowEnvParametrization();

        assertThat(WeatherSource.expand("file:${WX_TEST_DATA:/data}/cf?pattern=air.nc", new GeoServerEnvironment()))
                .isEqualTo("file:/data/cf?pattern=air.nc");
    }

    @Test
    void withoutGeoServersPermissionTheUrlIsLeftAsWritten() {
        System.setProperty("WX_TEST_DATA", "/srv/weather");
        GeoServerEnvironment.reloadAllowEnvParametrization();

        assertThat(WeatherSource.expand("file:${WX_TEST_DATA}/cf", new GeoServerEnvironment()))
                .isEqualTo("file:${WX_TEST_DATA}/cf");
    }
}
