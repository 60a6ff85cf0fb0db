package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LongitudesWrapTest {

    @Test
    void keepsLongitudesAlreadyInRange() {
        assertThat(Longitudes.wrap(-179.5)).isEqualTo(-179.5);
        assertThat(Longitudes.wrap(0.0)).isEqualTo(0.0);
        assertThat(Longitudes.wrap(179.5)).isEqualTo(179.5);
    }

    @Test
    void keepsBothSidesOfTheAntimeridianAsGiven() {
        assertThat(Longitudes.wrap(180.0)).isEqualTo(180.0);
        assertThat(Longitudes.wrap(-180.0)).isEqualTo(-180.0);
    }

    @Test
    void bringsAnyTurnBackIntoRange() {
        assertThat(Longitudes.wrap(265.0)).isEqualTo(-95.0);
        assertThat(Longitudes.wrap(359.99999)).isCloseTo(-0.00001, within(1e-12));
        assertThat(Longitudes.wrap(-725.0)).isEqualTo(-5.0);
    }
}
