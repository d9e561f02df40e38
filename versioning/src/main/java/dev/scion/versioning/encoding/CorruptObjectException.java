package dev.scion.versioning.encoding;

/** A stored versioning object could not be decoded. */
public class CorruptObjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptObjectException(String message) {
        super(message);
    }
}
