package org.gsweather.render;

/** A CRS code that the renderer does not know, with the codes it does know. */
public final class UnknownCrsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownCrsException(String code) {
        super("unknown CRS " + code + ": " + KNOWN);
    }

    UnknownCrsException(String code, String problem) {
        super("bad CRS " + code + ": " + problem);
    }

    private static final String KNOWN = "known are EPSG:3857 (900913, 3785, 102100), EPSG:4326, CRS:84, EPSG:3413, "
            + "EPSG:3031, EPSG:2154, EPSG:3978, ESRI:102009 and LCC:lat1,lat2,lat0,lon0";
}
