package dev.scion.versioning.table;

/** A write would give two rows the same primary key or the same values in a unique index. */
public class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String keyName;
    private final String entry;

    public DuplicateKeyException(String keyName, String entry) {
        super("Duplicate entry '" + entry + "' for key '" + keyName + "'");
        this.keyName = keyName;
        this.entry = entry;
    }

    public String keyName() {
        return keyName;
    }

    public String entry() {
        return entry;
    }
}
