package org.gsweather.loadtest.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The layer and zoom level of a request read back from its target, for the per-layer and per-zoom results of
 * replayed logs: WMTS KVP (LAYER, TILEMATRIX), WMTS REST ({@code .../rest/LAYER/STYLE/SET/MATRIX/ROW/COL}), GWC TMS
 * ({@code .../tms/1.0.0/LAYER@SET@FORMAT/Z/X/Y.png}) and WMS (LAYERS; no zoom).
 *
 * @param zoom the tile matrix's trailing number (GeoServer names them SET:Z), or -1
 * @param expectImage whether the request asks for an image format
 */
public record RequestLabels(String layer, int zoom, boolean expectImage) {

    public static RequestLabels of(String target) {
        Map<String, String> p = QueryString.parameters(target);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String[] seg = path.split("/");
        String format = decode(p.getOrDefault("FORMAT", ""));
        String layer = p.containsKey("LAYER") ? p.get("LAYER") : p.get("LAYERS");
        int zoom = -1;
        if (p.containsKey("TILEMATRIX")) {
            zoom = trailingNumber(decode(p.get("TILEMATRIX")));
        }
        for (int i = 0; i < seg.length; i++) {
            if (seg[i].equals("rest") && i + 6 < seg.length && layer == null) {
                layer = seg[i + 1];
                zoom = trailingNumber(decode(seg[i + 4]));
            } else if (seg[i].equals("tms") && i + 5 < seg.length && layer == null) {
                String[] lsf = decode(seg[i + 2]).split("@");
                layer = lsf[0];
                zoom = trailingNumber(seg[i + 3]);
                if (format.isEmpty() && lsf.length == 3) {
                    format = "image/" + lsf[2];
                }
            }
        }
        if (format.isEmpty()) {
            String last = seg.length == 0 ? "" : seg[seg.length - 1].toLowerCase(Locale.ROOT);
            if (last.endsWith(".png") || last.endsWith(".jpg") || last.endsWith(".jpeg") || last.endsWith(".webp")) {
                format = "image/";
            }
        }
        return new RequestLabels(
                layer == null ? "-" : decode(layer),
                zoom,
                format.toLowerCase(Locale.ROOT).startsWith("image/"));
    }

    private static int trailingNumber(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        if (i == s.length() || s.length() - i > 3) {
            return -1;
        }
        return Integer.parseInt(s.substring(i));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
