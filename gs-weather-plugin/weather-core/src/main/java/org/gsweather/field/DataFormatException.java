package org.gsweather.field;

import java.io.IOException;

/**
 * Input that cannot be decoded: malformed, truncated or inconsistent. The message names the file, where
 * in it (message, field, variable) and what is wrong.
 */
public class DataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
