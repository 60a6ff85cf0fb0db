package org.gsweather.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Isoline labels at deterministic places: where a line crosses the vertical lines {@code x = (q + s) *
 * } {@link IsolineLayer#LABEL_SPACING} in global pixels, {@code s} a stagger per level, so that every
 * tile finds the same candidates. A candidate is kept when the line is nearly straight under it and no
 * candidate of higher priority (major lines first, then a hash of level and position) crowds it: a rule
 * that looks only at neighbours, so adjacent tiles agree on every label near their border.
 */
final class LabelPlacer {
    private static final int HALO = 0xd8ffffff;
    private static final double GOLDEN = 0.6180339887498949;

    private record Candidate(double x, double y, double angle, String text, double half, long priority) {}

    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Candidate> kept = new ArrayList<>();
    /** Per kept label: centre, direction cosine and sine, half length, and the squared radius it reaches. */
    private double[] box = new double[0];

    private double fontSize;
    private int width;
    private int height;
    private final TextPath text = new TextPath();

    void reset(IsolineStyle style, int width, int height) {
        candidates.clear();
        kept.clear();
        this.fontSize = style.fontSize();
        this.width = width;
        this.height = height;
    }

    /** Adds the label candidates of one level's lines (pixel coordinates of an image at {@code left}). */
    void candidates(Polylines lines, String text, long levelNumber, boolean major, double left) {
        double half = 0.5 * GlyphOutlines.width(text) * fontSize + 0.3 * fontSize;
        double stagger = (levelNumber * GOLDEN) % 1.0;
        if (stagger < 0) {
            stagger += 1;
        }
        double spacing = IsolineLayer.LABEL_SPACING;
        for (int k = 0; k < lines.size(); k++) {
            int s = lines.start(k);
            int e = lines.end(k);
            int segments = lines.closed(k) ? e - s : e - s - 1;
            for (int q = 0; q < segments; q++) {
                int p0 = s + q;
                int p1 = p0 + 1 < e ? p0 + 1 : s;
                double x0 = lines.x(p0) + left, x1 = lines.x(p1) + left; // global
                double lo = Math.min(x0, x1), hi = Math.max(x0, x1);
                double first = Math.ceil(lo / spacing - stagger);
                for (double n = first; (n + stagger) * spacing < hi; n++) {
                    double gx = (n + stagger) * spacing;
                    if (gx == hi) {
                        continue; // counted by the segment that starts there
                    }
                    double t = (gx - x0) / (x1 - x0);
                    double cx = lines.x(p0) + t * (lines.x(p1) - lines.x(p0));
                    double cy = lines.y(p0) + t * (lines.y(p1) - lines.y(p0));
                    consider(lines, k, p0, t, cx, cy, text, half, levelNumber, major, n);
                }
            }
        }
    }

    private void consider(
            Polylines lines,
            int line,
            int p0,
            double t,
            double cx,
            double cy,
            String text,
            double half,
            long levelNumber,
            boolean major,
            double column) {
        if (cx < -2 * half - fontSize
                || cx > width + 2 * half + fontSize
                || cy < -2 * half - fontSize
                || cy > height + 2 * half + fontSize) {
            return;
        }
        double[] a = walk(lines, line, p0, t, -half);
        double[] b = walk(lines, line, p0, t, half);
        if (a == null || b == null) {
            return;
        }
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double chord = Math.sqrt(dx * dx + dy * dy);
        if (chord < 1.6 * half) {
            return; // the line bends too much under the label
        }
        double angle = Math.atan2(dy, dx);
        if (Math.cos(angle) < 0) {
            angle += Math.PI;
        }
        if (Math.abs(Math.sin(angle)) > 0.87) {
            return; // nearly vertical: unreadable
        }
        long h = levelNumber * 0x9E3779B97F4A7C15L + (long) column * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        long priority = (major ? Long.MIN_VALUE / 2 : 0) + (h & 0x3fffffffffffL);
        candidates.add(new Candidate(0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1]), angle, text, half, priority));
    }

    /** The point at arc length {@code distance} from (p0 + t) along the line, or null past its ends. */
    private static double[] walk(Polylines lines, int line, int p0, double t, double distance) {
        int s = lines.start(line);
        int e = lines.end(line);
        boolean closed = lines.closed(line);
        int n = e - s;
        double x = lines.x(p0) + t * (lines.x(next(p0, s, e)) - lines.x(p0));
        double y = lines.y(p0) + t * (lines.y(next(p0, s, e)) - lines.y(p0));
        double left = Math.abs(distance);
        int p = distance > 0 ? next(p0, s, e) : p0;
        for (int steps = 0; steps <= n; steps++) {
            if (!closed && (p < s || p >= e)) {
                return null;
            }
            double px = lines.x(p), py = lines.y(p);
            double d = Math.sqrt((px - x) * (px - x) + (py - y) * (py - y));
            if (d >= left) {
                double f = left / d;
                return new double[] {x + f * (px - x), y + f * (py - y)};
            }
            left -= d;
            x = px;
            y = py;
            if (distance > 0) {
                p = closed ? next(p, s, e) : p + 1;
            } else {
                p = closed ? (p - 1 < s ? e - 1 : p - 1) : p - 1;
            }
        }
        return null;
    }

    private static int next(int p, int s, int e) {
        return p + 1 < e ? p + 1 : s;
    }

    /** Keeps the candidates that show in the image and that no stronger neighbour crowds. */
    void select() {
        kept.clear();
        for (Candidate c : candidates) {
            if (c.x() + c.half() < -1
                    || c.x() - c.half() > width + 1
                    || c.y() + c.half() < -1
                    || c.y() - c.half() > height + 1) {
                continue;
            }
            boolean crowded = false;
            for (Candidate o : candidates) {
                if (o != c
                        && beats(o, c)
                        && Math.hypot(o.x() - c.x(), o.y() - c.y()) < c.half() + o.half() + fontSize) {
                    crowded = true;
                    break;
                }
            }
            if (!crowded) {
                kept.add(c);
            }
        }
        if (box.length < 6 * kept.size()) {
            box = new double[6 * kept.size()];
        }
        double across = 0.6 * fontSize;
        for (int k = 0; k < kept.size(); k++) {
            Candidate c = kept.get(k);
            box[6 * k] = c.x();
            box[6 * k + 1] = c.y();
            box[6 * k + 2] = Math.cos(c.angle());
            box[6 * k + 3] = Math.sin(c.angle());
            box[6 * k + 4] = c.half();
            box[6 * k + 5] = c.half() * c.half() + across * across;
        }
    }

    /** Whether a point lies under a kept label (where the line gives way to the text). */
    boolean covers(double x, double y) {
        double[] b = box;
        double maxAcross = 0.6 * fontSize;
        for (int k = 0, n = kept.size(); k < n; k++) {
            int o = 6 * k;
            double dx = x - b[o], dy = y - b[o + 1];
            if (dx * dx + dy * dy >= b[o + 5]) {
                continue;
            }
            double cos = b[o + 2], sin = b[o + 3];
            double along = dx * cos + dy * sin;
            double across = -dx * sin + dy * cos;
            if (Math.abs(along) < b[o + 4] && Math.abs(across) < maxAcross) {
                return true;
            }
        }
        return false;
    }

    /** Draws the kept labels: halos first, then the text. */
    boolean draw(Rasterizer raster, int[] argb, int color) {
        if (kept.isEmpty()) {
            return false;
        }
        double r = Math.max(1.2, 0.14 * fontSize);
        for (Candidate c : kept) {
            for (int d = 0; d < 8; d++) {
                double a = d * Math.PI / 4;
                text(raster, c, r * Math.cos(a), r * Math.sin(a));
            }
        }
        boolean drew = raster.paint(argb, HALO);
        for (Candidate c : kept) {
            text(raster, c, 0, 0);
        }
        return raster.paint(argb, color) | drew;
    }

    private static boolean beats(Candidate o, Candidate c) {
        if (o.priority() != c.priority()) {
            return o.priority() < c.priority();
        }
        return o.y() < c.y() || (o.y() == c.y() && o.x() < c.x());
    }

    private void text(Rasterizer raster, Candidate c, double ox, double oy) {
        text.add(raster, c.text(), c.x() + ox, c.y() + oy, fontSize, c.angle(), true);
    }
}
