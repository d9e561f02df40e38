package dev.scion.wire.codec;

/** A client packet that does not parse. Reported to the client as error 1835 (malformed packet). */
public class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
