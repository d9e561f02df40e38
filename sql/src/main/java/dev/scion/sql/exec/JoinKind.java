package dev.scion.sql.exec;

/** The join types Scion's join operators implement. */
public enum JoinKind {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

    /** Whether the operator's rows carry the right side's columns (semi and anti joins return left rows only). */
    public boolean projectsRight() {
        return this != SEMI && this != ANTI;
    }

    static Object[] concat(Object[] l, Object[] r) {
        Object[] out = new Object[l.length + r.length];
        System.arraycopy(l, 0, out, 0, l.length);
        System.arraycopy(r, 0, out, l.length, r.length);
        return out;
    }
}
