package org.gsweather.render;

/** Wind barbs and arrows. */
final class SymbolLayer {
    void barbs(Canvas c, WindValues wind, BarbStyle style, View view) {
        throw new UnsupportedOperationException("barbs: not yet");
    }

    void arrows(Canvas c, WindValues wind, ArrowStyle style, View view) {
        throw new UnsupportedOperationException("arrows: not yet");
    }
}
