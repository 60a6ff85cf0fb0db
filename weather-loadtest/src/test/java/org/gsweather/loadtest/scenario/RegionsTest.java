package org.gsweather.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionsTest {
    private final Regions regions = Regions.builtIn();

    @Test
    void populationRegionsAreRankedLargestFirst() {
        assertThat(regions.ofKind(Regions.POPULATION))
                .extracting(Region::name)
                .startsWith("new_york", "los_angeles", "chicago");
    }

    @Test
    void resolvesNamesKindsAndBoxes() {
        assertThat(regions.resolve("conus", "r"))
                .singleElement()
                .extracting(r -> r.box().west())
                .isEqualTo(-125.0);
        assertThat(regions.resolve("storms", "r"))
                .hasSize(regions.ofKind(Regions.STORMS).size());
        assertThat(regions.resolve("-10, 40, 5, 50", "r").get(0).box().north()).isEqualTo(50.0);
    }

    @Test
    void rejectsUnknownNamesAndBadBoxes() {
        assertThatThrownBy(() -> regions.resolve("atlantis", "--region"))
                .hasMessageStartingWith("--region: no region 'atlantis'; use west,south,east,north, 'extent', a kind");
        assertThatThrownBy(() -> regions.resolve("10,40,5,50", "--region"))
                .hasMessageStartingWith("--region: not a lon/lat box");
    }
}
