package org.gsweather.render;

/** A style that cannot be drawn as written, with what is wrong and what would be right. */
public final class StyleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public StyleException(String message) {
        super(message);
    }
}
