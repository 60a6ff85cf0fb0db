package org.gsweather.render;

/**
 * What one image shows: a box in an output CRS drawn on {@code width} x {@code height} pixels, x right
 * and y down. Pixel {@code (px, py)} covers CRS x from {@code minX + px * resolutionX()} on.
 *
 * <p>Symbols, labels and isoline vertices are placed in <em>global pixel coordinates</em>: CRS
 * coordinates divided by the resolution, anchored at the CRS origin. Two views of the same CRS and
 * resolution (two tiles of one zoom level, or a tile and a larger image) therefore agree on them
 * whatever their pixel origins, which is what makes tiles seamless.
 *
 * <p>A view may reach beyond its CRS's domain (a world map taller than the world, as a zoomed-out QGIS or web map
 * asks for): what lies outside is left transparent ({@link #inside}).
 */
public record View(OutputCrs crs, double minX, double minY, double maxX, double maxY, int width, int height) {

    public static final int MAX_SIZE = 8192;

    public View {
        if (width <= 0 || height <= 0 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "image size " + width + "x" + height + " out of range: 1 to " + MAX_SIZE + " pixels a side");
        }
        if (!(minX < maxX) || !(minY < maxY)) {
            throw new IllegalArgumentException("empty bbox " + minX + "," + minY + "," + maxX + "," + maxY
                    + ": give minx,miny,maxx,maxy with min < max");
        }
        if (!crs.overlaps(minX, minY, maxX, maxY)) {
            throw new IllegalArgumentException("bbox " + minX + "," + minY + "," + maxX + "," + maxY
                    + " lies outside the domain of " + crs.code() + " (" + crs.minX() + "," + crs.minY() + ","
                    + crs.maxX() + "," + crs.maxY() + ")"
                    + (crs.periodX() > 0 ? ", which x may pass by one turn (" + crs.periodX() + ") either side" : ""));
        }
    }

    /** A WMS-style request: {@code bbox} as minx,miny,maxx,maxy in the CRS's x/y order. */
    public static View of(String crs, double minX, double minY, double maxX, double maxY, int width, int height) {
        return new View(OutputCrs.of(crs), minX, minY, maxX, maxY, width, height);
    }

    /**
     * A WMS GetMap area: {@code bbox} as the request writes it, which for WMS 1.3.0 and a CRS whose axis
     * order is latitude first (EPSG:4326) means miny,minx,maxy,maxx; WMS 1.1.1 and CRS:84 are always
     * x first.
     *
     * @throws IllegalArgumentException naming what is wrong with the bbox
     */
    public static View ofWms(String version, String crs, String bbox, int width, int height) {
        OutputCrs c = OutputCrs.of(crs);
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("BBOX=" + bbox + ": give four numbers separated by commas");
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            try {
                v[k] = Double.parseDouble(p[k].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("BBOX=" + bbox + ": '" + p[k] + "' is not a number");
            }
        }
        boolean swap = version.startsWith("1.3") && c.northingFirst();
        return swap
                ? new View(c, v[1], v[0], v[3], v[2], width, height)
                : new View(c, v[0], v[1], v[2], v[3], width, height);
    }

    public double resolutionX() {
        return (maxX - minX) / width;
    }

    public double resolutionY() {
        return (maxY - minY) / height;
    }

    /** CRS x of the centre of pixel column {@code px} (fractional columns allowed). */
    public double x(double px) {
        return minX + (px + 0.5) * resolutionX();
    }

    /** CRS y of the centre of pixel row {@code py}. */
    public double y(double py) {
        return maxY - (py + 0.5) * resolutionY();
    }

    /** Pixel columns {@code [firstColumn, endColumn)} and rows {@code [firstRow, endRow)} of a view. */
    record Pixels(int firstColumn, int endColumn, int firstRow, int endRow) {}

    /**
     * The pixels whose centres lie in the CRS's domain (in x, {@link OutputCrs#reachMinX} to {@link
     * OutputCrs#reachMaxX}): all of them when the view lies within.
     */
    Pixels inside() {
        return new Pixels(
                clamp(Math.ceil((crs.reachMinX() - minX) / resolutionX() - 0.5), width),
                clamp(Math.floor((crs.reachMaxX() - minX) / resolutionX() - 0.5) + 1, width),
                clamp(Math.ceil((maxY - crs.maxY()) / resolutionY() - 0.5), height),
                clamp(Math.floor((maxY - crs.minY()) / resolutionY() - 0.5) + 1, height));
    }

    private static int clamp(double v, int n) {
        return (int) Math.max(0, Math.min(n, v));
    }

    /** Global pixel column of this view's left edge (see the class comment). */
    public double globalLeft() {
        return minX / resolutionX();
    }

    /** Global pixel row of this view's top edge, rows counted downwards from the CRS origin. */
    public double globalTop() {
        return -maxY / resolutionY();
    }
}
