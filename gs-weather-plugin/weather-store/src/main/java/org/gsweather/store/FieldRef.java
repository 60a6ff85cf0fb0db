package org.gsweather.store;

import org.gsweather.field.Field;

/**
 * A field of a store file: the file (by identity) and the field's position in it, from 0; GOES ABI
 * radiances may be read calibrated (brightness temperature, reflectance).
 */
public record FieldRef(StoreFile file, int index, GoesCalibration calibration) {

    public FieldRef(StoreFile file, int index) {
        this(file, index, null);
    }

    public Field field() {
        return file.fields().get(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldRef r && r.file == file && r.index == index && r.calibration == calibration;
    }

    @Override
    public int hashCode() {
        return (System.identityHashCode(file) * 31 + index) * 3 + (calibration == null ? 0 : 1 + calibration.ordinal());
    }
}
