package org.gsweather.store;

import org.gsweather.field.Field;

/** A field of a store file: the file (by identity) and the field's position in it, from 0. */
public record FieldRef(StoreFile file, int index) {

    public Field field() {
        return file.fields().get(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldRef r && r.file == file && r.index == index;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(file) * 31 + index;
    }
}
