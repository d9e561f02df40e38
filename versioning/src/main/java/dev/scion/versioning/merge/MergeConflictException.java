package dev.scion.versioning.merge;

/** Two sides changed the same data in ways that cannot be combined automatically. */
public class MergeConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String table;

    public MergeConflictException(String table, String message) {
        super(message);
        this.table = table;
    }

    public String table() {
        return table;
    }
}
