package org.gsweather.geoserver.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.rest.RestBaseController;
import org.gsweather.geoserver.WeatherReaders;
import org.gsweather.geoserver.tiles.Prefetcher;
import org.gsweather.store.FieldCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rest/wx/metrics}: every meter in Prometheus' text format. {@code POST /rest/wx/reset}: empties the field
 * cache and the prefetch queue and zeroes the metrics (the load tester's {@code reset} calls it before a run). Both sit under GeoServer's
 * REST security: administrators only unless {@code security/rest.properties} says otherwise (docs/metrics.md).
 */
@RestController
@RequestMapping(path = RestBaseController.ROOT_PATH + "/wx")
public class MetricsController {
    /** Prometheus' text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final WeatherMetrics metrics;
    private final Prefetcher prefetcher;

    public MetricsController(WeatherMetrics metrics, Prefetcher prefetcher) {
        this.metrics = metrics;
        this.prefetcher = prefetcher;
    }

    @GetMapping("/metrics")
    public void metrics(HttpServletResponse response) throws IOException {
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PROMETHEUS_TEXT);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    @PostMapping("/reset")
    public void reset(HttpServletResponse response) throws IOException {
        prefetcher.clear(); // first: a prefetch render ending later would fill the caches again
        FieldCache cache = WeatherReaders.fieldCache();
        long fields = cache.entries();
        long bytes = cache.bytes();
        cache.clear();
        metrics.reset();
        byte[] body = String.format(
                        "{\"fieldCache\":{\"fieldsDropped\":%d,\"bytesDropped\":%d},\"metrics\":\"zeroed\"}%n",
                        fields, bytes)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
