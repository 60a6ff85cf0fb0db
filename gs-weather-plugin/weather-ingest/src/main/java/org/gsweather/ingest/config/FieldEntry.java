package org.gsweather.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.gsweather.ingest.inventory.FieldSelector;

/**
 * One entry of {@code fields:}: {@code "TMP | 2 m (Specified height level above ground)"} or {@code
 * {parameter: TMP, level: "2 m (Specified height level above ground)"}}, named as {@code wx inspect} names
 * them.
 */
public record FieldEntry(FieldSelector selector) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FieldEntry parse(String text) {
        return new FieldEntry(FieldSelector.parse(text));
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static FieldEntry of(@JsonProperty("parameter") String parameter, @JsonProperty("level") String level) {
        if (parameter == null || level == null) {
            return new FieldEntry(null); // refused by the source, after Jackson has reported unknown keys
        }
        return new FieldEntry(FieldSelector.of(parameter.trim(), level.trim()));
    }
}
