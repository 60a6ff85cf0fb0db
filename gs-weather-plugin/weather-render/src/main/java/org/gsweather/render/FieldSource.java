package org.gsweather.render;

/**
 * What a map is drawn from: a scalar field, a wind, or both (a scalar drawn as a ramp or isolines under
 * the wind's barbs). A wind alone gives its speed as the scalar.
 */
public record FieldSource(GridValues scalarField, WindValues wind) {

    public static FieldSource of(GridValues scalar) {
        return new FieldSource(scalar, null);
    }

    public static FieldSource of(WindValues wind) {
        return new FieldSource(null, wind);
    }

    /** The scalar to color or contour: the field, or the wind speed. */
    public GridValues scalar() {
        if (scalarField != null) {
            return scalarField;
        }
        if (wind != null) {
            return wind.speed();
        }
        throw new StyleException("no field to draw");
    }

    @Override
    public WindValues wind() {
        if (wind == null) {
            throw new StyleException("barbs and arrows need a u/v pair: give --field U,V or --variable U,V");
        }
        return wind;
    }
}
