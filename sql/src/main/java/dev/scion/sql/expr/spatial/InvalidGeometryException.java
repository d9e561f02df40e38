package dev.scion.sql.expr.spatial;

/** Bytes or text that are no valid geometry; callers turn it into the MySQL error of their context. */
public final class InvalidGeometryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidGeometryException(String message) {
        super(message);
    }
}
