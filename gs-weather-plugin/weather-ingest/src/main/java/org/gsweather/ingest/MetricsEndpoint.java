package org.gsweather.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The ingest's meters in Prometheus' text format at {@code http://ADDRESS/metrics}, for a Prometheus server to
 * scrape while {@code wx ingest --follow} runs (the counters and gauges of {@link IngestMetrics}, and the
 * process' memory, CPU and uptime). One thread answers; anything but {@code GET /metrics} is a 404.
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server, ExecutorService thread) {
        this.registry = registry;
        this.server = server;
        this.thread = thread;
    }

    /**
     * Binds {@code address} and starts answering.
     *
     * @throws IOException when the address cannot be bound (in use, not local), with the address in the message
     */
    public static MetricsEndpoint start(InetSocketAddress address) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            registry.close();
            throw new IOException(
                    "--metrics " + address.getHostString() + ":" + address.getPort() + ": cannot listen there: "
                            + e.getMessage(),
                    e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(Ingester.daemon("wx-ingest-metrics"));
        server.setExecutor(thread);
        MetricsEndpoint endpoint = new MetricsEndpoint(registry, server, thread);
        server.createContext("/", endpoint::handle);
        server.start();
        return endpoint;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The bound address (its port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            boolean metrics = ex.getRequestURI().getPath().equals("/metrics");
            boolean get =
                    ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD");
            byte[] body = (metrics && get ? registry.scrape() : "not found; the meters are at GET /metrics\n")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", metrics && get ? CONTENT_TYPE : "text/plain; charset=utf-8");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(metrics && get ? 200 : 404, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
        registry.close();
    }
}
