package org.gsweather.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml: Redis with a password, two GeoServer nodes that differ only in their node id, on one data
 * directory volume, nginx in front with the template bin/start uses, Prometheus scraping the nodes; healthchecks
 * everywhere; and every variable
 * the data directory template reads is given to the nodes, by compose and by bin/start alike.
 */
class ComposeFileTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory())
                .readTree(Repository.file("docker/compose.yaml").toFile());
    }

    private static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        service(service)
                .path("environment")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theDeploymentIsRedisTwoGeoServerNodesAndNginx() {
        List<String> names = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("redis", "geoserver-1", "geoserver-2", "nginx", "prometheus");
    }

    @Test
    void prometheusScrapesEveryGeoServerNodeWithTheAdminPassword() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(Repository.file("docker/prometheus.yml").toFile());
        JsonNode job = null;
        for (JsonNode j : config.path("scrape_configs")) {
            if (j.path("job_name").asText().equals("geoserver-weather")) {
                job = j;
            }
        }
        assertThat(job).as("the geoserver-weather job").isNotNull();
        // The REST controller's path under GeoServer's /rest (RestBaseController.ROOT_PATH).
        String controller = Files.readString(
                Repository.file(
                        "gs-weather-plugin/weather-geoserver/src/main/java/org/gsweather/geoserver/metrics/MetricsController.java"));
        assertThat(controller).contains("ROOT_PATH + \"/wx\")", "@GetMapping(\"/metrics\")");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/geoserver/rest/wx/metrics");
        List<String> nodes = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(n -> {
            if (n.startsWith("geoserver-")) {
                nodes.add(n + ":8080");
            }
        });
        assertThat(texts(job.path("static_configs").get(0).path("targets"))).containsExactlyElementsOf(nodes);
        assertThat(job.path("basic_auth").path("username").asText())
                .isEqualTo(environment("geoserver-1").get("GEOSERVER_ADMIN_USER"));
        String secret = job.path("basic_auth").path("password_file").asText();
        assertThat(secret).startsWith("/run/secrets/");
        String name = secret.substring("/run/secrets/".length());
        assertThat(texts(service("prometheus").path("secrets"))).contains(name);
        assertThat(compose.path("secrets").path(name).path("environment").asText())
                .isEqualTo("GEOSERVER_ADMIN_PASSWORD");
        assertThat(texts(service("prometheus").path("volumes")))
                .contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        compose.path("services").fields().forEachRemaining(s -> {
            JsonNode h = s.getValue().path("healthcheck");
            assertThat(texts(h.path("test")))
                    .as(s.getKey())
                    .isNotEmpty()
                    .first()
                    .isEqualTo("CMD-SHELL");
            assertThat(h.path("interval").asText()).as(s.getKey()).isNotEmpty();
            assertThat(h.path("timeout").asText()).as(s.getKey()).isNotEmpty();
            assertThat(h.path("retries").asInt()).as(s.getKey()).isPositive();
        });
    }

    @Test
    void redisRequiresThePasswordTheNodesAreGiven() {
        String command = String.join(" ", texts(service("redis").path("command")));
        assertThat(command).contains("--requirepass \"$$REDIS_PASSWORD\"").contains("--maxmemory-policy allkeys-lru");
        assertThat(environment("redis").get("REDIS_PASSWORD")).isEqualTo("${REDIS_PASSWORD:?set REDIS_PASSWORD}");
        assertThat(environment("geoserver-1").get("REDIS_PASSWORD"))
                .isEqualTo(environment("redis").get("REDIS_PASSWORD"));
        assertThat(environment("geoserver-1").get("REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat(texts(service("redis").path("healthcheck").path("test")).get(1))
                .contains("$$REDIS_PASSWORD");
        assertThat(texts(service("redis").path("volumes"))).containsExactly("redis-data:/data");
    }

    @Test
    void theTwoNodesDifferOnlyInTheirNodeIdAndStartOneAfterTheOther() {
        Map<String, String> one = environment("geoserver-1");
        Map<String, String> two = environment("geoserver-2");
        assertThat(one.remove("GEOSERVER_NODE_OPTS")).isEqualTo("id:geoserver-1");
        assertThat(two.remove("GEOSERVER_NODE_OPTS")).isEqualTo("id:geoserver-2");
        assertThat(two).isEqualTo(one);
        assertThat(service("geoserver-2").path("image").asText())
                .isEqualTo(service("geoserver-1").path("image").asText());
        assertThat(service("geoserver-1").path("build").path("dockerfile").asText())
                .isEqualTo("docker/Dockerfile");
        assertThat(service("geoserver-2").path("volumes"))
                .isEqualTo(service("geoserver-1").path("volumes"));
        assertThat(service("geoserver-2").path("healthcheck"))
                .isEqualTo(service("geoserver-1").path("healthcheck"));
        assertThat(service("geoserver-2")
                        .path("depends_on")
                        .path("geoserver-1")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        assertThat(service("geoserver-1")
                        .path("depends_on")
                        .path("redis")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void theNodesShareOneDataDirectoryVolumeAndReadTheWeatherFilesReadOnly() {
        List<String> volumes = texts(service("geoserver-1").path("volumes"));
        assertThat(volumes).contains("geoserver-data:/opt/geoserver_data");
        String weather = volumes.stream()
                .filter(v -> v.contains(":/var/lib/weather"))
                .findFirst()
                .orElseThrow();
        assertThat(weather).endsWith(":/var/lib/weather:ro");
        assertThat(environment("geoserver-1").get("WX_DATA")).isEqualTo("/var/lib/weather");
        List<String> named = new ArrayList<>();
        compose.path("volumes").fieldNames().forEachRemaining(named::add);
        assertThat(named).containsExactlyInAnyOrder("redis-data", "geoserver-data", "prometheus-data");
    }

    @Test
    void nginxServesTheTemplateOfBinStartInFrontOfBothNodes() {
        Map<String, String> env = environment("nginx");
        assertThat(env)
                .containsEntry("GEOSERVER_1", "geoserver-1:8080")
                .containsEntry("GEOSERVER_2", "geoserver-2:8080")
                .containsEntry("NGINX_PORT", "80");
        assertThat(texts(service("nginx").path("volumes")))
                .containsExactly("./nginx.conf:/etc/nginx/templates/default.conf.template:ro");
        assertThat(texts(service("nginx").path("ports"))).containsExactly("${PORT:-8080}:80");
        assertThat(service("nginx")
                        .path("depends_on")
                        .path("geoserver-2")
                        .path("condition")
                        .asText())
                .isEqualTo("service_healthy");
        assertThat(Repository.read("bin/start")).contains("\"$root/docker/nginx.conf\"");
    }

    @Test
    void adminAndRedisPasswordsMustBeGivenAndNeverHaveDefaults() {
        assertThat(environment("geoserver-1").get("GEOSERVER_ADMIN_PASSWORD"))
                .isEqualTo("${GEOSERVER_ADMIN_PASSWORD:?set GEOSERVER_ADMIN_PASSWORD}");
        assertThat(Repository.read("docker/compose.yaml")).doesNotContainPattern("PASSWORD:-");
    }

    /** Every ${VAR} of the data directory template without a default is set for the nodes, in compose and bin/start. */
    @Test
    void everyVariableTheDataDirectoryReadsIsGiven() throws IOException {
        Map<String, Boolean> used = new HashMap<>(); // name -> has a default
        try (Stream<Path> files = Files.walk(Repository.file("data-dir-template"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(f));
                while (m.find()) {
                    used.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
                }
            }
        }
        assertThat(new TreeSet<>(used.keySet())).containsExactly("REDIS_PASSWORD", "REDIS_URL", "WX_DATA");
        Map<String, String> env = environment("geoserver-1");
        String start = Repository.read("bin/start");
        for (String name : used.keySet()) {
            assertThat(env).as("compose gives " + name).containsKey(name);
            assertThat(start).as("bin/start exports " + name).containsPattern("export [^\\n]*\\b" + name + "\\b");
        }
        // GeoServer expands ${...} in store URLs and GWC in blob stores only when allowed
        assertThat(env.get("EXTRA_JAVA_OPTS")).contains("-DALLOW_ENV_PARAMETRIZATION=true");
        assertThat(start).contains("-DALLOW_ENV_PARAMETRIZATION=true");
    }
}
