package org.gsweather.loadtest.capabilities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The GeoServer 2.26.2 capabilities documents kept as test resources (see their README). */
public final class GeoServerCapabilities {
    public static final String WMTS = "geoserver-2.26.2-wmts.xml";
    public static final String WMS = "geoserver-2.26.2-wms-1.3.0.xml";
    public static final String WMTS_EXCEPTION = "geoserver-2.26.2-wmts-exception.xml";

    private GeoServerCapabilities() {}

    public static InputStream open(String name) {
        InputStream in = GeoServerCapabilities.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource " + name + " missing");
        }
        return in;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WmtsCapabilities wmts() {
        return WmtsCapabilities.parse(open(WMTS), WMTS);
    }

    public static WmsCapabilities wms() {
        return WmsCapabilities.parse(open(WMS), WMS);
    }
}
