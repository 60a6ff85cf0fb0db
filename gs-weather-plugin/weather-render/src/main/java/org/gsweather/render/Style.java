package org.gsweather.render;

/**
 * One way of drawing a field: the typed model behind the STYLE mini-language of {@code wx render} and,
 * later, the parameters of the {@code wx:} SLD transformations.
 */
public sealed interface Style permits RampStyle, BarbStyle, ArrowStyle, IsolineStyle {

    /** Whether the style draws a wind (u/v pair) rather than a scalar. */
    default boolean needsVector() {
        return false;
    }
}
