package org.gsweather.field;

/**
 * What a field measures.
 *
 * @param shortName abbreviation users search for, e.g. {@code TMP}, {@code UGRD}, {@code air}
 * @param name long name, e.g. {@code Temperature}
 * @param units units of the decoded values, e.g. {@code K}, {@code m/s}
 */
public record Parameter(String shortName, String name, String units) {

    @Override
    public String toString() {
        return shortName + " (" + name + ") [" + units + "]";
    }
}
