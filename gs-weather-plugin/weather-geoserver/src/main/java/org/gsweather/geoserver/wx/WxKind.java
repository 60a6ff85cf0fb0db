package org.gsweather.geoserver.wx;

import java.util.List;
import java.util.Locale;
import org.gsweather.render.StyleParser;

/**
 * The {@code wx:} rendering transformations and the {@code wx render} style each one draws: the SLD
 * parameters are the style's keys, with the same names, defaults and errors (docs/styles.md).
 */
enum WxKind {
    COLOR_RAMP("ColorRamp", "ramp"),
    WIND_BARBS("WindBarbs", "barbs"),
    WIND_ARROWS("WindArrows", "arrows"),
    ISOLINES("Isolines", "isolines");

    static final String NAMESPACE = "wx";
    /** The parameters every transformation takes besides its style keys. */
    static final List<String> GEOMETRY = List.of("data", "outputBBOX", "outputWidth", "outputHeight");

    private final String localName;
    private final String style;
    private final List<String> keys;

    WxKind(String localName, String style) {
        this.localName = localName;
        this.style = style;
        this.keys = StyleParser.keys(style);
    }

    String localName() {
        return localName;
    }

    /** {@code wx:ColorRamp} */
    String qualifiedName() {
        return NAMESPACE + ":" + localName;
    }

    /** The style kind of the STYLE mini-language, e.g. {@code ramp}. */
    String style() {
        return style;
    }

    List<String> keys() {
        return keys;
    }

    /**
     * The kind of a function name, or null: {@code wx:ColorRamp}, {@code ColorRamp} in the {@code wx}
     * namespace, or a bare {@code ColorRamp} (GeoTools' SLD parser drops the prefix of {@code
     * <ogc:Function name="wx:ColorRamp">}).
     */
    static WxKind of(String namespace, String local) {
        String ns = namespace;
        String name = local;
        int colon = local.indexOf(':');
        if (colon >= 0) {
            ns = local.substring(0, colon);
            name = local.substring(colon + 1);
        }
        if (ns != null && !ns.toLowerCase(Locale.ROOT).equals(NAMESPACE)) {
            return null;
        }
        for (WxKind k : values()) {
            if (k.localName.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }
}
