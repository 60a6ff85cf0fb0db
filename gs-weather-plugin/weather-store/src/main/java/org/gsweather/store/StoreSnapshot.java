package org.gsweather.store;

import java.util.List;
import java.util.Map;

/**
 * What a store serves at one moment: its files and their coverages. Immutable; a store publishes a new
 * snapshot when its files change, so that a request sees one consistent state from start to end.
 *
 * @param files the files served, ordered by path
 * @param coverages coverages by name
 * @param hidden files retention hides (still on disk unless the store deletes expired files)
 * @param rejected files that could not be read, with the reason
 */
public record StoreSnapshot(
        List<StoreFile> files, Map<String, Coverage> coverages, List<StoreFile> hidden, List<RejectedFile> rejected) {

    public static final StoreSnapshot EMPTY = new StoreSnapshot(List.of(), Map.of(), List.of(), List.of());

    public StoreSnapshot {
        files = List.copyOf(files);
        coverages = Map.copyOf(coverages);
        hidden = List.copyOf(hidden);
        rejected = List.copyOf(rejected);
    }

    /** A coverage by name, or null. */
    public Coverage coverage(String name) {
        return coverages.get(name);
    }

    /** A file that a store could not read, with the reason, as logged once. */
    public record RejectedFile(java.nio.file.Path path, String reason) {}
}
