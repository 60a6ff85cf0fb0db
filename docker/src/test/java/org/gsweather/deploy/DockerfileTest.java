package org.gsweather.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile: the official GeoServer image of the version the plugins are built for, plus both plugin zips in
 * WEB-INF/lib and the data directory made by the same script as bin/start's, in the official image's data directory.
 */
class DockerfileTest {
    private static final String DOCKERFILE = Repository.read("docker/Dockerfile");

    private static String group(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    @Test
    void itBuildsOnTheOfficialImageOfTheVersionThePluginsAreBuiltFor() {
        String image = group("^ARG GEOSERVER_IMAGE=(\\S+)$", DOCKERFILE);
        String version = group("<geoserver.version>([^<]+)</geoserver.version>", Repository.read("pom.xml"));
        assertThat(image).isEqualTo("docker.osgeo.org/geoserver:" + version);
        assertThat(DOCKERFILE).containsPattern("(?m)^FROM \\$\\{GEOSERVER_IMAGE}$");
        assertThat(group("^GS_VERSION=(\\S+)$", Repository.read("bin/start"))).isEqualTo(version);
        assertThat(Repository.read("docker/compose.yaml")).contains("image: gs-weather/geoserver:" + version);
    }

    @Test
    void bothPluginZipsAreUnzippedIntoGeoServersLibraries() {
        assertThat(DOCKERFILE)
                .contains(
                        "-Pgeoserver -pl gs-weather-plugin/weather-geoserver,gwc-redis-blobstore/gwc-redis -am package")
                .contains("gs-weather-plugin/weather-geoserver/target/weather-geoserver-*-plugin.zip")
                .contains("gwc-redis-blobstore/gwc-redis/target/gwc-redis-*-plugin.zip")
                .contains("cd /usr/local/tomcat/webapps/geoserver/WEB-INF/lib")
                .contains("unzip -q -o \"$z\"");
    }

    @Test
    void theDataDirectoryIsPreparedAsBinStartPreparesItAndGoesWhereTheImageLooks() {
        assertThat(DOCKERFILE)
                .contains(
                        "python3 /src/data-dir-template/prepare.py --out /datadir --styles /src/styles --viewer /viewer")
                .contains("COPY --from=datadir /datadir/ /opt/geoserver_data/")
                .contains("cp -rn /usr/local/tomcat/webapps/geoserver/data/security/. /opt/geoserver_data/security/");
        assertThat(Repository.read("bin/start")).contains("data-dir-template/prepare.py");
        for (String volume : List.of("geoserver-data:/opt/geoserver_data")) {
            assertThat(Repository.read("docker/compose.yaml")).contains(volume);
        }
    }

    @Test
    void itHasAHealthcheckAndTheEnvironmentTheTemplateNeeds() {
        assertThat(DOCKERFILE).containsPattern("(?m)^HEALTHCHECK .*--start-period=\\d+s");
        assertThat(DOCKERFILE)
                .contains("-DALLOW_ENV_PARAMETRIZATION=true")
                .contains("WX_DATA=/var/lib/weather")
                .contains("REDIS_URL=redis://redis:6379");
        assertThat(DOCKERFILE).doesNotContainPattern("(?i)password=");
    }
}
