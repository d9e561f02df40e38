package dev.scion.versioning.encoding;

/** The first byte of every versioning chunk says what it is. */
public enum ObjectKind {
    COMMIT(1), ROOT_VALUE(2), TABLE(3), WORKING_SET(4), TAG(5);

    private final byte tag;

    ObjectKind(int tag) {
        this.tag = (byte) tag;
    }

    public byte tag() {
        return tag;
    }
}
