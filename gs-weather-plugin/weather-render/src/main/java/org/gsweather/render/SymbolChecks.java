package org.gsweather.render;

/** Range checks shared by the symbol styles. */
final class SymbolChecks {
    private SymbolChecks() {}

    static void check(String style, double spacing, double size, double lineWidth) {
        if (!(spacing >= 8 && spacing <= 512)) {
            throw new StyleException(style + ": spacing=" + spacing + " px out of range 8-512");
        }
        if (!(size >= 4 && size <= 256)) {
            throw new StyleException(style + ": size=" + size + " px out of range 4-256");
        }
        if (!(lineWidth > 0 && lineWidth <= 16)) {
            throw new StyleException(style + ": width=" + lineWidth + " px out of range (0, 16]");
        }
    }
}
