package org.gsweather.render;

/** Isolines. */
final class IsolineLayer {
    void draw(Canvas c, GridValues field, IsolineStyle style, View view) {
        throw new UnsupportedOperationException("isolines: not yet");
    }
}
