package org.gsweather.redis;

/** What a layer rename did. */
public enum RenameOutcome {
    /** The name now points to the layer's tiles, metadata and parameters; nothing was copied. */
    RENAMED,
    /** The store has no layer of the old name; nothing changed. */
    NOT_FOUND,
    /** A layer of the new name already exists; nothing changed. */
    NEW_NAME_TAKEN
}
