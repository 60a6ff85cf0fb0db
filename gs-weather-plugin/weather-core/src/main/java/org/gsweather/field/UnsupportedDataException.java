package org.gsweather.field;

/**
 * Well-formed input that uses a feature this reader does not support (a grid or packing template, a
 * grid mapping). The message names the file, the field and the feature, e.g. "grid definition
 * template 3.101 (general unstructured grid) is not supported".
 */
public class UnsupportedDataException extends DataFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDataException(String message) {
        super(message);
    }
}
