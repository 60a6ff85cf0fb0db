package org.gsweather.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/nginx.conf is one template for two deployments: the nginx image fills it from compose's environment, bin/start
 * --nodes 2 from its ports. Both must give the same configuration but for the addresses, and nginx must accept it.
 */
class NginxTemplateTest {
    /** What the nginx image's 20-envsubst-on-templates.sh does: ${VAR} for variables set in its environment. */
    private static String asTheNginxImageFillsIt(String template, Map<String, String> env) {
        String out = template;
        for (Map.Entry<String, String> e : env.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(Repository.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }

    private static final String TEMPLATE = Repository.read("docker/nginx.conf");
    private static final Map<String, String> COMPOSE =
            Map.of("NGINX_PORT", "80", "GEOSERVER_1", "geoserver-1:8080", "GEOSERVER_2", "geoserver-2:8080");

    @Test
    void theTemplateRoundRobinsOverTwoNodesAndKeepsAdministratorsOnOne() {
        String conf = asTheNginxImageFillsIt(TEMPLATE, COMPOSE);
        assertThat(conf.replaceAll("(?m)^\\s*#.*$", "")).doesNotContain("${");
        assertThat(conf)
                .contains("upstream geoserver {\n    server geoserver-1:8080")
                .contains("    server geoserver-2:8080 max_fails=1 fail_timeout=5s;")
                .contains("upstream geoserver_admin {\n    ip_hash;")
                .contains("listen 80;")
                .contains("proxy_set_header Host $http_host;")
                .contains("proxy_next_upstream error timeout http_500 http_502 http_503;");
    }

    @Test
    void binStartFillsTheSameTemplateWithItsOwnAddresses() throws Exception {
        assumeTrue(onPath("bash") && onPath("python3"), "bash and python3 are needed to run bin/start; not found");
        String fromBinStart = run(List.of("bash", "bin/start", "--port", "8080", "--print-nginx-conf"));
        String fromCompose = asTheNginxImageFillsIt(TEMPLATE, COMPOSE);
        String normalised = fromBinStart
                .replace("127.0.0.1:8081", "geoserver-1:8080")
                .replace("127.0.0.1:8082", "geoserver-2:8080")
                .replace("listen 127.0.0.1:8080;", "listen 80;");
        assertThat(normalised).isEqualTo(fromCompose);
    }

    @Test
    void nginxAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("nginx"), "nginx is not installed (Debian: nginx-light); the syntax check is skipped");
        Path server = dir.resolve("geoserver.conf");
        Files.writeString(
                server,
                asTheNginxImageFillsIt(
                        TEMPLATE,
                        Map.of(
                                "NGINX_PORT",
                                "127.0.0.1:18080",
                                "GEOSERVER_1",
                                "127.0.0.1:18081",
                                "GEOSERVER_2",
                                "127.0.0.1:18082")));
        Path main = dir.resolve("nginx.conf");
        Files.writeString(
                main,
                "pid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("error.log")
                        + ";\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path " + dir
                        + "/b;\n  proxy_temp_path "
                        + dir + "/p;\n  fastcgi_temp_path " + dir + "/f;\n  uwsgi_temp_path " + dir
                        + "/u;\n  scgi_temp_path "
                        + dir + "/s;\n  include " + server + ";\n}\n");
        String nginx = onPath("nginx") && Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        String out = run(List.of(nginx, "-t", "-c", main.toString(), "-p", dir.toString()));
        assertThat(out).contains("syntax is ok");
    }
}
