package org.gsweather.codec.jpeg2000;

/**
 * A well-formed JPEG 2000 code stream that uses a feature our decoder leaves to JJ2000 (several
 * components, ROI shifts, progression order changes, packed packet headers, Part 2 or Part 15).
 */
final class J2kUnsupportedException extends Exception {
    private static final long serialVersionUID = 1L;

    J2kUnsupportedException(String message) {
        super(message, null, false, false);
    }
}
