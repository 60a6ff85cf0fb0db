package org.gsweather.geoserver.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.geoserver.gwc.GWC;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.ows.AbstractDispatcherCallback;
import org.geoserver.ows.Request;
import org.geoserver.ows.Response;
import org.geoserver.platform.Operation;
import org.geoserver.wms.map.RenderedImageMapResponse;

/**
 * Times WMS map requests as GeoServer's dispatcher runs them: {@code gsweather.wms.getmap} (producing the image:
 * reading, transformations, rendering; {@code via=gwc} for the metatiles GWC asks for, {@code via=wms} for direct
 * GetMap) and {@code gsweather.png.encode} (encoding a direct GetMap's PNG). For metatiles GWC encodes the tiles itself;
 * {@link TimedLockProvider} times that from the lock it holds, and is kept installed from here.
 */
public class WeatherDispatcherCallback extends AbstractDispatcherCallback {
    private static final Timer GETMAP_GWC = getMap("gwc");
    private static final Timer GETMAP_WMS = getMap("wms");
    private static final Timer PNG_ENCODE = Timer.builder("gsweather.png.encode")
            .description("Encoding the PNG of a direct WMS GetMap (metatiles: gsweather.gwc.encode)")
            .tag("via", "wms")
            .register(Metrics.globalRegistry);
    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[] {-1});

    private static Timer getMap(String via) {
        return Timer.builder("gsweather.wms.getmap")
                .description("A WMS GetMap producing its image (read, transform, render), before encoding")
                .tag("via", via)
                .register(Metrics.globalRegistry);
    }

    private static boolean isGetMap(Operation operation) {
        return operation != null
                && "GetMap".equalsIgnoreCase(operation.getId())
                && operation.getService() != null
                && "wms".equalsIgnoreCase(operation.getService().getId());
    }

    @Override
    public Operation operationDispatched(Request request, Operation operation) {
        if (isGetMap(operation)) {
            STARTED.get()[0] = System.nanoTime();
        }
        return operation;
    }

    @Override
    public Object operationExecuted(Request request, Operation operation, Object result) {
        long[] started = STARTED.get();
        if (isGetMap(operation) && started[0] >= 0) {
            long nanos = System.nanoTime() - started[0];
            started[0] = -1;
            if (forGwc(request)) {
                GETMAP_GWC.record(nanos, TimeUnit.NANOSECONDS);
                TimedLockProvider.MAP_NANOS.get()[0] = nanos;
                GWC gwc = GWC.get();
                if (gwc != null) {
                    TimedLockProvider.install(gwc.getLockProvider());
                }
            } else {
                GETMAP_WMS.record(nanos, TimeUnit.NANOSECONDS);
            }
        }
        return result;
    }

    @Override
    public Response responseDispatched(Request request, Operation operation, Object result, Response response) {
        String format = request.getOutputFormat();
        if (isGetMap(operation)
                && response instanceof RenderedImageMapResponse
                && format != null
                && format.toLowerCase(Locale.ROOT).contains("png")) {
            return new TimedResponse(response, PNG_ENCODE);
        }
        return response;
    }

    /** Whether GWC asked for this map (a metatile to cut into tiles), rather than a client. */
    private static boolean forGwc(Request request) {
        Map<String, Object> kvp = request.getRawKvp();
        return kvp != null && kvp.containsKey(GeoServerTileLayer.GWC_SEED_INTERCEPT_TOKEN);
    }
}
