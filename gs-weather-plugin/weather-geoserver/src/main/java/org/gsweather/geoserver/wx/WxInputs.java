package org.gsweather.geoserver.wx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.geotools.api.geometry.Bounds;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.util.Converters;

/**
 * The evaluated parameters of one {@code wx:} transformation: the output geometry (as GeoServer's heatmap
 * takes it from {@code wms_bbox}, {@code wms_width}, {@code wms_height}) and the style they spell, in the
 * STYLE mini-language of {@code wx render} (so that names, defaults and errors are the same).
 *
 * @param style e.g. {@code ramp:palette=temperature,units=degC}
 */
record WxInputs(WxKind kind, String style, ReferencedEnvelope bbox, int width, int height) {

    /**
     * @param parameters parameter name to value, as SLD {@code parameter} functions give them
     * @throws IllegalArgumentException naming the parameter that is missing or unknown
     */
    static WxInputs of(WxKind kind, Map<String, Object> parameters) {
        Map<String, String> style = new LinkedHashMap<>();
        ReferencedEnvelope bbox = null;
        Integer width = null;
        Integer height = null;
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            switch (key) {
                case "data" -> {}
                case "outputBBOX" -> bbox = envelope(value);
                case "outputWidth" -> width = Converters.convert(value, Integer.class);
                case "outputHeight" -> height = Converters.convert(value, Integer.class);
                default -> {
                    String k = key.toLowerCase(java.util.Locale.ROOT);
                    if (!kind.keys().contains(k)) {
                        throw new IllegalArgumentException(kind.qualifiedName() + ": unknown parameter '" + key
                                + "'; known are " + String.join(", ", kind.keys()) + " and "
                                + String.join(", ", WxKind.GEOMETRY));
                    }
                    if (value != null) {
                        style.put(k, text(value));
                    }
                }
            }
        }
        String spelled = style(kind, style);
        if (bbox == null || width == null || height == null) {
            throw new IllegalArgumentException(kind.qualifiedName() + " needs outputBBOX, outputWidth and outputHeight:"
                    + " pass env('wms_bbox'), env('wms_width') and env('wms_height') as GeoServer's heatmap does");
        }
        return new WxInputs(kind, spelled, bbox, width, height);
    }

    /** The style parameters in the STYLE mini-language: {@code ramp:palette=temperature,units=degC}. */
    private static String style(WxKind kind, Map<String, String> style) {
        return kind.style()
                + (style.isEmpty()
                        ? ""
                        : ":"
                                + style.entrySet().stream()
                                        .map(x -> x.getValue().isEmpty() ? x.getKey() : x.getKey() + "=" + x.getValue())
                                        .collect(Collectors.joining(",")));
    }

    /**
     * The style of a transformation's parameters alone (for legends: no map geometry is needed).
     *
     * @throws IllegalArgumentException naming an unknown parameter
     */
    static String styleOnly(WxKind kind, Map<String, Object> parameters) {
        Map<String, String> style = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (kind.keys().contains(k) && e.getValue() != null) {
                style.put(k, text(e.getValue()));
            }
        }
        return style(kind, style);
    }

    private static ReferencedEnvelope envelope(Object value) {
        if (value instanceof ReferencedEnvelope r) {
            return r;
        }
        if (value instanceof Bounds b) {
            return ReferencedEnvelope.reference(b);
        }
        throw new IllegalArgumentException("outputBBOX must be an envelope (env('wms_bbox')), not " + value);
    }

    private static String text(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value).trim();
    }
}
