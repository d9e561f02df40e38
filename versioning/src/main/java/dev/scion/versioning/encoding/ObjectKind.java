package dev.scion.versioning.encoding;

/**
 * The first byte of every versioning chunk says what it is. Kinds marked "format 1" are only read (old
 * repositories); Scion writes their successors.
 */
public enum ObjectKind {
    COMMIT(1),
    /** Format 1 root value: every table name and table address inline in one chunk. */
    ROOT_VALUE(2),
    /** Format 1 table value: the schema inline. */
    TABLE(3),
    WORKING_SET(4),
    TAG(5),
    /** Format 2 root value: a format version and the address of a prolly map of tables. */
    ROOT_MAP(6),
    /** Format 2 table value: the schema's address instead of the schema. */
    TABLE_REF(7),
    /** A table schema (columns, indexes, checks, foreign keys, generated columns), shared by table values. */
    SCHEMA(8),
    /** The conflicts and constraint violations a forced commit recorded (a commit's optional artifacts). */
    COMMIT_ARTIFACTS(9);

    private final byte tag;

    ObjectKind(int tag) {
        this.tag = (byte) tag;
    }

    public byte tag() {
        return tag;
    }
}
